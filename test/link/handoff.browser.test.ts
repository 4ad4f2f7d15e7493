import { expect, waitUntil } from '@open-wc/testing';
import { CALLBACK_CHANNEL, watchLinkPopup } from '../../src/link/index.ts';

const message = (search: string) => ({ type: 'company-onboard:link-callback', search });

describe('watchLinkPopup: who may hand over a callback', () => {
  const popup = { closed: false } as unknown as Window;
  let received: string[];
  let stop: () => void;
  beforeEach(() => {
    received = [];
    ({ stop } = watchLinkPopup(window, popup, 'n1', {
      onCallback: (s) => received.push(s),
      onClosed: () => {},
    }));
  });
  afterEach(() => stop());

  it('ignores a postMessage from a window other than the popup it opened', async () => {
    const delivered = new Promise((resolve) => window.addEventListener('message', resolve, { once: true }));
    window.postMessage(message('?statusCode=200&state=n1'), window.location.origin);
    await delivered; // our listener runs after the watcher's: the watcher has seen it by now
    expect(received).to.deep.equal([]);
  });

  it('ignores channel messages for another journey and anything that is not a callback message', async () => {
    const channel = new BroadcastChannel(CALLBACK_CHANNEL);
    channel.postMessage(message('?statusCode=200&state=other'));
    channel.postMessage({ type: 'something-else', search: '?statusCode=200&state=n1' });
    channel.postMessage('?statusCode=200&state=n1');
    channel.postMessage(message('?statusCode=200&state=n1'));
    channel.close();
    await waitUntil(() => received.length > 0);
    expect(received).to.deep.equal(['?statusCode=200&state=n1']);
  });

  it('takes one callback only', async () => {
    const channel = new BroadcastChannel(CALLBACK_CHANNEL);
    channel.postMessage(message('?statusCode=200&state=n1'));
    channel.postMessage(message('?statusCode=500&state=n1'));
    channel.close();
    await waitUntil(() => received.length > 0);
    const again = new BroadcastChannel(CALLBACK_CHANNEL);
    again.postMessage(message('?statusCode=403&state=n1'));
    again.close();
    expect(received).to.deep.equal(['?statusCode=200&state=n1']);
  });
});
