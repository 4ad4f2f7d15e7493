import * as z from 'zod/mini';
import type { Parsed } from './schemas.ts';

/*
 * A pull operation of Codat's read history (`GET /companies/{id}/data/history`), as the dashboard reads it:
 * loaded with the dashboard, not with the sign-up page. Statuses stay open strings (the platform adds values).
 */
const text = z.optional(z.string());

export const PullOperationSchema = z.object({
  id: z.string(),
  dataType: z.string(),
  /** `Initial`, `Queued`, `Fetching`, … `Complete`, `FetchError`, …: the same words as the data status. */
  status: z.string(),
  /** When the pull was asked for (ISO 8601). */
  requested: z.string(),
  /** When it finished, once it has. */
  completed: text,
  connectionId: text,
  /** Why it failed, in the platform's words, when it did. */
  errorMessage: text,
  statusDescription: text,
});
export type PullOperation = z.infer<typeof PullOperationSchema>;

/**
 * The reference server's answer, `{results}` newest first, each item checked. By hand rather than `z.array`:
 * zod's code is shared with the sign-up page, and only what that page already uses is free.
 */
export function parseSyncHistory(data: unknown): Parsed<PullOperation[]> {
  const results = (data as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return { success: false, issues: ['results: Invalid input'] };
  const operations: PullOperation[] = [];
  for (const [index, item] of results.entries()) {
    const parsed = PullOperationSchema.safeParse(item);
    if (!parsed.success) {
      return {
        success: false,
        issues: parsed.error.issues.map((i) => `results.${index}.${i.path.join('.')}: ${i.message}`),
      };
    }
    operations.push(parsed.data);
  }
  return { success: true, data: operations };
}
