/**
 * The English the first screen needs (the name form, "Connect"), always in the sign-up bundle. The rest of English
 * loads on demand, with the views that speak it or as other languages do: see `catalogue.ts`.
 */
export const en = {
  nameLabel: 'Company name',
  nameRequired: 'Enter your company name.',
  /** Until the name rules arrive, a name they refuse is told in these general words. */
  nameInvalid: 'This name cannot be used. Use letters, numbers, spaces and - ’ & @ . , ? !',
  createButton: 'Continue',
  creating: 'Setting up your company…',
  loading: 'Loading…',
  readyTitle: 'Connect your accounting software',
  readyText: 'You will sign in to it securely and choose what to share.',
  connectButton: 'Connect',
  errorTitle: 'Something went wrong',
  errorText: 'Please try again.',
  popupHandedOff: 'You can close this window.',
} satisfies Record<string, unknown>;

export type FirstScreenStrings = typeof en;
