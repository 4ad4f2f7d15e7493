/**
 * Lists every `onboard-*` event on the page. Imported before the element so that events dispatched while
 * the element starts up (a return from Link) are caught too; kept in sessionStorage so the list survives a
 * reload or a full-page trip to Link.
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
  'onboard-connection-added',
  'onboard-disconnected',
  'onboard-company-deleted',
] as const;

const KEY = `company-onboard-demo:events:${window.location.pathname}`;
const logged: string[] = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as string[];

function show(line: string): void {
  const item = document.createElement('li');
  item.textContent = line;
  document.querySelector('#events')?.append(item);
}

// Module scripts run once the document is parsed, so the list is there already.
logged.forEach(show);

for (const type of EVENTS) {
  document.addEventListener(type, (event) => {
    const detail = event.detail as unknown as Record<string, unknown>;
    const line = `${type} ${type === 'onboard-state-change' ? String(detail['state']) : JSON.stringify(detail)}`;
    logged.push(line);
    sessionStorage.setItem(KEY, JSON.stringify(logged));
    show(line);
  });
}
