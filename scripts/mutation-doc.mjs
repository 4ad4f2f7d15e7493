#!/usr/bin/env node
/**
 * Renders docs/MUTATION.md from StrykerJS's report, reports/mutation/mutation.json (the mutation-testing-elements
 * schema): the scores per folder and overall, and every mutant no test detected (survived, or no coverage), each
 * with the reason it is judged equivalent, or "NOT JUDGED". `npm run test:mutation` runs it after Stryker.
 *
 *   node scripts/mutation-doc.mjs          write docs/MUTATION.md
 *   node scripts/mutation-doc.mjs --keys   also print, as JSON, the keys of the mutants not judged yet (to paste
 *                                          into docs/mutation-equivalents.json with a reason each)
 *
 * The reasons are kept by hand in docs/mutation-equivalents.json: an object from key to reason, where a key is
 *
 *   <file>:<line> <mutator> <replacement>          e.g.  src/sync/summarize.ts:12 MethodExpression Object.keys(statuses)
 *
 * `<replacement>` is the mutated code with every run of whitespace made one space. `<file>:<line>:<column>` (column
 * from 1) names one mutant when several on a line share mutator and replacement. A key names a line's number, so
 * editing the code above it drops the reason: the mutant shows as NOT JUDGED until someone looks again. Keys that
 * match no undetected mutant are listed as stale.
 *
 * Mutation score, as Stryker counts it: detected (killed + timeout) / valid (detected + survived + no coverage);
 * compile and runtime errors and ignored mutants count in neither.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPORT = join(ROOT, 'reports', 'mutation', 'mutation.json');
const EQUIVALENTS = join(ROOT, 'docs', 'mutation-equivalents.json');
const DOC = join(ROOT, 'docs', 'MUTATION.md');
const FOLDERS = ['machine', 'runtime', 'link', 'sync', 'backend', 'server'];
const COMMAND = 'npm run test:mutation';
const SELF = 'scripts/mutation-doc.mjs';
const UNDETECTED = ['Survived', 'NoCoverage'];

if (!existsSync(REPORT)) {
  console.error(`${SELF}: no ${REPORT}; run Stryker first (${COMMAND}).`);
  process.exit(1);
}
/** @type {{ files: Record<string, { source: string, mutants: Mutant[] }> }} */
const report = JSON.parse(readFileSync(REPORT, 'utf8'));
/** @type {Record<string, string>} */
const equivalents = existsSync(EQUIVALENTS) ? JSON.parse(readFileSync(EQUIVALENTS, 'utf8')) : {};
const runDate = statSync(REPORT).mtime;

/**
 * @typedef {{ id: string, mutatorName: string, replacement?: string, status: string, static?: boolean,
 *   location: { start: { line: number, column: number }, end: { line: number, column: number } } }} Mutant
 */

const oneLine = (code) => code.replace(/\s+/g, ' ').trim();
const keyOf = (file, mutant) =>
  `${file}:${mutant.location.start.line} ${mutant.mutatorName} ${oneLine(mutant.replacement ?? '')}`;
const columnKeyOf = (file, mutant) =>
  `${file}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.mutatorName} ${oneLine(mutant.replacement ?? '')}`;

/** The original code a mutant replaces (line and column from 1; the end column is exclusive). */
function originalOf(source, { start, end }) {
  const lines = source.split('\n');
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  return [
    lines[start.line - 1].slice(start.column - 1),
    ...lines.slice(start.line, end.line - 1),
    lines[end.line - 1].slice(0, end.column - 1),
  ].join('\n');
}

/** Inline code on one line, shortened to `max` characters; it may hold backticks. */
function code(text, max = 100) {
  let value = oneLine(text);
  if (value.length > max) value = `${value.slice(0, max - 1)}…`;
  if (value === '') return '(empty)';
  const longestRun = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || longestRun > 0 ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

const emptyCounts = () => ({ Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, errors: 0, Ignored: 0 });
function count(counts, status) {
  if (status in counts) counts[status] += 1;
  else if (status === 'CompileError' || status === 'RuntimeError') counts.errors += 1;
}
const detected = (c) => c.Killed + c.Timeout;
const valid = (c) => detected(c) + c.Survived + c.NoCoverage;
const score = (c) => (valid(c) === 0 ? 'n/a' : `${((100 * detected(c)) / valid(c)).toFixed(2)} %`);

const folderOf = (file) => file.split('/')[1];
const byFolder = Object.fromEntries(FOLDERS.map((folder) => [folder, emptyCounts()]));
const total = emptyCounts();
/** @type {{ file: string, mutant: Mutant, original: string, key: string, reason: string | undefined }[]} */
const undetected = [];
const usedKeys = new Set();

for (const file of Object.keys(report.files).sort()) {
  const { source, mutants } = report.files[file];
  const counts = byFolder[folderOf(file)] ?? (byFolder[folderOf(file)] = emptyCounts());
  for (const mutant of [...mutants].sort(
    (a, b) =>
      a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column,
  )) {
    count(counts, mutant.status);
    count(total, mutant.status);
    if (!UNDETECTED.includes(mutant.status)) continue;
    const key = keyOf(file, mutant);
    const columnKey = columnKeyOf(file, mutant);
    const usedKey = columnKey in equivalents ? columnKey : key in equivalents ? key : undefined;
    if (usedKey !== undefined) usedKeys.add(usedKey);
    const reason = usedKey === undefined ? undefined : equivalents[usedKey];
    undetected.push({ file, mutant, original: originalOf(source, mutant.location), key, reason });
  }
}

const cell = (text) => String(text).replaceAll('|', '\\|');
const row = (cells) => `| ${cells.map(cell).join(' | ')} |`;
const scoreRow = (name, c) =>
  row([
    name,
    c.Killed,
    c.Timeout,
    c.Survived,
    c.NoCoverage,
    c.errors,
    c.Ignored,
    detected(c),
    valid(c),
    score(c),
  ]);

const out = [];
out.push('# Mutation testing', '');
out.push(
  `<!-- Generated by ${SELF} from reports/mutation/mutation.json; do not edit. ` +
    'Reasons for equivalent mutants: docs/mutation-equivalents.json. -->',
  '',
);
out.push(
  `Command: \`${COMMAND}\` (StrykerJS with the mocha runner, perTest coverage; configuration in ` +
    '`stryker.config.mjs`; not part of `npm test`). It mutates `src/{machine,runtime,link,sync,backend,server}` ' +
    '(less `index.ts` re-exports and type-only files) and runs the Node unit tests of the same folders under ' +
    '`test/` (not `*.browser.test.ts`). Reports: `reports/mutation/mutation.html` and `mutation.json`.',
  '',
);
out.push(`Run: ${runDate.toISOString().replace(/\.\d+Z$/, 'Z')} (the time of the report).`, '');
out.push('## Scores', '');
out.push(
  'Mutation score = detected / valid, where detected = killed + timeout and valid = detected + survived + ' +
    'no coverage (Stryker’s definition). Errors (compile or runtime) and ignored mutants count in neither.',
  '',
);
out.push(
  row([
    'Folder',
    'Killed',
    'Timeout',
    'Survived',
    'No coverage',
    'Errors',
    'Ignored',
    'Detected',
    'Valid',
    'Score',
  ]),
  row(Array(10).fill('---')),
);
for (const folder of Object.keys(byFolder)) out.push(scoreRow(`\`src/${folder}\``, byFolder[folder]));
out.push(scoreRow('**All**', total), '');

const notJudged = undetected.filter((u) => u.reason === undefined).length;
out.push('## Undetected mutants', '');
out.push(
  `${undetected.length} mutants no test detected (${total.Survived} survived, ${total.NoCoverage} with no ` +
    `coverage); ${undetected.length - notJudged} judged equivalent, ${notJudged} NOT JUDGED. A mutant NOT ` +
    'JUDGED is a missing test until someone shows it equivalent: then its key (`<file>:<line> <mutator> ' +
    '<replacement>`, see the header of ' +
    `\`${SELF}\`; \`node ${SELF} --keys\` prints them) goes into \`docs/mutation-equivalents.json\` with the reason.`,
  '',
);
const filesWithUndetected = [...new Set(undetected.map((u) => u.file))];
for (const file of filesWithUndetected) {
  const inFile = undetected.filter((u) => u.file === file);
  out.push(`### ${file} (${inFile.length})`, '');
  for (const { mutant, original, reason } of inFile) {
    const status = mutant.status === 'NoCoverage' ? 'no coverage' : 'survived';
    out.push(
      `- \`${file}:${mutant.location.start.line}\` ${mutant.mutatorName} (${status}${mutant.static ? ', static' : ''}): ` +
        `${code(original)} → ${code(mutant.replacement ?? '')}. ` +
        (reason === undefined ? '**NOT JUDGED**' : `Equivalent: ${reason}`),
    );
  }
  out.push('');
}
if (undetected.length === 0) out.push('None.', '');

const stale = Object.keys(equivalents).filter((key) => !usedKeys.has(key));
if (stale.length > 0) {
  out.push('## Stale reasons', '');
  out.push(
    'Keys in `docs/mutation-equivalents.json` that match no undetected mutant (the line moved or changed, or a ' +
      'test now kills the mutant): look again at the mutant on its new line, then fix or delete the key.',
    '',
  );
  for (const key of stale) out.push(`- ${code(key, 200)}`);
  out.push('');
}

const options = (await prettier.resolveConfig(DOC)) ?? {};
const markdown = await prettier.format(out.join('\n'), { ...options, filepath: DOC });
await writeFile(DOC, markdown);
console.log(
  `${SELF}: wrote docs/MUTATION.md (score ${score(total)}; ${undetected.length} undetected, ${notJudged} not judged` +
    `${stale.length > 0 ? `, ${stale.length} stale reasons` : ''}).`,
);

if (process.argv.includes('--keys')) {
  const keys = Object.fromEntries(undetected.filter((u) => u.reason === undefined).map((u) => [u.key, '']));
  console.log(JSON.stringify(keys, null, 2));
}
