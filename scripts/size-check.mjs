#!/usr/bin/env node
/**
 * Size budget for the browser bundle: gzip size of dist/company-onboard.js (what every page loads, Lit and
 * zod/mini included) must stay within 24 KB (we aim to stay near 20 KB). Lazily imported chunks (views, languages) are listed
 * with their sizes too, so nothing hides. Exits 1 over budget, when the bundle is missing (`npm run build`), or
 * when a language of src/element/messages/lang has no chunk of its own.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const FILE = 'dist/company-onboard.js';
const BUDGET_KB = 24;
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

let chunks = [];
try {
  chunks = readdirSync(new URL('../dist/chunks/', import.meta.url)).filter((name) => name.endsWith('.js'));
} catch {
  // no lazy chunks
}
for (const name of chunks) {
  const chunk = readFileSync(new URL(`../dist/chunks/${name}`, import.meta.url));
  console.log(
    `dist/chunks/${name}: ${kb(chunk.length)} KB min, ${kb(gzipSync(chunk, { level: 9 }).length)} KB gzip (loaded only when used)`,
  );
}

// Each language is its own chunk, never in the sign-up entry (its words would cost every page).
const languages = readdirSync(new URL('../src/element/messages/lang/', import.meta.url))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.slice(0, -3));
const missing = languages.filter((language) => !chunks.some((name) => name.startsWith(`${language}-`)));
if (missing.length > 0) {
  console.error(`languages without a chunk of their own: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`languages, each its own chunk: en (first screen in the entry), ${languages.join(', ')}`);
