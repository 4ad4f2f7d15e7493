import { isLinkPopup } from '../machine/index.ts';
import { isLinkCallback, parseLinkCallback } from './callback.ts';
import { completeLinkInPopup } from './handoff.ts';
import { sessionJourneyStore, type JourneyStore } from './saved-journey.ts';

/** What {@link completeLinkCallback} did. */
export type CallbackPageResult = 'not-a-callback' | 'handed-off' | 'returning' | 'unknown-journey';

/**
 * For a dedicated Link redirect page (one URL configured in the Codat Portal, many pages with the element):
 * in a Link popup it hands the result to the opener and closes; after a full-page redirect it sends the user
 * back to the page that left for Link, with the callback parameters, where `<company-onboard>` resumes.
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
  const back = new URL(journey.returnUrl);
  for (const [name, value] of new URLSearchParams(search)) back.searchParams.append(name, value);
  win.location.replace(back.href);
  return 'returning';
}
