/**
 * Lists every `onboard-*` event on the page. Imported before the element so that events dispatched while
 * the element starts up (a return from Link) are caught too.
 */
const EVENTS = [
  'onboard-state-change',
  'onboard-company-created',
  'onboard-link-ready',
  'onboard-link-opened',
  'onboard-popup-blocked',
  'onboard-before-redirect',
  'onboard-linked',
  'onboard-cancel',
  'onboard-sync-progress',
  'onboard-complete',
  'onboard-error',
] as const;

for (const type of EVENTS) {
  document.addEventListener(type, (event) => {
    const list = document.querySelector('#events');
    const item = document.createElement('li');
    const detail = event.detail as unknown as Record<string, unknown>;
    const summary = type === 'onboard-state-change' ? String(detail['state']) : JSON.stringify(detail);
    item.textContent = `${type} ${summary}`;
    item.dataset['event'] = type;
    list?.append(item);
  });
}
