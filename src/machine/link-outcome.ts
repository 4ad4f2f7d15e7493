import type { ErrorCode } from './messages.ts';

/**
 * What came back from hosted Link, already parsed from the callback URL by `link/`.
 * The machine decides what each outcome means for the journey.
 */
export type LinkOutcome =
  | {
      readonly kind: 'success';
      /** 200: connected; 201: already linked, left without change. */
      readonly statusCode: 200 | 201;
      readonly state: string | null;
      readonly companyId: string | null;
      readonly connectionId: string | null;
    }
  | { readonly kind: 'cancelled'; readonly state: string | null }
  | {
      readonly kind: 'failed';
      readonly state: string | null;
      /** `link-failed` (500), `platform-not-supported` (501) or `callback-invalid` (garbage). */
      readonly code:
        | typeof ErrorCode.LinkFailed
        | typeof ErrorCode.PlatformNotSupported
        | typeof ErrorCode.CallbackInvalid;
      /** Link's `errorMessage`, when it sent one. */
      readonly detail: string | null;
    };

/** How Link is shown: a popup window, or the whole page. */
export type LinkWindow = 'popup' | 'redirect';

/** How the user asked Link to open: `auto` tries a popup and falls back to a redirect when it is blocked. */
export type LinkOpenMode = LinkWindow | 'auto';

/** Everything a step that opens Link needs: a fresh nonce for the callback and how to open it. */
export interface LinkRequest {
  readonly linkState: string;
  readonly mode: LinkOpenMode;
  /** The page is an in-app browser or webview, where a popup never comes back. */
  readonly inWebview: boolean;
}
