import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  codatCompanyName,
  companyNameProblem,
  COMPANY_NAME_MAX_LENGTH,
} from '../../src/backend/company-name.ts';

/** Codat's spec pattern for `name` (published OpenAPI), as .NET reads it: `\s` there is whitespace. */
const CODAT_NAME = /^[A-Za-z0-9\s\-',&@.,?!\s]+$/;
const ASCII_ALLOWED = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -'&@.,?!"];
const spaced = (text: string): string => text.replace(/ +/g, ' ').trim();

describe('codatCompanyName: the name Codat will store', () => {
  const cases: [string, string][] = [
    ['Acme Ltd', 'Acme Ltd'],
    ['  Acme Ltd  ', 'Acme Ltd'],
    ['Café Müller', 'Cafe Muller'],
    ['Señor Niño', 'Senor Nino'],
    ['Straße & Søn', 'Strasse & Son'],
    ['ẞ Æsir Œuvre', 'SS AEsir OEuvre'],
    ['Łódź Đakovo', 'Lodz Dakovo'],
    ['Þór ðe ıi ħ', 'Thor de ii h'],
    ['e\u0301clair', 'eclair'],
    ['Ａｃｍｅ', 'Acme'],
    ['Acme\u00A0Ltd\u3000Co', 'Acme Ltd Co'],
    ['株式会社 Tokyo Trading', 'Tokyo Trading'],
    ['Tokyo 株式会社 Trading', 'Tokyo Trading'],
    ['株式会社', ''],
    ['Москва', ''],
    ['Example Company (Codat[1])', 'Example Company Codat1'],
    ["O'Neil & Sons, Inc.?!@-", "O'Neil & Sons, Inc.?!@-"],
    ['Ac\u200Bme\uFEFF', 'Acme'],
  ];
  for (const [typed, stored] of cases) {
    it(`${JSON.stringify(typed)} → ${JSON.stringify(stored)}`, () => {
      assert.equal(codatCompanyName(typed), stored);
    });
  }

  it('always matches Codat’s pattern (or is empty), and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (typed) => {
        const stored = codatCompanyName(typed);
        assert.ok(stored === '' || CODAT_NAME.test(stored), JSON.stringify(stored));
        assert.equal(stored, stored.trim());
        assert.ok(!stored.includes('  '));
        assert.equal(codatCompanyName(stored), stored);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a name already in Codat’s alphabet, bar surrounding and doubled spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ASCII_ALLOWED), maxLength: 60 }), (typed) => {
        assert.equal(codatCompanyName(typed), spaced(typed));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('companyNameProblem: names we refuse, and why', () => {
  it('accepts names Codat can store, accented or partly non-Latin', () => {
    for (const name of ['Acme Ltd', 'Café Müller', "O'Neil & Sons, Inc.", '株式会社 Tokyo', '  Acme  ']) {
      assert.equal(companyNameProblem(name), null, name);
    }
  });

  it('refuses an empty name, spaces only included', () => {
    for (const name of ['', '   ', '\u00A0\u3000']) {
      assert.equal(companyNameProblem(name), 'Enter your company name.');
    }
  });

  it(`refuses names over ${COMPANY_NAME_MAX_LENGTH} code points, counting as people do`, () => {
    assert.equal(companyNameProblem('a'.repeat(COMPANY_NAME_MAX_LENGTH)), null);
    assert.equal(
      companyNameProblem('a'.repeat(COMPANY_NAME_MAX_LENGTH + 1)),
      `Company name must be at most ${COMPANY_NAME_MAX_LENGTH} characters (it has ${COMPANY_NAME_MAX_LENGTH + 1}).`,
    );
    assert.equal(companyNameProblem(`${'𠀀'.repeat(COMPANY_NAME_MAX_LENGTH - 5)} Acme`), null);
  });

  it('refuses control, format and invisible characters anywhere, naming their code points', () => {
    // JS `\s` matches U+FEFF and U+2028: the rule must not lean on it.
    const hidden = [
      '\r', '\n', '\t', '\u0000', '\u007F', '\u0085', '\uFEFF', '\u200B', '\u200D', '\u200E', '\u2060',
      '\u2028', '\u2029', '\u115F', '\u1160', '\u3164', '\uFFA0', '\u2800', '\uE000', '\uD800',
    ]; // prettier-ignore
    for (const char of hidden) {
      const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
      for (const name of [`Ac${char}me`, `Acme${char}`, `${char}Acme`]) {
        assert.equal(
          companyNameProblem(name),
          `Company name contains invisible or control characters (${code}): retype it.`,
          JSON.stringify(name),
        );
      }
    }
  });

  it("refuses punctuation and symbols outside - ' & @ . , ? !, naming each once", () => {
    assert.equal(
      companyNameProblem('Acme (UK) [Ltd] (x)'),
      "Company name cannot contain ( ) [ ]. Use letters, numbers, spaces and - ' & @ . , ? !",
    );
    for (const char of ['/', '#', '%', '+', '"', '’', '😀', '€', '_', '<', '>']) {
      assert.match(companyNameProblem(`Acme ${char} Ltd`) ?? '', new RegExp(`cannot contain \\${char}`));
    }
  });

  it('refuses a name with no letter Codat can store, saying what to use', () => {
    for (const name of ['株式会社', 'Москва', 'مرحبا', '株式会社 - & .', '- - -']) {
      assert.equal(
        companyNameProblem(name),
        'Company name has no letters the accounting platform can store: use Latin letters (A–Z) or digits.',
      );
    }
  });

  it('whatever it accepts, Codat can store something', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (typed) => {
        if (companyNameProblem(typed) === null) assert.match(codatCompanyName(typed), /[A-Za-z0-9]/);
      }),
      { numRuns: 2000 },
    );
  });
});
