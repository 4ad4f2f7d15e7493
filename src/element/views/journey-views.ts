/**
 * The journey's views from opening Link on: waiting for Link, confirming, following the sync, done, and a
 * failure after the company exists. The first screen (the name form, "Connect") does without them, so they load
 * on demand, fetched as soon as the element is on the page, with their English.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { JourneyError, SyncSnapshot } from '../../machine/index.ts';
import type { Words } from '../messages/catalogue.ts';
import { dataTypeName } from '../messages/data-type-name.ts';
import { errorWords } from '../messages/error-text.ts';
import { busy } from './status-lines.ts';

export const journeyViewStrings = {
  reconnectButton: 'Reconnect',
  linkingPopup: 'Finish connecting in the window that opened.',
  focusLinkButton: 'Bring the window back',
  cancelLinkButton: 'Cancel',
  linkingRedirect: 'Taking you to your accounting software…',
  confirming: 'Confirming your connection…',
  syncing: 'Fetching your data. This can take a few minutes.',
  syncProgress: (finished: number, total: number): string =>
    total === 0 ? 'Waiting for your data…' : `${finished} of ${total} kinds of data ready`,
  completeTitle: 'You’re all set',
  complete: (platform: string | undefined): string =>
    `${platform ?? 'Your accounting software'} is connected and your data is synced.`,
  retryButton: 'Try again',
  'phase.pending': 'Waiting',
  'phase.in-progress': 'In progress',
  'phase.finished': 'Done',
  'phase.failed': 'Failed',
  // Notices come back from Link, by which time these words are here.
  'notice.user-cancelled': 'You cancelled connecting your accounting software.',
  'notice.popup-closed': 'The window was closed before you finished connecting.',
  'notice.link-unfinished': 'Connecting was not finished.',
};

export type JourneyViewStrings = typeof journeyViewStrings;
type T = Words & JourneyViewStrings;

const PHASE_ICON = { pending: '○', 'in-progress': '◔', finished: '✓', failed: '✕' } as const;

/** Link is open: in a popup, with "Bring the window back" and "Cancel"; or the page is leaving for it. */
export function renderLinking(
  t: T,
  redirect: boolean,
  on: { readonly focus: () => void; readonly cancel: () => void },
): TemplateResult {
  if (redirect) return busy(t.linkingRedirect);
  return html`${busy(t.linkingPopup)}
    <div class="actions">
      <button part="button" type="button" @click=${on.focus}>${t.focusLinkButton}</button>
      <button part="button" type="button" class="secondary" @click=${on.cancel}>${t.cancelLinkButton}</button>
    </div>`;
}

export const renderSyncing = (t: T, progress: SyncSnapshot | null): TemplateResult =>
  html`<p class="busy" tabindex="-1">${t.syncing}</p>
    ${renderProgress(t, progress)}`;

/** The success moment: what was connected, the synced types, and the integrator's next step (`complete` slot). */
export const renderComplete = (
  t: T,
  platform: string | undefined,
  progress: SyncSnapshot | null,
): TemplateResult =>
  html`<h2 class="done" tabindex="-1">${t.completeTitle}</h2>
    <p>${t.complete(platform)}</p>
    ${renderProgress(t, progress)}<slot name="complete"></slot>`;

/** A failure once the company exists: the alert holds heading and message, so they are heard once, together. */
export function renderError(t: T, error: JourneyError | null, onRetry: () => void): TemplateResult {
  const words = error === null ? { title: t.errorTitle, message: '' } : errorWords(t, error);
  return html`
    <div role="alert">
      <h2 tabindex="-1">${words.title}</h2>
      <p part="error" class="error">${words.message}</p>
    </div>
    ${
      error?.step == null
        ? nothing
        : html`<button part="button" type="button" @click=${onRetry}>
            ${error.code === 'sync-auth-error' ? t.reconnectButton : t.retryButton}
          </button>`
    }
  `;
}

function renderProgress(t: T, progress: SyncSnapshot | null): TemplateResult {
  if (progress === null)
    return html`<progress part="progress" aria-label=${t.syncProgress(0, 0)}></progress>`;
  return html`
    <progress
      part="progress"
      max=${progress.total}
      .value=${progress.finished}
      aria-label=${t.syncProgress(progress.finished, progress.total)}
    ></progress>
    <ul part="types">
      ${progress.types.map(
        (type) =>
          html`<li>
            <span>${dataTypeName(t, type.dataType)}</span>
            <span><span aria-hidden="true">${PHASE_ICON[type.phase]}</span> ${t[`phase.${type.phase}`]}</span>
          </li>`,
      )}
    </ul>
  `;
}
