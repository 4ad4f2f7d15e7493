/**
 * The browser Link port and the popup hand-off, in Node, against a window stand-in: what is opened, what is
 * refused, which messages are taken, when a closed popup counts as closed. Timers are mocked; the
 * same-origin channel is Node's own BroadcastChannel.
 */
import { expect } from 'chai';
import { mock } from 'node:test';
import {
  CALLBACK_CHANNEL,
  browserLink,
  completeLinkInPopup,
  type PopupHandlers,
  type PopupOpening,
} from '../../src/link/index.ts';
import type { LinkOutcome } from '../../src/machine/index.ts';

const ORIGIN = 'https://app.example';
const LINK = 'https://link.codat.io/company/c-1';

/** A window as far as the Link code uses it; what it was asked to do is recorded. */
function fakeWindow(
  href = `${ORIGIN}/signup?plan=pro`,
  { blockPopups = false, opener = null }: { blockPopups?: boolean; opener?: unknown } = {},
) {
  const calls: string[] = [];
  const url = new URL(href);
  const events = new EventTarget();
  const popup = { closed: false, focused: 0, focus: () => void (popup.focused += 1) };
  const win = Object.assign(events, {
    opener,
    // A 1280×800 window whose top-left corner is at (100, 50) on the screen.
    screenX: 100,
    screenY: 50,
    outerWidth: 1280,
    outerHeight: 800,
    navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0 Safari/537.36' },
    location: {
      get search() {
        return url.search;
      },
      get href() {
        return url.href;
      },
      origin: ORIGIN,
      assign: (to: string) => calls.push(`assign ${to}`),
      replace: (to: string) => calls.push(`replace ${to}`),
    },
    history: {
      state: 'kept',
      replaceState: (state: unknown, _: string, to: string) => {
        calls.push(`replaceState ${String(state)} ${to}`);
        url.href = to;
      },
    },
    open: (to: string, name: string, features: string) => {
      calls.push(`open ${to} ${name} ${features}`);
      return blockPopups ? null : popup;
    },
    close: () => calls.push('close'),
  });
  return { win: win as unknown as Window, calls, popup, events };
}

/** A `message` event as the browser would dispatch it. */
const message = (data: unknown, origin: string, source: unknown): Event =>
  Object.assign(new Event('message'), { data, origin, source });
const callbackMessage = (search: string) => ({ type: 'company-onboard:link-callback', search });

/** Lets channel messages (delivered on the event loop, not as microtasks) arrive. */
const turns = async (n = 5): Promise<void> => {
  for (let i = 0; i < n; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

/** Every watch a test opened, stopped after it: an open watch holds a BroadcastChannel, which keeps Node running. */
const watches: PopupOpening[] = [];
const watched = (opening: PopupOpening): PopupOpening => (watches.push(opening), opening);
afterEach(() => {
  for (const opening of watches.splice(0)) if (opening.status === 'opened') opening.stop();
});

function recorder() {
  const seen: { callbacks: LinkOutcome[]; closed: number } = { callbacks: [], closed: 0 };
  const handlers: PopupHandlers = {
    onCallback: (outcome) => seen.callbacks.push(outcome),
    onClosed: () => (seen.closed += 1),
  };
  return { seen, handlers };
}

describe('browserLink: opening Link', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setInterval', 'setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('opens an allowed URL in a popup sized for Link and centred over the page, and refuses others', () => {
    const { win, calls, popup } = fakeWindow();
    const link = browserLink(win, () => ['https://link.codat.io']);
    expect(link.allows(LINK)).to.equal(true);
    expect(link.allows('https://evil.example/x')).to.equal(false);
    expect(link.openPopup('https://evil.example/x', 's', recorder().handlers)).to.deep.equal({
      status: 'rejected',
    });
    const opened = watched(link.openPopup(`${LINK}?state=s`, 's', recorder().handlers));
    expect(opened.status).to.equal('opened');
    // Centred: (100 + (1280 - 480) / 2, 50 + (800 - 760) / 2).
    expect(calls).to.deep.equal([
      `open ${LINK}?state=s company-onboard-link popup,width=480,height=760,left=500,top=70`,
    ]);
    // "Bring the window back".
    if (opened.status === 'opened') opened.focus();
    expect(popup.focused).to.equal(1);
  });

  it('reads the allowed origins afresh on every use', () => {
    let origins = ['https://link.codat.io'];
    const link = browserLink(fakeWindow().win, () => origins);
    expect(link.allows(LINK)).to.equal(true);
    origins = ['https://link-api.codat.io'];
    expect(link.allows(LINK)).to.equal(false);
  });

  it('reports a blocked popup', () => {
    const link = browserLink(fakeWindow(undefined, { blockPopups: true }).win, () => [
      'https://link.codat.io',
    ]);
    expect(link.openPopup(LINK, 's', recorder().handlers)).to.deep.equal({ status: 'blocked' });
  });

  it('redirects only to an allowed URL', () => {
    const { win, calls } = fakeWindow();
    const link = browserLink(win, () => ['https://link.codat.io']);
    expect(link.redirect('javascript:alert(1)')).to.equal(false);
    expect(calls).to.deep.equal([]);
    expect(link.redirect(LINK)).to.equal(true);
    expect(calls).to.deep.equal([`assign ${LINK}`]);
  });
});

describe('browserLink: watching the popup', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setInterval', 'setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('takes the callback posted by the popup it opened, from our origin, once', () => {
    const { win, popup, events } = fakeWindow();
    const { seen, handlers } = recorder();
    watched(browserLink(win, () => ['https://link.codat.io']).openPopup(LINK, 'n1', handlers));
    events.dispatchEvent(message(callbackMessage('?statusCode=200&state=n1'), 'https://evil.example', popup));
    events.dispatchEvent(message(callbackMessage('?statusCode=200&state=n1'), ORIGIN, {}));
    events.dispatchEvent(message({ type: 'other', search: '?statusCode=200' }, ORIGIN, popup));
    events.dispatchEvent(message({ type: 'company-onboard:link-callback', search: 5 }, ORIGIN, popup));
    events.dispatchEvent(message(null, ORIGIN, popup));
    expect(seen.callbacks).to.deep.equal([]);
    events.dispatchEvent(message(callbackMessage('?statusCode=403&state=n1'), ORIGIN, popup));
    events.dispatchEvent(message(callbackMessage('?statusCode=200&state=n1'), ORIGIN, popup));
    expect(seen.callbacks).to.deep.equal([{ kind: 'cancelled', state: 'n1' }]);
    // Once taken, the popup closing is not an abandonment.
    popup.closed = true;
    mock.timers.tick(5000);
    expect(seen.closed).to.equal(0);
  });

  it('takes a callback from the same-origin channel only when it carries this journey’s state', async () => {
    const { win } = fakeWindow();
    const { seen, handlers } = recorder();
    const opened = watched(browserLink(win, () => ['https://link.codat.io']).openPopup(LINK, 'n1', handlers));
    const sender = new BroadcastChannel(CALLBACK_CHANNEL);
    try {
      sender.postMessage(callbackMessage('?statusCode=200&state=other'));
      sender.postMessage({ type: 'nope' });
      await turns();
      expect(seen.callbacks).to.deep.equal([]);
      sender.postMessage(callbackMessage('?statusCode=200&state=n1&connectionId=k'));
      await turns();
      expect(seen.callbacks).to.have.length(1);
      expect(seen.callbacks[0]).to.deep.include({ kind: 'success', state: 'n1', connectionId: 'k' });
    } finally {
      sender.close();
      if (opened.status === 'opened') opened.stop();
    }
  });

  it('calls a popup closed only after a grace period, so a message posted just before closing still wins', () => {
    const { win, popup, events } = fakeWindow();
    const { seen, handlers } = recorder();
    watched(browserLink(win, () => ['https://link.codat.io']).openPopup(LINK, 'n1', handlers));
    mock.timers.tick(500);
    popup.closed = true;
    mock.timers.tick(500); // seen closed: the grace period starts
    mock.timers.tick(999);
    expect(seen.closed).to.equal(0);
    mock.timers.tick(1);
    expect(seen.closed).to.equal(1);
    mock.timers.tick(5000);
    expect(seen.closed).to.equal(1);
    events.dispatchEvent(message(callbackMessage('?statusCode=200&state=n1'), ORIGIN, popup));
    expect(seen.callbacks).to.deep.equal([]);
  });

  it('a message inside the grace period wins over the close', () => {
    const { win, popup, events } = fakeWindow();
    const { seen, handlers } = recorder();
    watched(browserLink(win, () => ['https://link.codat.io']).openPopup(LINK, 'n1', handlers));
    popup.closed = true;
    mock.timers.tick(600);
    events.dispatchEvent(message(callbackMessage('?statusCode=200&state=n1'), ORIGIN, popup));
    mock.timers.tick(5000);
    expect([seen.callbacks.length, seen.closed]).to.deep.equal([1, 0]);
  });

  it('stop() ends the watch: no callback, no close, no timer', () => {
    const { win, popup, events } = fakeWindow();
    const { seen, handlers } = recorder();
    const opened = watched(browserLink(win, () => ['https://link.codat.io']).openPopup(LINK, 'n1', handlers));
    if (opened.status !== 'opened') throw new Error('not opened');
    opened.stop();
    popup.closed = true;
    mock.timers.tick(5000);
    events.dispatchEvent(message(callbackMessage('?statusCode=200&state=n1'), ORIGIN, popup));
    expect([seen.callbacks.length, seen.closed]).to.deep.equal([0, 0]);
  });
});

describe('browserLink: the page', () => {
  it('reads the callback in the URL, or none', () => {
    expect(browserLink(fakeWindow().win, () => []).callback()).to.equal(null);
    const page = fakeWindow(`${ORIGIN}/signup?plan=pro&statusCode=501&state=s`).win;
    expect(browserLink(page, () => []).callback()).to.deep.equal({
      kind: 'failed',
      code: 'platform-not-supported',
      state: 's',
      detail: null,
    });
  });

  it('cleans the URL of Link’s parameters, keeping the page’s own and the history state', () => {
    const { win, calls } = fakeWindow(`${ORIGIN}/signup?plan=pro&statusCode=200&state=s&companyId=c`);
    const link = browserLink(win, () => []);
    expect(link.returnUrl()).to.equal(`${ORIGIN}/signup?plan=pro`);
    link.cleanCallbackUrl();
    expect(calls).to.deep.equal([`replaceState kept ${ORIGIN}/signup?plan=pro`]);
  });

  it('knows an opener and a webview when it sees one', () => {
    expect(browserLink(fakeWindow().win, () => []).hasOpener()).to.equal(false);
    expect(browserLink(fakeWindow(undefined, { opener: {} }).win, () => []).hasOpener()).to.equal(true);
    const { win } = fakeWindow();
    (win.navigator as { userAgent: string }).userAgent =
      'Mozilla/5.0 (Linux; Android 14; wv) Chrome/120 Mobile';
    expect(browserLink(win, () => []).inWebview()).to.equal(true);
    expect(browserLink(fakeWindow().win, () => []).inWebview()).to.equal(false);
  });

  it('hears a page restored from the back/forward cache, not an ordinary show, until unsubscribed', () => {
    const { win, events } = fakeWindow();
    let restored = 0;
    const unsubscribe = browserLink(win, () => []).onRestored(() => (restored += 1));
    const show = (persisted: boolean) =>
      events.dispatchEvent(Object.assign(new Event('pageshow'), { persisted }));
    show(false);
    show(true);
    unsubscribe();
    show(true);
    expect(restored).to.equal(1);
  });

  it('in the popup, hands the callback to the opener on our own origin and over the channel, then closes', async () => {
    const posted: unknown[] = [];
    const { win, calls } = fakeWindow(`${ORIGIN}/callback?statusCode=200&state=n1`, {
      opener: { postMessage: (data: unknown, origin: string) => posted.push([data, origin]) },
    });
    const listener = new BroadcastChannel(CALLBACK_CHANNEL);
    const heard: unknown[] = [];
    listener.onmessage = (event: MessageEvent) => heard.push(event.data);
    try {
      browserLink(win, () => []).handOff();
      await turns();
      const sent = callbackMessage('?statusCode=200&state=n1');
      expect(posted).to.deep.equal([[sent, ORIGIN]]);
      expect(heard).to.deep.equal([sent]);
      expect(calls).to.deep.equal(['close']);
    } finally {
      listener.close();
    }
  });

  it('a page that is not a callback hands nothing over', () => {
    const { win, calls } = fakeWindow();
    expect(completeLinkInPopup(win)).to.equal(false);
    expect(calls).to.deep.equal([]);
  });
});
