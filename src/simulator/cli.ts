/**
 * `npm run simulator`: runs the platform simulator on loopback until Ctrl-C.
 * PORT (default 4010) picks the port; CODAT_SIMULATOR_API_KEY overrides the API key;
 * CODAT_SIMULATOR_SCENARIO sets the default sync scenario (see `scenarios.ts`; default `normal`);
 * CODAT_SIMULATOR_SCENARIO_TAG=1 lets the company tag `simulatorScenario` choose one at creation (the
 * `scenarioTag` option; otherwise it is a plain tag, as on Codat).
 */
import { DEFAULT_SIMULATOR_API_KEY } from './options.ts';
import { SYNC_SCENARIOS, type SyncScenario } from './scenarios.ts';
import { startSimulator } from './start.ts';

const port = Number(process.env['PORT'] ?? 4010);
const apiKey = process.env['CODAT_SIMULATOR_API_KEY'] ?? DEFAULT_SIMULATOR_API_KEY;
// Checked by the simulator, which throws a TypeError naming the valid scenarios.
const scenario = (process.env['CODAT_SIMULATOR_SCENARIO'] || undefined) as SyncScenario | undefined;
const scenarioTag = process.env['CODAT_SIMULATOR_SCENARIO_TAG'] === '1';

const running = await startSimulator({
  port,
  host: '127.0.0.1',
  apiKey,
  scenarioTag,
  ...(scenario && { scenario }),
});
console.log(`Codat simulator listening on ${running.url}`);
console.log(
  `API key: ${apiKey}  (for the reference server: CODAT_BASE_URL=${running.url} CODAT_API_KEY=${apiKey})`,
);
console.log(
  `Fault injection (no key needed, loopback only): POST ${running.url}/_simulator/faults ` +
    `'{"method":"POST","path":"/companies","kind":"drop-after"}'; DELETE the same URL to clear.`,
);
console.log(
  `Sync scenarios (${SYNC_SCENARIOS.join(', ')}): default ${scenario ?? 'normal'}; ` +
    `per company with POST ${running.url}/_simulator/companies/{id}/scenario '{"scenario":"slow"}'` +
    (scenarioTag
      ? ' or the tag simulatorScenario.'
      : ' (CODAT_SIMULATOR_SCENARIO_TAG=1 also lets the tag simulatorScenario choose it).'),
);
console.log(
  `Settings (one-time Link URLs, unstartable types, sync on re-link, nulls, name characters): ` +
    `GET/POST ${running.url}/_simulator/settings '{"oneTimeLinkUrls":true}'.`,
);
console.log('Press Ctrl-C to stop.');

const stop = (): void => {
  void running.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
