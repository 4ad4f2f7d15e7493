/**
 * Views for an existing company: the re-authorisation prompt and the dashboard. Imported lazily (only pages
 * with `company-id` need them), so the sign-up path stays within its size budget.
 */
import { css, html, type TemplateResult } from 'lit';
import type { ConnectionRecord } from '../../machine/index.ts';
import { byValue, type CompanyViewStrings } from './company-view-strings.ts';
import { DashboardController, type DashboardHost, type DashboardSetup } from './dashboard-controller.ts';

export { companyViewStrings, type CompanyViewStrings } from './company-view-strings.ts';
export { renderDeleted } from './delete-view.ts';
export type { DashboardController } from './dashboard-controller.ts';
export type { OverviewProps } from './overview-props.ts';

export const companyViewStyles = css`
  .connections {
    display: grid;
    gap: 0.75rem;
    margin: 0 0 1rem;
  }
  .connection {
    display: block;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 0.5rem;
  }
  h3 {
    margin: 1rem 0 0.5rem;
    font-size: 1rem;
  }
  h4 {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    margin: 0 0 0.25rem;
    font-size: 1rem;
  }
  .confirm {
    display: grid;
    gap: 0.5rem;
    margin-top: 0.5rem;
    padding: 0.75rem;
    border: 2px solid var(--_danger);
    border-radius: 0.5rem;
  }
  .danger {
    background: var(--_danger);
    color: var(--_bg);
  }
  .history li {
    gap: 0.5rem;
  }
  .history .failed {
    color: var(--_danger);
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
    color: var(--_danger);
  }
`;

export function renderReconnect(
  t: CompanyViewStrings,
  broken: ConnectionRecord,
  onReconnect: () => void,
): TemplateResult {
  return html`
    <h2 tabindex="-1">${t.reconnectTitle(broken.platformName)}</h2>
    <p>${byValue(t, 'reason', broken.status) ?? t.reconnectFallbackReason}</p>
    <button part="button" type="button" @click=${onReconnect}>${t.reconnectButton}</button>
  `;
}

/** The dashboard's own operations for `host`, started now; see {@link DashboardController}. */
export const dashboardController = (host: DashboardHost, setup: DashboardSetup): DashboardController =>
  new DashboardController(host, setup);

/** The dashboard shows a refresh's progress and a retry in the words of the journey's views. */
export { journeyViewStrings } from './journey-views.ts';
