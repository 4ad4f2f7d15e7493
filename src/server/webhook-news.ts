import type { CompanyEvent } from './company-events.ts';
import { isPlainObject } from './plain-object.ts';

/** A webhook read for the browsers that follow its company. */
export interface WebhookNews {
  readonly companyId: string;
  readonly event: CompanyEvent;
}

type Json = Record<string, unknown>;
const object = (value: unknown): Json => (isPlainObject(value) ? value : {});
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** A connection's change, as news; `null` without the connection's id. */
const connectionNews = (
  companyId: string,
  connectionId: string | undefined,
  status: string | undefined,
): WebhookNews | null =>
  connectionId === undefined
    ? null
    : {
        companyId,
        event: { type: 'connection-changed', connectionId, ...(status !== undefined && { status }) },
      };

/**
 * Reads a Codat webhook, in the current event types (`{id, eventType, generatedDate, payload}`) or the legacy
 * rules (`{CompanyId, RuleType, Data, …}`), as news for the browsers following its company. `null` for
 * anything that tells them nothing: `company.created`, an event type we do not know, a body without a company.
 *
 * Where Codat's docs disagree, both readings are taken: `eventType` or `type`; `RuleType` or `Type`; the
 * legacy rule named `DataSyncCompleted` or "Data sync completed"; `read.completed` with one data type or many
 * (every entry of `dataTypes` counts), and its `.initial` and `.successful`/`.unsuccessful` variants.
 */
export function newsOf(body: unknown): WebhookNews | null {
  const envelope = object(body);
  const eventType = text(envelope['eventType']) ?? text(envelope['type']);
  if (eventType !== undefined) return currentNews(eventType, object(envelope['payload']));
  const rule = text(envelope['RuleType']) ?? text(envelope['Type']);
  return rule === undefined ? null : legacyNews(rule, envelope);
}

function currentNews(eventType: string, payload: Json): WebhookNews | null {
  const companyId = text(object(payload['referenceCompany'])['id']);
  if (companyId === undefined) return null;
  if (eventType === 'read.completed' || eventType.startsWith('read.completed.')) {
    const entries = Array.isArray(payload['dataTypes']) ? payload['dataTypes'] : [];
    const dataTypes = entries.flatMap((entry: unknown) => {
      const dataType = text(object(entry)['dataType']);
      const status = text(object(entry)['status']);
      return dataType === undefined ? [] : [{ dataType, ...(status !== undefined && { status }) }];
    });
    return { companyId, event: { type: 'read-completed', dataTypes } };
  }
  if (eventType.startsWith('connection.')) {
    const connection = object(payload['connection']);
    return connectionNews(companyId, text(connection['id']), text(connection['status']));
  }
  return null;
}

function legacyNews(rule: string, envelope: Json): WebhookNews | null {
  const companyId = text(envelope['CompanyId']);
  const data = object(envelope['Data']);
  if (companyId === undefined) return null;
  const name = rule.replace(/\s+/g, '').toLowerCase();
  if (name === 'datasynccompleted') {
    const dataType = text(data['dataType']);
    return {
      companyId,
      event: { type: 'read-completed', dataTypes: dataType === undefined ? [] : [{ dataType }] },
    };
  }
  if (name === 'dataconnectionstatuschanged') {
    return connectionNews(
      companyId,
      text(data['dataConnectionId']) ?? text(envelope['DataConnectionId']),
      text(data['newStatus']),
    );
  }
  return null;
}
