import { failureAlert } from './status-lines.ts';
import { html, nothing, type TemplateResult } from 'lit';
import type { PullRecord } from '../../machine/index.ts';
import { classifyStatus } from '../../sync/index.ts';
import type { OverviewProps } from './overview-props.ts';
import { dataTypeName } from '../messages/data-type-name.ts';
import { relativeTime, timeOf } from './relative-time.ts';

/** "Show sync history", and once asked for, the recent pulls: when, which data type, how it ended. */
export function renderHistory(props: OverviewProps): TemplateResult | typeof nothing {
  const { t, on, dashboard } = props;
  if (!props.offers.history) return nothing;
  const { history } = dashboard;
  if (history.status === 'closed') {
    return html`<button
      part="button"
      type="button"
      class="secondary"
      data-history
      @click=${() => on.dashboard({ type: 'HISTORY.OPEN' })}
    >
      ${t.historyButton}
    </button>`;
  }
  return html`
    <section
      class="history"
      aria-labelledby="history-title"
      aria-busy=${history.status === 'loading' ? 'true' : 'false'}
    >
      <h3 id="history-title" tabindex="-1">${t.historyTitle}</h3>
      ${history.status === 'loading' ? html`<p>${t.historyLoading}</p>` : nothing}
      ${
        history.status === 'failed'
          ? html`${failureAlert(props.failureWords(history.failure))}
              <button part="button" type="button" @click=${() => on.dashboard({ type: 'HISTORY.OPEN' })}>
                ${t.historyRetry}
              </button>`
          : nothing
      }
      ${
        history.status === 'shown'
          ? history.operations.length === 0
            ? html`<p>${t.historyEmpty}</p>`
            : html`<ul part="history">
                ${history.operations.map((operation) => renderOperation(operation, props))}
              </ul>`
          : nothing
      }
      <button
        part="button"
        type="button"
        class="secondary"
        @click=${() => on.dashboard({ type: 'HISTORY.CLOSE' })}
      >
        ${t.historyHide}
      </button>
    </section>
  `;
}

function renderOperation(operation: PullRecord, { t, now, locale }: OverviewProps): TemplateResult {
  const phase = classifyStatus(operation.status);
  const at = timeOf(operation.completed) ?? timeOf(operation.requested);
  // A failure says what failed, in the platform's words when it gave some.
  const outcome =
    operation.status === 'Cancelled'
      ? t.historyCancelled
      : phase === 'failed'
        ? t.historyFailed(operation.errorMessage ?? operation.statusDescription ?? operation.status)
        : t[`phase.${phase}`];
  return html`<li class=${phase}>
    <span>${dataTypeName(t, operation.dataType)}</span>
    <span>${outcome}</span>
    <span>${at === null ? '' : relativeTime(at, now, locale)}</span>
  </li>`;
}
