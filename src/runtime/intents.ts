/** What a user can ask of a journey. The runner adds what the machine's events need (nonces, how to open Link). */
export type JourneyIntent =
  | { readonly type: 'NAME.SUBMIT'; readonly name: string }
  /** Opens Link; with `connectionId`, to continue that (pending) connection rather than choose software anew. */
  | { readonly type: 'LINK.OPEN'; readonly connectionId?: string }
  | { readonly type: 'RETRY' }
  | { readonly type: 'DATA.REFRESH' };
