/** Signs webhook bodies as Codat's Svix does (Standard Webhooks), for tests. */
import { Webhook } from 'standardwebhooks';

export const WEBHOOK_SECRET = `whsec_${Buffer.from('a test signing secret, 32 bytes!').toString('base64')}`;

let sequence = 0;

/** A POST of `body`, signed with `secret` at `at` (default now), with `webhook-*` (or `svix-*`) headers. */
export function signedWebhook(
  url: string,
  body: unknown,
  options: { secret?: string; at?: Date; id?: string; prefix?: 'webhook' | 'svix' } = {},
): Request {
  const raw = JSON.stringify(body);
  const id = options.id ?? `msg_${(sequence += 1)}`;
  const at = options.at ?? new Date();
  const prefix = options.prefix ?? 'webhook';
  const signature = new Webhook(options.secret ?? WEBHOOK_SECRET).sign(id, at, raw);
  return new Request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [`${prefix}-id`]: id,
      [`${prefix}-timestamp`]: String(Math.floor(at.getTime() / 1000)),
      [`${prefix}-signature`]: signature,
    },
    body: raw,
  });
}

/** A `read.completed` event (current event types) for a company. */
export const readCompleted = (companyId: string, dataTypes: [string, string][]) => ({
  id: crypto.randomUUID(),
  eventType: 'read.completed',
  generatedDate: new Date().toISOString(),
  payload: {
    referenceCompany: { id: companyId, name: 'Acme Ltd' },
    modifiedFromDate: new Date().toISOString(),
    dataTypes: dataTypes.map(([dataType, status]) => ({
      connectionId: 'conn-1',
      dataType,
      recordsModified: true,
      status,
      issues: [],
    })),
  },
});
