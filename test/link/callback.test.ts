import { expect } from 'chai';
import { isLinkCallback, parseLinkCallback, withoutCallbackParams } from '../../src/link/index.ts';
import { CALLBACK_NAMES } from './callback-names.ts';

describe('parseLinkCallback: every Codat statusCode', () => {
  const cases = [
    ['200', { kind: 'success', statusCode: 200 }],
    ['201', { kind: 'success', statusCode: 201 }],
    ['403', { kind: 'cancelled' }],
    ['500', { kind: 'failed', code: 'link-failed' }],
    ['501', { kind: 'failed', code: 'platform-not-supported' }],
    ['', { kind: 'failed', code: 'callback-invalid' }],
    ['abc', { kind: 'failed', code: 'callback-invalid' }],
    ['404', { kind: 'failed', code: 'callback-invalid' }],
    ['200.5', { kind: 'failed', code: 'callback-invalid' }],
  ] as const;
  for (const [statusCode, expected] of cases) {
    it(`statusCode=${statusCode || '(empty)'} → ${expected.kind}${'code' in expected ? ` ${expected.code}` : ''}`, () => {
      expect(parseLinkCallback(`?statusCode=${statusCode}&state=s1`)).to.include({
        ...expected,
        state: 's1',
      });
    });
  }

  it('keeps the company and connection of a success', () => {
    expect(parseLinkCallback('?statusCode=200&companyId=c1&connectionId=k1&state=s')).to.deep.equal({
      kind: 'success',
      statusCode: 200,
      state: 's',
      companyId: 'c1',
      connectionId: 'k1',
    });
  });

  it('matches parameter names case-insensitively', () => {
    expect(parseLinkCallback('?STATUSCODE=200&CompanyID=c1&State=s')).to.include({
      kind: 'success',
      companyId: 'c1',
      state: 's',
    });
  });

  it('says what failed by code, keeping Link’s own message for the sentence', () => {
    const outcome = parseLinkCallback('?statusCode=500&errorMessage=Token%20exchange%20failed&state=s');
    expect(outcome).to.deep.equal({
      kind: 'failed',
      code: 'link-failed',
      state: 's',
      detail: 'Token exchange failed',
    });
    expect(parseLinkCallback('?statusCode=500&state=s')).to.deep.include({ detail: null });
  });

  it('takes the first of repeated parameters (a second state cannot be smuggled in)', () => {
    expect(parseLinkCallback('?statusCode=200&state=ours&STATE=theirs&state=x')).to.deep.include({
      state: 'ours',
    });
    expect(parseLinkCallback('?statusCode=403&statusCode=200&state=s').kind).to.equal('cancelled');
  });

  it('reads a statusCode of exactly three digits, spaces aside; an empty value is no value', () => {
    expect(parseLinkCallback('?statusCode=%20200%20&state=s').kind).to.equal('success');
    for (const code of ['1200', '2000', '20', '200x', 'x200']) {
      expect(parseLinkCallback(`?statusCode=${code}&state=s`), code).to.deep.include({
        code: 'callback-invalid',
      });
    }
    expect(parseLinkCallback('?statusCode=200&state=').state).to.equal(null);
    expect(parseLinkCallback('?statusCode=200&state=&state=s').state).to.equal(null);
  });

  it('treats a missing state as null so the machine refuses it', () => {
    expect(parseLinkCallback('?statusCode=200').state).to.equal(null);
  });
});

describe('isLinkCallback / withoutCallbackParams', () => {
  it('recognises a return from Link by its statusCode', () => {
    expect(isLinkCallback('?statusCode=200')).to.equal(true);
    expect(isLinkCallback('?statuscode=403')).to.equal(true);
    expect(isLinkCallback('?plan=pro')).to.equal(false);
  });

  it("removes Link's parameters and our state, keeping the integrator's own", () => {
    const cleaned = withoutCallbackParams(
      'https://app.example/signup?plan=pro&statusCode=200&companyId=c&connectionId=k&platform=gbol&STATE=s#top',
    );
    expect(cleaned).to.equal('https://app.example/signup?plan=pro#top');
  });

  it('removes every parameter Codat fills, in any case', () => {
    for (const name of CALLBACK_NAMES) {
      for (const spelled of [name, name.toLowerCase(), name.toUpperCase()]) {
        expect(withoutCallbackParams(`https://app.example/?${spelled}=x&keep=1`), spelled).to.equal(
          'https://app.example/?keep=1',
        );
      }
    }
  });
});
