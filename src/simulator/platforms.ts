/**
 * The kinds of platform hosted Link offers, as connections report them in `sourceType`. The SDK's enum also
 * has `BankFeed`, `Expense`, `Other` and `Unknown`; the simulator offers none of those.
 */
export const SourceType = {
  Accounting: 'Accounting',
  Banking: 'Banking',
  Commerce: 'Commerce',
} as const;
export type SourceType = (typeof SourceType)[keyof typeof SourceType];

/** The order the Link page groups platforms in. */
export const SOURCE_TYPES: readonly SourceType[] = Object.values(SourceType);

/** A platform the simulated Link page offers. */
export interface Platform {
  /** A four-character integration key, reported as `platform` in the redirect. */
  integrationKey: string;
  integrationId: string;
  sourceId: string;
  platformName: string;
  sourceType: SourceType;
  /** `false` for the choice that makes Link finish with statusCode 501. */
  supported: boolean;
}

/**
 * The platforms on the Link page; ids are fixed so runs are reproducible. The accounting keys are Codat's
 * own (`gbol` Xero, `qhyg` QuickBooks Online, `tgff` Sage Business Cloud, `mqjo` the accounting sandbox); the
 * banking and commerce keys are made up in the same shape (four lower-case letters), not Codat's: code must
 * not depend on any key's value.
 */
export const PLATFORMS: readonly Platform[] = [
  platform('gbol', 'Xero', 'Accounting', '8a156a5a-39cb-4f9d-856e-76ef9b9a9607'),
  platform('qhyg', 'QuickBooks Online', 'Accounting', '5c1d8e8f-5b8c-4e53-9f3d-1a1e6f0b6c21'),
  platform('tgff', 'Sage Business Cloud', 'Accounting', 'a0c4f3e2-9b3d-4d3e-8c4e-2b7e0f5d1c33'),
  platform('mqjo', 'Sandbox', 'Accounting', '1b2a9c3d-7e6f-4a5b-9c8d-0e1f2a3b4c44'),
  {
    ...platform('zzzz', 'Unsupported (demo)', 'Accounting', '00000000-0000-4000-8000-000000000501'),
    supported: false,
  },
  platform('bsbx', 'Sandbox Bank', 'Banking', '6f1e2d3c-4b5a-4978-8695-a4b3c2d1e001'),
  platform('btrl', 'TrueLayer', 'Banking', '6f1e2d3c-4b5a-4978-8695-a4b3c2d1e002'),
  platform('cshp', 'Shopify', 'Commerce', '7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c01'),
  platform('cstr', 'Stripe', 'Commerce', '7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c02'),
];

export function findPlatform(integrationKey: string | null | undefined): Platform | undefined {
  return PLATFORMS.find((candidate) => candidate.integrationKey === integrationKey);
}

function platform(
  integrationKey: string,
  platformName: string,
  sourceType: SourceType,
  integrationId: string,
): Platform {
  // The simulator has one source per integration; reusing the id keeps the list short.
  return {
    integrationKey,
    integrationId,
    sourceId: integrationId,
    platformName,
    sourceType,
    supported: true,
  };
}
