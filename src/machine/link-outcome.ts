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
  | { readonly kind: 'cancelled'; readonly state: string | null; readonly message: string }
  | {
      readonly kind: 'failed';
      readonly state: string | null;
      /** `link-failed` (500), `platform-not-supported` (501) or `callback-invalid` (garbage). */
      readonly code: 'link-failed' | 'platform-not-supported' | 'callback-invalid';
      readonly message: string;
    };
