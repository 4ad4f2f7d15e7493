import * as z from 'zod/mini';

// No generated parsers: zod would probe `new Function`, which a strict CSP (no 'unsafe-eval') reports as a
// violation even though zod catches it. Our responses are small; the interpreter is fast enough.
z.config({ jitless: true });

/*
 * Response schemas of the backend contract, in zod/mini to keep the bundle small.
 * They are deliberately open where the platform may grow: statuses are strings, not closed enums,
 * so a future value is classified later instead of failing the whole response. Only zod features that earn
 * their bytes are used, and only the fields the widget reads (zod drops the rest): the whole widget must stay
 * under 20 KB gzip.
 */

/*
 * Codat's spec marks some fields nullable (`lastSync`, `lastSuccessfulSync`, `latestSyncId`). The fetch adapter
 * reads every `null` field as absent before these schemas see it (one JSON reviver costs fewer bytes than
 * `nullable` here and a clean-up pass after), so the widget only ever meets `undefined`.
 */
const text = z.optional(z.string());

export const ConnectionSchema = z.object({
  id: z.string(),
  platformName: z.string(),
  /** `PendingAuth | Linked | Unlinked | Deauthorized`, or a future value. */
  status: z.string(),
  linkUrl: text,
  lastSync: text,
  /** `Accounting | Banking | BankFeed | Commerce | Expense | Other`, or a future value. */
  sourceType: text,
  /** When the connection was made (ISO 8601). */
  created: text,
});
export type Connection = z.infer<typeof ConnectionSchema>;

const CompanyShape = z.object({
  id: z.string(),
  name: z.string(),
  redirect: z.string(),
  // Checked item by item in `parseCompany`: `z.array` would cost ~0.4 KB gzip of the 20 KB budget.
  dataConnections: z.optional(z.unknown()),
});
export type Company = Omit<z.infer<typeof CompanyShape>, 'dataConnections'> & {
  readonly dataConnections?: Connection[];
};

/** A parse result; `issues` say where the shape broke, for developers. */
export type Parsed<T> = { success: true; data: T } | { success: false; issues: string[] };

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}
const failed = (issues: readonly Issue[], prefix = ''): Parsed<never> => ({
  success: false,
  issues: issues.map((i) => `${prefix}${i.path.join('.') || '(root)'}: ${i.message}`),
});

/** Adapts a zod/mini schema to {@link Parsed}. */
export const parserOf =
  <T>(schema: z.ZodMiniType<T>) =>
  (data: unknown): Parsed<T> => {
    const result = schema.safeParse(data);
    return result.success ? result : failed(result.error.issues);
  };

/** A company, each of its connections checked with {@link ConnectionSchema}; none means `[]`. */
export function parseCompany(data: unknown): Parsed<Company> {
  const company = CompanyShape.safeParse(data);
  if (!company.success) return failed(company.error.issues);
  const raw = company.data.dataConnections ?? [];
  if (!Array.isArray(raw)) return { success: false, issues: ['dataConnections: Invalid input'] };
  const dataConnections: Connection[] = [];
  for (const [index, item] of raw.entries()) {
    const connection = ConnectionSchema.safeParse(item);
    if (!connection.success) return failed(connection.error.issues, `dataConnections.${index}.`);
    dataConnections.push(connection.data);
  }
  return { success: true, data: { ...company.data, dataConnections } };
}

export const DataStatusSchema = z.object({
  dataType: z.string(),
  /** Absent for a type never synced. */
  currentStatus: text,
  lastSuccessfulSync: text,
  /** The sync under way or last run: a new id means a new sync. */
  latestSyncId: text,
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
  correlationId: z.optional(z.string()),
  validation: z.optional(z.unknown()),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
