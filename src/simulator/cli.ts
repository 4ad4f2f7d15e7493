/**
 * `npm run simulator`: runs the platform simulator on loopback until Ctrl-C.
 * PORT (default 4010) picks the port; CODAT_SIMULATOR_API_KEY overrides the API key.
 */
import { DEFAULT_SIMULATOR_API_KEY } from './options.ts';
import { startSimulator } from './start.ts';

const port = Number(process.env['PORT'] ?? 4010);
const apiKey = process.env['CODAT_SIMULATOR_API_KEY'] ?? DEFAULT_SIMULATOR_API_KEY;

const running = await startSimulator({ port, host: '127.0.0.1', apiKey });
console.log(`Codat simulator listening on ${running.url}`);
console.log(
  `API key: ${apiKey}  (for the reference server: CODAT_BASE_URL=${running.url} CODAT_API_KEY=${apiKey})`,
);
console.log(
  `Fault injection (no key needed, loopback only): POST ${running.url}/_simulator/faults ` +
    `'{"method":"POST","path":"/companies","kind":"drop-after"}'; DELETE the same URL to clear.`,
);
console.log('Press Ctrl-C to stop.');

const stop = (): void => {
  void running.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
