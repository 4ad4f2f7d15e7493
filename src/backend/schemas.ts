import * as z from 'zod/mini';

/*
 * Response schemas of the backend contract, in zod/mini to keep the bundle small.
 * They are deliberately open where the platform may grow: statuses are strings, not closed enums,
 * so a future value is classified later instead of failing the whole response.
 */

export const ConnectionSchema = z.object({
  id: z.string(),
  platformName: z.string(),
  /** `PendingAuth | Linked | Unlinked | Deauthorized`, or a future value. */
  status: z.string(),
  linkUrl: z.optional(z.string()),
  integrationKey: z.optional(z.string()),
  sourceType: z.optional(z.string()),
  lastSync: z.optional(z.string()),
  created: z.optional(z.string()),
});
export type Connection = z.infer<typeof ConnectionSchema>;

export const CompanySchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  redirect: z.string().check(z.minLength(1)),
  description: z.optional(z.string()),
  dataConnections: z.optional(z.nullable(z.array(ConnectionSchema))),
});
export type Company = z.infer<typeof CompanySchema>;

export const DataStatusSchema = z.object({
  dataType: z.string(),
  /** Absent for a type never synced. */
  currentStatus: z.optional(z.string()),
  lastSuccessfulSync: z.optional(z.string()),
  latestSyncId: z.optional(z.string()),
  latestSuccessfulSyncId: z.optional(z.string()),
});
export type DataStatus = z.infer<typeof DataStatusSchema>;

/** The platform's dataStatus object, keyed by data type. */
export const DataStatusesSchema = z.record(z.string(), DataStatusSchema);
export type DataStatuses = z.infer<typeof DataStatusesSchema>;

/** Our reference server's error body, or the platform's own (`validation.errors[].message`). */
export const ErrorBodySchema = z.object({
  error: z.optional(z.string()),
  code: z.optional(z.string()),
  field: z.optional(z.string()),
  message: z.optional(z.string()),
  validation: z.optional(
    z.nullable(
      z.object({
        errors: z.optional(z.nullable(z.array(z.object({ message: z.optional(z.nullable(z.string())) })))),
      }),
    ),
  ),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
