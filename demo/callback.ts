/**
 * The one redirect URL configured for Link (the simulator's template points here): hands the result to the
 * page that opened the popup, or sends a full-page return back to the page that left for Link.
 */
import { completeLinkCallback } from '../src/link/callback-page.ts';

const result = completeLinkCallback();
const status = document.querySelector('#status');
const problem =
  result === 'unsafe-return'
    ? 'The page to return to is not on this site, so we stopped here.'
    : result === 'unknown-journey' || result === 'not-a-callback'
      ? 'We couldn’t match this page to a connection you started in this browser tab, so nothing was connected.'
      : undefined;
if (status !== null && problem !== undefined) {
  // Built from nodes, not HTML: nothing from the URL or storage is ever parsed as markup.
  const again = document.createElement('a');
  again.href = '/';
  again.textContent = 'Start again';
  status.replaceChildren(`${problem} `, again, '.');
}
