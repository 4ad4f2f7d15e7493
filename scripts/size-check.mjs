#!/usr/bin/env node
/**
 * Size budget for the browser bundle: gzip size of dist/company-onboard.js must stay within 20 KB.
 * Prints `dist/company-onboard.js: X.X KB min, Y.Y KB gzip (budget 20 KB)`; exits 1 over budget or when the
 * bundle is missing (run `npm run build` first).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const FILE = 'dist/company-onboard.js';
const BUDGET_KB = 20;
const BUDGET_BYTES = BUDGET_KB * 1024;

let code;
try {
  code = readFileSync(new URL(`../${FILE}`, import.meta.url));
} catch {
  console.error(`${FILE}: missing; run \`npm run build\` first`);
  process.exit(1);
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
const gzipBytes = gzipSync(code, { level: 9 }).length;
console.log(`${FILE}: ${kb(code.length)} KB min, ${kb(gzipBytes)} KB gzip (budget ${BUDGET_KB} KB)`);
if (gzipBytes > BUDGET_BYTES) {
  console.error(`${FILE}: over budget by ${kb(gzipBytes - BUDGET_BYTES)} KB gzip`);
  process.exit(1);
}
