#!/usr/bin/env node
/**
 * Renders docs/RELIABILITY.md from the fault matrix's case table (test/e2e/fault-cases.ts) and, when it
 * exists, the attack list (test/reliability/attack-cases.ts). The tables are the ones the tests are generated
 * from, so the published promises cannot drift from what is tested.
 *
 *   node scripts/reliability-doc.mjs           write docs/RELIABILITY.md
 *   node scripts/reliability-doc.mjs --check   exit 1 (with a hint) when docs/RELIABILITY.md is not what
 *                                              would be written; exit 0 when it is
 *
 * The attack module, once it exists, exports
 *   ATTACK_CASES: readonly { attack: string; promise: string; file: string; title: string }[]
 * (`file`: the test file, relative to the repository root; `title`: the test's title).
 *
 * The TypeScript modules are loaded with tsx; the output goes through Prettier with the repository's config,
 * so `prettier --check .` agrees with it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { tsImport } from 'tsx/esm/api';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOC = join(ROOT, 'docs', 'RELIABILITY.md');
const CASES_MODULE = join(ROOT, 'test', 'e2e', 'fault-cases.ts');
const ATTACKS_MODULE = join(ROOT, 'test', 'reliability', 'attack-cases.ts');
const SELF = 'scripts/reliability-doc.mjs';

/** Escapes a value for a Markdown table cell. */
const cell = (text) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
const row = (cells) => `| ${cells.map(cell).join(' | ')} |`;
const table = (header, rows) => [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');

/** @param {import('../test/e2e/fault-cases.ts')} matrix */
function renderMatrix(matrix) {
  const { CALLS, FAULTS, FAULT_CASES, MATRIX_TEST_FILE } = matrix;
  const tested = FAULT_CASES.filter((c) => c.expect.kind !== 'not-applicable');
  const bugs = [...new Set(FAULT_CASES.flatMap((c) => (c.knownBug ? [c.knownBug] : [])))];
  const out = [];

  out.push('## Fault matrix', '');
  out.push(
    `Every backend call the element makes, broken in every way a network, a gateway or an auth layer breaks it. ` +
      `Each case is one test in \`${MATRIX_TEST_FILE}\`: Chromium (playwright-core) drives the demo's pages ` +
      `against the reference backend and the platform simulator, with a fault proxy in front of \`/api\` ` +
      `(\`test/e2e/fault-proxy.ts\`, mounted with \`startDemo({ beforeApi })\`). One demo server and one ` +
      `browser for the file; each case has its own browser context, company and fault scope, so a few run side by side.`,
    '',
  );
  out.push(
    'Each test checks the final state; the `onboard-error` detail (code, exact message, `retryable`) and the ' +
      'alert text when an error is expected; that the name typed is still in the field (create); how many ' +
      'requests the fault hit (the adapter retries transient failures twice, after 500 ms then 1 s or as ' +
      '`Retry-After` says); that the retry (the adapter’s own, or the user’s once the fault is cleared) ' +
      'succeeds; and that the platform holds at most one company, exactly one after success (none after a ' +
      'delete, which is what it asked for).',
    '',
  );
  out.push(
    '“Once” breaks the next matching request only; “until cleared” breaks every one until the test clears ' +
      'the fault (it must outlast the automatic retries). Faults the adapter does not retry (a 2xx it cannot ' +
      'read, 401/403/404) are injected once: the first answer already decides.',
    '',
  );
  out.push(
    `**${FAULT_CASES.length} cases**: ${tested.length} tested, ` +
      `${FAULT_CASES.length - tested.length} not meaningful (said why), ` +
      (bugs.length === 0
        ? 'no open product bugs.'
        : `${FAULT_CASES.filter((c) => c.knownBug).length} exposing ${bugs.length} open product bug${bugs.length === 1 ? '' : 's'} ` +
          '(those tests are marked TODO at the step the bug breaks; see [Known bugs](#known-bugs)).'),
    '',
  );

  out.push('### Faults', '');
  out.push(
    table(
      ['Fault', 'What the proxy does', 'Retried by the adapter'],
      Object.values(FAULTS).map((f) => [f.label, f.injected, f.transient ? 'yes (2 retries)' : 'no']),
    ),
    '',
  );
  out.push(
    'A dropped connection is also resent by Chromium itself (up to twice, below `fetch`) when the socket ' +
      'was reset before any answer, so a one-off drop may never reach the adapter; persistent drops show its ' +
      'retries. Either way the user sees the outcome stated below.',
    '',
  );

  for (const [id, call] of Object.entries(CALLS)) {
    const cases = FAULT_CASES.filter((c) => c.call === id);
    if (cases.length === 0) continue;
    out.push(`### ${call.label} — \`${call.request}\``, '');
    out.push(`${call.reachedBy} Success: \`${call.success}\`; the user’s retry: **${call.retry}**.`, '');
    out.push(
      table(
        ['Fault', 'Times', 'Promise', 'Expected outcome', 'Proven by'],
        cases.map((c) => {
          if (c.expect.kind === 'not-applicable') {
            return [
              FAULTS[c.fault].label,
              '—',
              `Not meaningful: ${c.expect.reason}.`,
              '—',
              `none (listed as skipped in \`${MATRIX_TEST_FILE}\`)`,
            ];
          }
          const bug = c.knownBug ? ` **Open bug: ${c.knownBug.split(':')[0]}.**` : '';
          return [
            FAULTS[c.fault].label,
            c.times,
            c.promise + bug,
            c.outcome,
            `\`${MATRIX_TEST_FILE}\` › ${c.title}`,
          ];
        }),
      ),
      '',
    );
  }

  out.push('## Known bugs', '');
  if (bugs.length === 0) out.push('None open.', '');
  for (const bug of bugs) {
    out.push(`- ${bug} Cases, marked TODO in \`${MATRIX_TEST_FILE}\`:`);
    for (const c of FAULT_CASES.filter((fc) => fc.knownBug === bug)) out.push(`  - ${c.title}`);
    out.push('');
  }
  return out.join('\n');
}

async function renderAttacks() {
  const out = ['## Attack list', '', '<!-- attack-list:start -->', ''];
  if (!existsSync(ATTACKS_MODULE)) {
    out.push('See issue 5, in progress.');
  } else {
    const { ATTACK_CASES } = await tsImport(ATTACKS_MODULE, import.meta.url);
    if (!Array.isArray(ATTACK_CASES)) {
      throw new Error(`${relative(ROOT, ATTACKS_MODULE)} must export ATTACK_CASES (an array)`);
    }
    // The list must not drift from the tests: every proving test has to exist under that exact title.
    for (const a of ATTACK_CASES) {
      const source = readFileSync(join(ROOT, a.file), 'utf8');
      if (!source.includes(a.title)) throw new Error(`${a.file} has no test titled “${a.title}”`);
    }
    out.push(
      table(
        ['Attack', 'Promise', 'Proven by'],
        ATTACK_CASES.map((a) => [a.attack, a.promise, `\`${a.file}\` › ${a.title}`]),
      ),
    );
  }
  out.push('', '<!-- attack-list:end -->');
  return out.join('\n');
}

async function render() {
  const matrix = await tsImport(CASES_MODULE, import.meta.url);
  const text = [
    '# Reliability',
    '',
    `<!-- Generated by ${SELF} from test/e2e/fault-cases.ts (and test/reliability/attack-cases.ts once it exists). Do not edit by hand: run \`node ${SELF}\`; \`node ${SELF} --check\` fails when this file is stale. -->`,
    '',
    'What `<company-onboard>` promises when the calls to your backend fail, and the test that proves each ' +
      'promise. Codes and messages are those of `onboard-error` (`detail: {code, message, retryable}`) and of ' +
      'the alert the user reads.',
    '',
    renderMatrix(matrix),
    await renderAttacks(),
    '',
  ].join('\n');
  const config = (await prettier.resolveConfig(DOC)) ?? {};
  return prettier.format(text, { ...config, filepath: DOC });
}

const check = process.argv.includes('--check');
const unknown = process.argv.slice(2).filter((a) => a !== '--check');
if (unknown.length > 0) {
  console.error(`Unknown argument(s): ${unknown.join(' ')}. Usage: node ${SELF} [--check]`);
  process.exit(2);
}

const expected = await render();
if (check) {
  const actual = existsSync(DOC) ? await readFile(DOC, 'utf8') : null;
  if (actual !== expected) {
    console.error(
      actual === null
        ? `${relative(ROOT, DOC)} is missing. Run: node ${SELF}`
        : `${relative(ROOT, DOC)} differs from the case tables. Run: node ${SELF}`,
    );
    process.exit(1);
  }
  console.log(`${relative(ROOT, DOC)} is up to date.`);
} else {
  await writeFile(DOC, expected);
  console.log(`wrote ${relative(ROOT, DOC)}`);
}
