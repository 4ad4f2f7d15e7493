import { expect } from 'chai';
import { DEFAULT_LINK_ORIGINS, createNonce, isAllowedLinkUrl, withLinkState } from '../../src/link/index.ts';

describe('isAllowedLinkUrl: loopback and listed origins', () => {
  it('allows plain http on every loopback name, and origins listed with trailing slashes', () => {
    const loopback = ['http://localhost:5173', 'http://[::1]:5173', 'http://127.0.0.1:5173'];
    expect(loopback.map((origin) => isAllowedLinkUrl(`${origin}/link`, loopback))).to.deep.equal([
      true,
      true,
      true,
    ]);
    expect(isAllowedLinkUrl('https://link.codat.io/x', ['https://link.codat.io//'])).to.equal(true);
    expect(isAllowedLinkUrl('ftp://link.codat.io/x', ['ftp://link.codat.io'])).to.equal(false);
    expect(isAllowedLinkUrl('http://link.codat.io/x', ['http://link.codat.io'])).to.equal(false);
  });
});

describe('isAllowedLinkUrl', () => {
  const allowed = [...DEFAULT_LINK_ORIGINS, 'http://127.0.0.1:5173'];
  const cases: [string, boolean][] = [
    ['https://link.codat.io/company/abc', true],
    ['https://link-api.codat.io/companies/a/connections/b/start?otp=1', true],
    ['http://127.0.0.1:5173/platform/link/company/abc', true],
    ['http://link.codat.io/company/abc', false],
    ['https://link.codat.io.evil.example/company/abc', false],
    ['https://evil.example/company/abc', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['/relative/path', false],
    ['http://127.0.0.1:9999/x', false],
  ];
  for (const [url, expected] of cases) {
    it(`${expected ? 'opens' : 'refuses'} ${url}`, () => {
      expect(isAllowedLinkUrl(url, allowed)).to.equal(expected);
    });
  }

  it('refuses plain http on a non-loopback host even when listed', () => {
    expect(isAllowedLinkUrl('http://example.com/x', ['http://example.com'])).to.equal(false);
  });
});

describe('withLinkState / createNonce', () => {
  it('appends state and keeps a one-time password already in the URL', () => {
    expect(withLinkState('https://link.codat.io/company/c?link.otp=xyz', 'n1')).to.equal(
      'https://link.codat.io/company/c?link.otp=xyz&state=n1',
    );
  });

  it('makes 32-hex-digit nonces that differ', () => {
    const a = createNonce();
    expect(a).to.match(/^[0-9a-f]{32}$/);
    expect(createNonce()).not.to.equal(a);
  });
});
