/**
 * The one redirect URL configured for Link (the simulator's template points here): hands the result to the
 * page that opened the popup, or sends a full-page return back to the page that left for Link.
 */
import { completeLinkCallback } from '../src/link/callback-page.ts';

const result = completeLinkCallback();
const status = document.querySelector('#status');
if (status !== null && (result === 'unknown-journey' || result === 'not-a-callback')) {
  status.innerHTML =
    'This connection answer belongs to no journey in this browser tab. <a href="/">Start again</a>.';
}
