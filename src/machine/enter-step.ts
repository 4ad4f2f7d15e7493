import { linkUrlOf } from './company.ts';
import type { JourneyContext } from './context.ts';
import type { LinkRequest } from './link-outcome.ts';
import { ErrorCode } from './messages.ts';
import { go, type TransitionResult } from './result.ts';
import type { RetryableStep } from './states.ts';

/**
 * (Re)starts a step: on entry, on "Try again" and on resume after a reload. `request` says how to open Link
 * when the step is `linking` (without one, the user is asked to connect again).
 * Steps after `creating` need a company; without one the journey starts over rather than guess.
 */
export function enterStep(
  step: RetryableStep,
  context: JourneyContext,
  request: LinkRequest | null = null,
): TransitionResult {
  const cleared: JourneyContext = { ...context, error: null, notice: null };
  const { companyId, company, idempotencyKey, home } = context;
  if (step === 'creating' && idempotencyKey !== null) {
    return go('creating', cleared, [{ type: 'createCompany', name: context.companyName, idempotencyKey }]);
  }
  if (companyId === null) return go('idle', cleared);
  const load = go('loading', cleared, [{ type: 'loadCompany', companyId, withStatuses: home !== null }]);
  switch (step) {
    case 'creating':
    case 'loading':
      return load;
    case 'linking': {
      if (company === null) return load;
      if (request === null) return go(home ?? 'ready', cleared);
      // `auto` in a webview: as good as a blocked popup, so say so and go to Link with the whole page.
      const popupUseless = request.mode === 'auto' && request.inWebview;
      const window = request.mode === 'redirect' || popupUseless ? 'redirect' : 'popup';
      const opening = {
        ...cleared,
        linkState: request.linkState,
        linkMode: window,
        redirectIfBlocked: request.mode === 'auto' && !popupUseless,
      } as const;
      // A Link URL is opened once: after that a fresh one is asked for, while a blank popup opens in the click.
      const fresh = context.linkUrl === 'fresh';
      const url = fresh ? linkUrlOf(company, context.linkTarget, context.adding) : null;
      return go('linking', { ...opening, linkUrl: fresh ? 'used' : 'awaited' }, [
        ...(popupUseless ? [{ type: 'emit', event: 'popup-blocked', detail: {} } as const] : []),
        { type: 'openLink', window, url, linkState: request.linkState },
        ...(fresh ? [] : [{ type: 'fetchLinkUrl', companyId } as const]),
      ]);
    }
    case 'confirming':
      return go('confirming', cleared, [{ type: 'checkLink', companyId }]);
    case 'syncing': {
      // After types failed, waiting again would read the same failure: queue a new sync first; and a refresh
      // that never got through (its own request failed, or the page reloaded) is asked for again. Readings are
      // judged against how things stood before the first such request (the baseline survives reloads).
      const refresh = context.refreshing || context.error?.code === ErrorCode.SyncFailed;
      const baseline = refresh && context.watch.baseline === null;
      return go('syncing', { ...cleared, refreshing: refresh }, [
        { type: 'startSync', companyId, refresh, baseline },
      ]);
    }
  }
}
