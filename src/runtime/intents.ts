/** What a user can ask of a journey. The runner adds what the machine's events need (nonces, how to open Link). */
export type JourneyIntent =
  | { readonly type: 'NAME.SUBMIT'; readonly name: string }
  | { readonly type: 'LINK.OPEN' }
  | { readonly type: 'RETRY' }
  | { readonly type: 'DATA.REFRESH' };
