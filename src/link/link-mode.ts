import type { LinkOpenMode } from '../machine/index.ts';

/** How Link opens here: in a webview a popup never comes back, so `auto` goes straight to a redirect. */
export const effectiveLinkMode = (preferred: LinkOpenMode, inWebview: boolean): LinkOpenMode =>
  preferred === 'auto' && inWebview ? 'redirect' : preferred;
