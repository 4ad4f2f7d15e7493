/** Replaces `window.open` for a test: records the URL and returns a fake popup (or `null`: blocked). */
export function stubWindowOpen(blocked = false) {
  const original = window.open;
  const opened: string[] = [];
  let focused = 0;
  const fake = {
    closed: false,
    focus() {
      focused += 1;
    },
    close() {
      fake.closed = true;
    },
    // A blank popup is sent to Link later: record where, as if it were opened there.
    location: {
      set href(url: string) {
        opened.push(url);
      },
    },
  };
  const popup = fake as unknown as Window;
  window.open = (url?: string | URL) => {
    opened.push(String(url));
    fake.closed = false;
    return blocked ? null : popup;
  };
  return {
    opened,
    popup,
    /** How often the popup was brought to the front. */
    focused: () => focused,
    /** The `state` we appended to the Link URL. */
    state(): string {
      return new URL(opened.at(-1) ?? '').searchParams.get('state') ?? '';
    },
    restore() {
      window.open = original;
    },
  };
}

/** What the Link popup's callback page sends when the opener is unreachable (the same-origin channel). */
export function sendCallbackOverChannel(search: string): void {
  const channel = new BroadcastChannel('company-onboard:link');
  channel.postMessage({ type: 'company-onboard:link-callback', search });
  channel.close();
}
