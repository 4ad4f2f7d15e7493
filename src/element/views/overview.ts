import { failureAlert } from './status-lines.ts';
import { html, nothing, type TemplateResult } from 'lit';
import { renderConnections } from './connection-list.ts';
import { renderDelete } from './delete-view.ts';
import { renderHistory } from './history-view.ts';
import type { OverviewProps } from './overview-props.ts';
import { dataTypeName } from '../messages/data-type-name.ts';
import { relativeTime, timeOf } from './relative-time.ts';

/**
 * The dashboard: every connection by source type with its actions, a refresh's progress inline, data
 * freshness per type, adding a source, the sync history and, when allowed, deleting the company.
 */
export function renderOverview(props: OverviewProps): TemplateResult {
  const { t, company, statuses, busy, on, locale } = props;
  const connections = company?.dataConnections ?? [];
  const types = Object.values(statuses ?? {})
    .map((status) => ({ ...status, name: dataTypeName(t, status.dataType) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const idle = !busy && props.dashboard.working === null && props.dashboard.asking === null;
  return html`
    <h2 tabindex="-1">${t.overviewTitle}</h2>
    ${renderJourneyError(props)}
    ${
      connections.length === 0
        ? html`<p>${t.noConnections}</p>
            ${idle ? html`<button part="button" type="button" @click=${on.add}>${t.connectButton}</button>` : nothing}`
        : renderConnections(props)
    }
    ${busy ? renderRefreshing(props) : nothing}
    ${
      types.length === 0
        ? nothing
        : html`<h3>${t.freshnessTitle}</h3>
            <ul part="types">
              ${types.map(
                ({ name, lastSuccessfulSync }) =>
                  html`<li>
                    <span>${name}</span>
                    <span>${freshness(props, lastSuccessfulSync)}</span>
                  </li>`,
              )}
            </ul>`
    }
    ${
      idle && connections.length > 0
        ? html`<div class="actions">
            ${
              connections.some((c) => c.status === 'Linked')
                ? html`<button part="button" type="button" @click=${on.refresh}>${t.refreshButton}</button>`
                : nothing
            }
            <button part="button" type="button" class="secondary" @click=${on.add}>${t.addButton}</button>
          </div>`
        : nothing
    }
    ${renderHistory(props)} ${renderDelete(props)}
  `;
}

/** A refresh under way, on the dashboard itself rather than instead of it. */
function renderRefreshing({ t, progress }: OverviewProps): TemplateResult {
  const finished = progress?.finished ?? 0;
  const total = progress?.total ?? 0;
  return html`<p aria-busy="true">${t.refreshing}</p>
    <progress
      part="progress"
      max=${total || 1}
      .value=${finished}
      aria-label=${t.syncProgress(finished, total)}
    ></progress>`;
}

/** When a type last synced, in words; a missing or unreadable date reads as never. */
function freshness({ t, now, locale }: OverviewProps, lastSuccessfulSync: string | undefined): string {
  const at = timeOf(lastSuccessfulSync);
  return at === null ? t.neverSynced : relativeTime(at, now, locale);
}

/** What the journey failed at from the dashboard, with its way on: "Reconnect" when access was lost. */
function renderJourneyError({ t, error, on, failureWords }: OverviewProps): TemplateResult | typeof nothing {
  if (error === null) return nothing;
  return html`<div class="journey-error">
    ${failureAlert(failureWords(error))}
    ${
      error.step === null
        ? nothing
        : html`<button part="button" type="button" @click=${on.retry}>
            ${error.code === 'sync-auth-error' ? t.reconnectButton : t.retryButton}
          </button>`
    }
  </div>`;
}
