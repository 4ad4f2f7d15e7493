import { isLinkPopup } from '../machine/index.ts';
import { isLinkCallback, parseLinkCallback } from './callback.ts';
import { completeLinkInPopup } from './handoff.ts';
import { sessionJourneyStore, type JourneyStore } from './saved-journey.ts';

/**
 * What {@link completeLinkCallback} did: `not-a-callback` (nothing), `handed-off` (to the opener, closing the
 * popup), `returning` (navigating back to the page that left for Link), `unknown-journey` (the answer belongs
 * to no journey saved in this tab), or `unsafe-return`: the saved return address is not an http(s) page of
 * the callback page's own origin (another site, `javascript:`, unreadable), so it was not followed.
 */
export type CallbackPageResult =
  'not-a-callback' | 'handed-off' | 'returning' | 'unknown-journey' | 'unsafe-return';

/**
 * For a dedicated Link redirect page (one URL configured in the Codat Portal, many pages with the element):
 * in a Link popup it hands the result to the opener and closes; after a full-page redirect it sends the user
 * back to the page that left for Link, with the callback parameters, where `<company-onboard>` resumes. It
 * only goes back to a page of its own origin: the return address comes from storage, which a script on any
 * page of the origin (or a bug) could have written.
 */
export function completeLinkCallback(
  win: Window = window,
  store: JourneyStore = sessionJourneyStore(),
): CallbackPageResult {
  const search = win.location.search;
  if (!isLinkCallback(search)) return 'not-a-callback';
  const state = parseLinkCallback(search).state;
  const journey = state === null ? null : store.findByLinkState(state);
  if (isLinkPopup(journey?.snapshot.context.linkMode ?? null, win.opener !== null)) {
    completeLinkInPopup(win);
    return 'handed-off';
  }
  if (journey === null) return 'unknown-journey';
  const back = sameOriginPage(journey.returnUrl, win.location.origin);
  if (back === undefined) return 'unsafe-return';
  for (const [name, value] of new URLSearchParams(search)) back.searchParams.append(name, value);
  win.location.replace(back.href);
  return 'returning';
}

/** `address` as a URL when it is an http(s) page of `origin`; `undefined` otherwise. */
function sameOriginPage(address: string, origin: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  return /^https?:$/.test(url.protocol) && url.origin === origin ? url : undefined;
}
