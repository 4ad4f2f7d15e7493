/**
 * Every shipped language has words for everything the user can be told: the journey's error codes and the
 * reference server's, every notice and data type, with the same keys as English and sentences that render.
 */
import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { ErrorCode, NoticeCode } from '../../src/machine/index.ts';
import { ErrorCode as ServerErrorCode } from '../../src/server/api-error.ts';
import { DataType } from '../../src/simulator/data-types.ts';
import { SHIPPED, english } from '../element/shipped-languages.ts';

const LANG_DIR = new URL('../../src/element/messages/lang/', import.meta.url);

/** Arguments for each entry that is a function, as the element calls it (a new one must be listed here). */
const SAMPLES: Record<string, readonly (readonly unknown[])[]> = {
  nameSavedAs: [['Cafe Muller']],
  syncProgress: [
    [0, 0],
    [1, 4],
    [4, 4],
  ],
  complete: [['Xero'], [undefined]],
  'error.link-failed': [[{ detail: 'The user denied access' }], [{}]],
  'error.sync-failed': [[{ types: ['Invoices'] }], [{ types: ['Invoices', 'Bills', 'Customers'] }]],
  'error.sync-not-started': [[{ types: ['Purchase orders'] }]],
  'name.too-long': [[100]],
  'name.forbidden': [['< > /']],
  reconnectTitle: [['Xero']],
  continueButton: [['Xero']],
  disconnectTitle: [['Xero']],
  firstAuthorised: [['3 hours ago']],
  lastSync: [['yesterday']],
  historyFailed: [['The token expired']],
  deleteTitle: [['Acme Ltd']],
  deleteLabel: [['Acme Ltd']],
  deletedText: [['Acme Ltd']],
};

/** Every rendering of an entry: itself, or the function called with each of its samples. */
function rendered(key: string, value: unknown): string[] {
  if (typeof value !== 'function') return [String(value)];
  const call = value as (...args: readonly unknown[]) => unknown;
  return (SAMPLES[key] ?? []).map((args) => String(call(...args)));
}

describe('every shipped language', () => {
  it('is listed where the browser tests take their languages from (a new lang/<code>.ts is tested too)', () => {
    const files = readdirSync(LANG_DIR)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => name.slice(0, -3));
    expect(Object.keys(SHIPPED).sort()).to.deep.equal(['en', ...files].sort());
  });

  const required = [
    ...[...Object.values(ErrorCode), ...Object.values(ServerErrorCode)].flatMap((code) => [
      `heading.${code}`,
      `error.${code}`,
    ]),
    ...Object.values(NoticeCode).map((code) => `notice.${code}`),
    ...Object.values(DataType).map((type) => `type.${type}`),
  ];

  for (const [language, words] of Object.entries(SHIPPED)) {
    describe(language, () => {
      it('has a heading and a message for every error code, and words for every notice and data type', () => {
        expect(required.filter((key) => words[key] === undefined)).to.deep.equal([]);
      });

      it('has exactly the keys English has', () => {
        expect(Object.keys(words).sort()).to.deep.equal(Object.keys(english).sort());
        for (const [key, value] of Object.entries(english))
          expect(typeof words[key], key).to.equal(typeof value);
      });

      it('renders every entry to words: nothing empty, no “undefined”, no HTTP status', () => {
        for (const [key, value] of Object.entries(words)) {
          if (typeof value === 'function') expect(SAMPLES, `samples for ${key}`).to.have.property(key);
          for (const text of rendered(key, value)) {
            expect(text.trim(), key).not.to.equal('');
            expect(text, key).not.to.match(/undefined|null|\[object|HTTP|\b[45]\d\d\b/);
          }
        }
      });
    });
  }
});
