/** `npm run demo`: the whole journey on one machine, against the platform simulator. */
import { startDemo } from './start-demo.ts';

const port = process.env['PORT'] === undefined ? undefined : Number(process.env['PORT']);
const demo = await startDemo(port === undefined ? {} : { port });
console.log(`\n  company-onboard demo: ${demo.url}\n`);
console.log('  Type a company name, Connect, pick a platform, Authorise, and watch the first sync finish.');
console.log('  The platform simulator is mounted at /platform, the reference backend at /api. Ctrl-C stops.');
console.log(
  "  The demo's backend authorises everyone (the demo has no users): never do that in production.\n",
);

const stop = (): void => {
  void demo.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
