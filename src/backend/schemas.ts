import * as z from 'zod/mini';

/*
 * Response schemas of the backend contract, in zod/mini to keep the bundle small.
 * They are deliberately open where the platform may grow: statuses are strings, not closed enums,
 * so a future value is classified later instead of failing the whole response. Only zod features that earn
 * their bytes are used, and only the fields the widget reads (zod drops the rest): the whole widget must stay
 * under 20 KB gzip.
 */

export const ConnectionSchema = z.object({
  id: z.string(),
  platformName: z.string(),
  /** `PendingAuth | Linked | Unlinked | Deauthorized`, or a future value. */
  status: z.string(),
  linkUrl: z.optional(z.string()),
  lastSync: z.optional(z.string()),
});
export type Connection = z.infer<typeof ConnectionSchema>;

export const CompanySchema = z.object({
  id: z.string(),
  name: z.string(),
  redirect: z.string(),
  dataConnections: z.optional(z.array(ConnectionSchema)),
});
export type Company = z.infer<typeof CompanySchema>;

export const DataStatusSchema = z.object({
  dataType: z.string(),
  /** Absent for a type never synced. */
  currentStatus: z.optional(z.string()),
  lastSuccessfulSync: z.optional(z.string()),
});
export type DataStatus = z.infer<typeof DataStatusSchema>;

/** The platform's dataStatus object, keyed by data type. (`catchall` costs ~0.6 KB gzip less than `record`.) */
export const DataStatusesSchema = z.catchall(z.object({}), DataStatusSchema);
export type DataStatuses = Record<string, DataStatus>;

/**
 * Our reference server's error body (`{error, code, field}`), or the platform's own (`{error, validation}`,
 * whose validation messages `describeErrorBody` digs out by hand: `validation` may be `null`).
 */
export const ErrorBodySchema = z.object({
  error: z.optional(z.string()),
  code: z.optional(z.string()),
  field: z.optional(z.string()),
  validation: z.optional(z.unknown()),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
