import { expect } from 'chai';
import {
  completeLinkCallback,
  createJourneyStore,
  isInAppBrowser,
  type JourneyStore,
} from '../../src/link/index.ts';
import { initialContext, type LinkWindow } from '../../src/machine/index.ts';
import { memoryStorage } from './memory-storage.ts';

/** A stand-in for the callback page's window: what it was asked to do is recorded. */
function fakeWindow(
  search: string,
  opener: { postMessage(data: unknown, origin: string): void } | null = null,
) {
  const calls: string[] = [];
  const win = {
    opener,
    closed: false,
    location: {
      search,
      origin: 'https://app.example',
      replace: (url: string) => calls.push(`replace ${url}`),
    },
    close: () => calls.push('close'),
  };
  return { win: win as unknown as Window, calls };
}

let store: JourneyStore;
const save = (linkMode: LinkWindow, returnUrl = 'https://app.example/signup?plan=pro') =>
  store.save('signup', {
    snapshot: {
      state: 'linking',
      context: { ...initialContext, companyId: 'c1', linkState: 'n1', linkMode },
    },
    returnUrl,
  });

describe('completeLinkCallback (a dedicated redirect page)', () => {
  beforeEach(() => {
    const storage = memoryStorage();
    store = createJourneyStore(() => storage);
  });

  it('ignores a page that is not a Link callback', () => {
    expect(completeLinkCallback(fakeWindow('?plan=pro').win, store)).to.equal('not-a-callback');
  });

  it('sends a full-page return back to the page that left, with the callback parameters', () => {
    save('redirect');
    const { win, calls } = fakeWindow('?statusCode=200&state=n1');
    expect(completeLinkCallback(win, store)).to.equal('returning');
    expect(calls).to.deep.equal(['replace https://app.example/signup?plan=pro&statusCode=200&state=n1']);
  });

  it('in a popup, posts the result to the opener on our own origin only, and closes', () => {
    save('popup');
    const posted: unknown[] = [];
    const { win, calls } = fakeWindow('?statusCode=403&state=n1', {
      postMessage: (data, origin) => posted.push([data, origin]),
    });
    expect(completeLinkCallback(win, store)).to.equal('handed-off');
    expect(posted).to.deep.equal([
      [{ type: 'company-onboard:link-callback', search: '?statusCode=403&state=n1' }, 'https://app.example'],
    ]);
    expect(calls).to.deep.equal(['close']);
  });

  it('in a popup whose opener COOP cut off, still hands over (the channel carries it) when the journey says popup', () => {
    save('popup');
    const { win, calls } = fakeWindow('?statusCode=200&state=n1');
    expect(completeLinkCallback(win, store)).to.equal('handed-off');
    expect(calls).to.deep.equal(['close']);
  });

  it('a full-page return wins over an opener (a page opened from another tab can still be a return)', () => {
    save('redirect');
    const { win, calls } = fakeWindow('?statusCode=200&state=n1', { postMessage: () => undefined });
    expect(completeLinkCallback(win, store)).to.equal('returning');
    expect(calls).to.have.length(1);
  });

  it('a callback without state belongs to no journey', () => {
    save('redirect');
    const { win, calls } = fakeWindow('?statusCode=200');
    expect(completeLinkCallback(win, store)).to.equal('unknown-journey');
    expect(calls).to.deep.equal([]);
  });

  it('in a popup with an opener hands over even with no journey saved in its tab', () => {
    const { win, calls } = fakeWindow('?statusCode=200&state=n1', { postMessage: () => undefined });
    expect(completeLinkCallback(win, store)).to.equal('handed-off');
    expect(calls).to.deep.equal(['close']);
  });

  it('a callback without state never matches a journey that has no nonce', () => {
    store.save('signup', {
      snapshot: { state: 'ready', context: { ...initialContext, companyId: 'c1', linkMode: 'redirect' } },
      returnUrl: 'https://app.example/signup',
    });
    const { win, calls } = fakeWindow('?statusCode=200');
    expect(completeLinkCallback(win, store)).to.equal('unknown-journey');
    expect(calls).to.deep.equal([]);
  });

  it('never follows a saved return address off its own origin, nor javascript:, data: or junk: unsafe-return', () => {
    for (const returnUrl of [
      'https://evil.example/signup', // another origin
      'https://app.example:8443/signup', // another port of the same host
      'http://app.example/signup', // the same host over http
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example/signup', // protocol-relative
      'not a url',
    ]) {
      save('redirect', returnUrl);
      const { win, calls } = fakeWindow('?statusCode=200&state=n1');
      expect(completeLinkCallback(win, store), returnUrl).to.equal('unsafe-return');
      expect(calls, returnUrl).to.deep.equal([]);
    }
  });

  it('follows a same-origin return address with a path, query and hash of its own', () => {
    save('redirect', 'https://app.example/deep/page?a=1#top');
    const { win, calls } = fakeWindow('?statusCode=200&state=n1');
    expect(completeLinkCallback(win, store)).to.equal('returning');
    expect(calls).to.deep.equal(['replace https://app.example/deep/page?a=1&statusCode=200&state=n1#top']);
  });

  it('does nothing with a callback whose state matches no journey', () => {
    const { win, calls } = fakeWindow('?statusCode=200&state=forged');
    expect(completeLinkCallback(win, store)).to.equal('unknown-journey');
    expect(calls).to.deep.equal([]);
  });
});

describe('isInAppBrowser', () => {
  const cases: [string, boolean][] = [
    ['Mozilla/5.0 (Linux; Android 14; wv) AppleWebKit/537.36 Chrome/120 Mobile', true],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
      true,
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 [FBAN/FBIOS]',
      true,
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1',
      false,
    ],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/150.0 Safari/537.36', false],
  ];
  for (const [ua, expected] of cases) {
    it(`${expected ? 'webview' : 'browser'}: ${ua.slice(0, 60)}…`, () =>
      expect(isInAppBrowser(ua)).to.equal(expected));
  }
});
