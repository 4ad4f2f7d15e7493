/** An accounting platform the simulated Link page offers. */
export interface Platform {
  /** Codat's four-character integration key, reported as `platform` in the redirect. */
  integrationKey: string;
  integrationId: string;
  sourceId: string;
  platformName: string;
  /** `false` for the choice that makes Link finish with statusCode 501. */
  supported: boolean;
}

/** The platforms on the Link page; ids are fixed so runs are reproducible. */
export const PLATFORMS: readonly Platform[] = [
  platform('gbol', 'Xero', '8a156a5a-39cb-4f9d-856e-76ef9b9a9607'),
  platform('qhyg', 'QuickBooks Online', '5c1d8e8f-5b8c-4e53-9f3d-1a1e6f0b6c21'),
  platform('tgff', 'Sage Business Cloud', 'a0c4f3e2-9b3d-4d3e-8c4e-2b7e0f5d1c33'),
  platform('mqjo', 'Sandbox', '1b2a9c3d-7e6f-4a5b-9c8d-0e1f2a3b4c44'),
  { ...platform('zzzz', 'Unsupported (demo)', '00000000-0000-4000-8000-000000000501'), supported: false },
];

export function findPlatform(integrationKey: string | null | undefined): Platform | undefined {
  return PLATFORMS.find((candidate) => candidate.integrationKey === integrationKey);
}

function platform(integrationKey: string, platformName: string, integrationId: string): Platform {
  // The simulator has one source per integration; reusing the id keeps the list short.
  return { integrationKey, integrationId, sourceId: integrationId, platformName, supported: true };
}
