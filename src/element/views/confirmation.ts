import { failureAlert } from './status-lines.ts';
import { html, nothing, type TemplateResult } from 'lit';
import type { OverviewProps } from './overview-props.ts';

/* What the dashboard's confirmations (disconnect, delete) share. */

/** How a confirmation's own button reads and acts: without `onClick` it submits the confirmation's form. */
export interface ConfirmButton {
  readonly label: string;
  /** Its label while the request runs. */
  readonly busyLabel: string;
  /** Whether pressing it would do anything yet (a typed confirmation may not match). */
  readonly ready: boolean;
  readonly onClick?: () => void;
}

/**
 * The end of a confirmation: why the last attempt failed (an alert), the button that does it, and Cancel,
 * which goes while the request runs.
 */
export function renderConfirmActions(props: OverviewProps, confirm: ConfirmButton): TemplateResult {
  const { dashboard, t, on } = props;
  const working = dashboard.working !== null;
  return html`
    ${dashboard.failure === null ? nothing : failureAlert(props.failureWords(dashboard.failure))}
    <div class="actions">
      <button
        part="button"
        type=${confirm.onClick === undefined ? 'submit' : 'button'}
        class="danger"
        aria-disabled=${confirm.ready && !working ? 'false' : 'true'}
        @click=${confirm.onClick ?? nothing}
      >
        ${working ? confirm.busyLabel : confirm.label}
      </button>
      ${
        working
          ? nothing
          : html`<button
              part="button"
              type="button"
              class="secondary"
              @click=${() => on.dashboard({ type: 'CANCEL' })}
            >
              ${t.cancelButton}
            </button>`
      }
    </div>
  `;
}

/** Escape closes a confirmation, as it would a dialog. */
export const escapeCancels =
  (props: OverviewProps) =>
  (event: KeyboardEvent): void => {
    if (event.key === 'Escape') props.on.dashboard({ type: 'CANCEL' });
  };
