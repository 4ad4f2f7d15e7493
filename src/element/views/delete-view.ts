import { html, nothing, type TemplateResult } from 'lit';
import { confirmsDelete } from '../../machine/dashboard.ts';
import { escapeCancels, renderConfirmActions } from './confirmation.ts';
import type { OverviewProps } from './overview-props.ts';

/**
 * With `allow-delete`: deleting the company and its data, behind a confirmation the user must type (the
 * company's name), as GitHub asks before deleting a repository.
 */
export function renderDelete(props: OverviewProps): TemplateResult | typeof nothing {
  const { t, on, dashboard, company, busy } = props;
  if (!props.offers.delete || company === null) return nothing;
  if (dashboard.asking?.kind !== 'delete') {
    return busy || dashboard.working !== null
      ? nothing
      : html`<button
          part="button"
          type="button"
          class="danger"
          data-delete
          @click=${() => on.dashboard({ type: 'ASK', request: { kind: 'delete' } })}
        >
          ${t.deleteButton}
        </button>`;
  }
  const working = dashboard.working !== null;
  const matches = confirmsDelete(dashboard.typed, company.name);
  const confirm = (event: SubmitEvent): void => {
    event.preventDefault();
    on.dashboard({ type: 'CONFIRM', companyName: company.name });
  };
  return html`
    <form class="confirm" aria-labelledby="delete-title" @submit=${confirm} @keydown=${escapeCancels(props)}>
      <p id="delete-title"><strong>${t.deleteTitle(company.name)}</strong></p>
      <p>${t.deleteText}</p>
      <label for="delete-name">${t.deleteLabel(company.name)}</label>
      <input
        part="input"
        id="delete-name"
        autocomplete="off"
        .value=${dashboard.typed}
        ?readonly=${working}
        @input=${(event: InputEvent) => on.dashboard({ type: 'TYPE', text: (event.target as HTMLInputElement).value })}
      />
      ${renderConfirmActions(props, { label: t.deleteConfirm, busyLabel: t.deleting, ready: matches })}
    </form>
  `;
}

/** The end: what was deleted. */
export function renderDeleted(t: OverviewProps['t'], companyName: string): TemplateResult {
  return html`<h2 tabindex="-1">${t.deletedTitle}</h2>
    <p>${t.deletedText(companyName)}</p>`;
}
