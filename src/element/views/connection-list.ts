import { html, nothing, type TemplateResult } from 'lit';
import type { ConnectionRecord } from '../../machine/index.ts';
import { byValue } from './company-view-strings.ts';
import { escapeCancels, renderConfirmActions } from './confirmation.ts';
import type { OverviewProps } from './overview-props.ts';
import { relativeTime, timeOf } from './relative-time.ts';

/** Codat's source types, in the order the portal shows them; a type not listed comes last, under its own name. */
const SOURCE_ORDER = ['Accounting', 'Banking', 'BankFeed', 'Commerce', 'Expense', 'Other'];
const sourceRank = (source: string): number => {
  const rank = SOURCE_ORDER.indexOf(source);
  return rank === -1 ? SOURCE_ORDER.length : rank;
};

/** The connections grouped by source type (a connection without one is accounting, as Codat's first ones were). */
export function groupBySource(connections: readonly ConnectionRecord[]): [string, ConnectionRecord[]][] {
  const groups = new Map<string, ConnectionRecord[]>();
  for (const connection of connections) {
    const source = connection.sourceType ?? 'Accounting';
    groups.set(source, [...(groups.get(source) ?? []), connection]);
  }
  return [...groups].sort(([a], [b]) => sourceRank(a) - sourceRank(b) || a.localeCompare(b));
}

/** Every connection, under a heading per source type. */
export function renderConnections(props: OverviewProps): TemplateResult {
  const { t, company } = props;
  return html`${groupBySource(company?.dataConnections ?? []).map(
    ([source, connections]) => html`
      <section class="source" aria-labelledby="source-${source}">
        <h3 id="source-${source}">${byValue(t, 'source', source) ?? source}</h3>
        <ul class="connections">
          ${connections.map((connection) => renderConnection(connection, props))}
        </ul>
      </section>
    `,
  )}`;
}

function renderConnection(connection: ConnectionRecord, props: OverviewProps): TemplateResult {
  const { t, now, staleAfterMs, locale } = props;
  const { lastSync, status } = connection;
  // A date that is not a date reads as unknown (never synced, never stale) rather than breaking the view.
  const synced = timeOf(lastSync);
  const created = timeOf(connection.created);
  const stale = synced !== null && now - synced > staleAfterMs;
  return html`
    <li class="connection">
      <h4>
        ${connection.platformName}
        <span class="badge ${status}">${byValue(t, 'status', status) ?? status}</span>
      </h4>
      ${created === null ? nothing : html`<p>${t.firstAuthorised(relativeTime(created, now, locale))}</p>`}
      <p>${synced === null ? t.neverSynced : t.lastSync(relativeTime(synced, now, locale))}</p>
      ${stale ? html`<p class="stale">${t.stale}</p>` : nothing} ${renderActions(connection, props)}
    </li>
  `;
}

/**
 * Linked: "Disconnect" (asked first). Pending: continue it, or choose other software. Broken (revoked,
 * disconnected): reconnect that connection. None while a refresh or another request is under way.
 */
function renderActions(connection: ConnectionRecord, props: OverviewProps): TemplateResult | typeof nothing {
  const { t, on, dashboard, busy } = props;
  const asking = dashboard.asking;
  if (asking?.kind === 'disconnect' && asking.connectionId === connection.id) {
    return renderDisconnectConfirmation(connection, props);
  }
  if (busy || dashboard.working !== null) return nothing;
  switch (connection.status) {
    case 'Linked':
      return props.offers.disconnect
        ? html`<button
            part="button"
            type="button"
            class="secondary"
            data-disconnect=${connection.id}
            @click=${() => on.dashboard({ type: 'ASK', request: { kind: 'disconnect', connectionId: connection.id } })}
          >
            ${t.disconnectButton}
          </button>`
        : nothing;
    case 'PendingAuth':
      return html`
        <p>${t['reason.PendingAuth']}</p>
        <button part="button" type="button" @click=${() => on.continue(connection.id)}>
          ${t.continueButton(connection.platformName)}
        </button>
        <button part="button" type="button" class="secondary" @click=${() => on.add()}>
          ${t.chooseOtherButton}
        </button>
      `;
    default:
      return html`<p>${byValue(t, 'reason', connection.status) ?? t.reconnectFallbackReason}</p>
        <button
          part="button"
          type="button"
          data-reconnect=${connection.id}
          @click=${() => on.reconnect(connection.id)}
        >
          ${t.reconnectButton}
        </button>`;
  }
}

/** Says what disconnecting means before doing it; stays open with the reason when it failed. */
function renderDisconnectConfirmation(connection: ConnectionRecord, props: OverviewProps): TemplateResult {
  const { t, on } = props;
  return html`
    <div class="confirm" role="group" aria-labelledby="confirm-title" @keydown=${escapeCancels(props)}>
      <p id="confirm-title"><strong>${t.disconnectTitle(connection.platformName)}</strong></p>
      <p>${t.disconnectText}</p>
      ${renderConfirmActions(props, {
        label: t.disconnectConfirm,
        busyLabel: t.disconnecting,
        ready: true,
        onClick: () => on.dashboard({ type: 'CONFIRM', companyName: props.company?.name ?? '' }),
      })}
    </div>
  `;
}
