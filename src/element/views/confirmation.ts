import { html, nothing, type TemplateResult } from 'lit';
import type { DashboardState } from '../../machine/dashboard.ts';
import type { OverviewProps } from './overview-props.ts';

/* What the dashboard's confirmations (disconnect, delete) share. */

/** The reason the last request failed, as an alert. */
export function renderFailure(
  dashboard: DashboardState,
  props: OverviewProps,
): TemplateResult | typeof nothing {
  return dashboard.failure === null
    ? nothing
    : html`<p part="error" class="error" role="alert">${props.failureText(dashboard.failure)}</p>`;
}

/** Escape closes a confirmation, as it would a dialog. */
export const escapeCancels =
  (props: OverviewProps) =>
  (event: KeyboardEvent): void => {
    if (event.key === 'Escape') props.on.dashboard({ type: 'CANCEL' });
  };
