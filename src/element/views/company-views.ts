/**
 * Views for an existing company: the re-authorisation prompt and the dashboard. Imported lazily (only pages
 * with `company-id` need them), so the sign-up path stays within its size budget.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { CompanyRecord, ConnectionRecord, DataStatusRecords } from '../../machine/index.ts';
import { byValue, type CompanyViewStrings } from './company-view-strings.ts';
import { relativeTime, timeOf } from './relative-time.ts';

export { companyViewStrings, type CompanyViewStrings } from './company-view-strings.ts';

export const companyViewStyles = css`
  .connections {
    display: grid;
    gap: 0.75rem;
    margin: 0 0 1rem;
  }
  .connection {
    display: block;
    padding: 0.75rem;
    border: 1px solid var(--onboard-border-color, #d0d4dc);
    border-radius: 0.5rem;
  }
  h3 {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    margin: 0 0 0.25rem;
    font-size: 1rem;
  }
  .badge {
    padding: 0 0.5rem;
    border-radius: 1rem;
    font-size: 0.8125rem;
    color: #fff;
    background: var(--onboard-status-unlinked, #5f6673);
  }
  .Linked {
    background: var(--onboard-status-linked, #1e7a3c);
  }
  .Deauthorized {
    background: var(--onboard-status-deauthorized, #b3261e);
  }
  .PendingAuth {
    background: var(--onboard-status-pending, #6a3fb5);
  }
  .stale {
    color: var(--onboard-danger-color, #b3261e);
  }
`;

export interface OverviewProps {
  readonly t: CompanyViewStrings;
  readonly company: CompanyRecord | null;
  readonly statuses: DataStatusRecords | null;
  /** Last syncs older than this are flagged, in milliseconds. */
  readonly staleAfterMs: number;
  readonly now: number;
  readonly onRefresh: () => void;
  readonly onReconnect: () => void;
  /** Opens Link for that (pending) connection. */
  readonly onContinue: (connectionId: string) => void;
}

export function renderReconnect(
  t: CompanyViewStrings,
  broken: ConnectionRecord,
  onReconnect: () => void,
): TemplateResult {
  return html`
    <h2>${t.reconnectTitle(broken.platformName)}</h2>
    <p>${byValue(t, 'reason', broken.status) ?? t.reconnectFallbackReason}</p>
    <button part="button" type="button" @click=${onReconnect}>${t.reconnectButton}</button>
  `;
}

function renderConnection(connection: ConnectionRecord, props: OverviewProps): TemplateResult {
  const { t, now, staleAfterMs } = props;
  const { lastSync, status } = connection;
  // A `lastSync` that is not a date reads as never synced (and never stale) rather than breaking the view.
  const synced = timeOf(lastSync);
  const stale = synced !== null && now - synced > staleAfterMs;
  return html`
    <li class="connection">
      <h3>
        ${connection.platformName}
        <span class="badge ${status}">${byValue(t, 'status', status) ?? status}</span>
      </h3>
      <p>${synced === null ? t.neverSynced : t.lastSync(relativeTime(synced, now))}</p>
      ${stale ? html`<p class="stale">${t.stale}</p>` : nothing}
      ${status === 'Linked' ? nothing : renderActions(connection, props)}
    </li>
  `;
}

/** A pending connection is continued or abandoned for other software; a broken one reconnected. */
function renderActions(
  connection: ConnectionRecord,
  { t, onContinue, onReconnect }: OverviewProps,
): TemplateResult {
  if (connection.status !== 'PendingAuth') {
    return html`<button part="button" type="button" @click=${onReconnect}>${t.reconnectButton}</button>`;
  }
  return html`
    <p>${t['reason.PendingAuth']}</p>
    <button part="button" type="button" @click=${() => onContinue(connection.id)}>
      ${t.continueButton(connection.platformName)}
    </button>
    <button part="button" type="button" @click=${onReconnect}>${t.chooseOtherButton}</button>
  `;
}

/** Each connection with its status in words and colour, last sync, staleness; data freshness per type. */
export function renderOverview(props: OverviewProps): TemplateResult {
  const { t, company, statuses, now } = props;
  const connections = company?.dataConnections ?? [];
  const types = Object.values(statuses ?? {}).sort((a, b) => a.dataType.localeCompare(b.dataType));
  return html`
    <h2>${t.overviewTitle}</h2>
    ${
      connections.length === 0
        ? html`<p>${t.noConnections}</p>
            <button part="button" type="button" @click=${props.onReconnect}>${t.connectButton}</button>`
        : html`<ul class="connections">
            ${connections.map((connection) => renderConnection(connection, props))}
          </ul>`
    }
    ${
      types.length === 0
        ? nothing
        : html`<h3>${t.freshnessTitle}</h3>
            <ul part="types">
              ${types.map(
                ({ dataType, lastSuccessfulSync }) =>
                  html`<li>
                    <span>${dataType}</span>
                    <span>${freshness(t, lastSuccessfulSync, now)}</span>
                  </li>`,
              )}
            </ul>`
    }
    ${
      connections.some((c) => c.status === 'Linked')
        ? html`<button part="button" type="button" @click=${props.onRefresh}>${t.refreshButton}</button>`
        : nothing
    }
  `;
}

/** When a type last synced, in words; a missing or unreadable date reads as never. */
function freshness(t: CompanyViewStrings, lastSuccessfulSync: string | undefined, now: number): string {
  const at = timeOf(lastSuccessfulSync);
  return at === null ? t.neverSynced : relativeTime(at, now);
}
