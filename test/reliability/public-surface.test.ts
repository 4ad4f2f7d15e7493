/**
 * The element's public API is what custom-elements.json says it is: the documented attributes, properties and
 * events, nothing internal. Builds the manifest afresh, as `npm run build` does (it is not committed).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Member {
  readonly name: string;
  readonly kind: string;
  readonly privacy?: string;
  readonly static?: boolean;
}
interface Declaration {
  readonly name: string;
  readonly customElement?: boolean;
  readonly members?: readonly Member[];
  readonly attributes?: readonly { readonly name: string }[];
  readonly events?: readonly { readonly name: string }[];
}

const PROPERTIES = [
  'apiBase',
  'companyName',
  'companyId',
  'intent',
  'linkMode',
  'dataTypes',
  'linkOrigins',
  'pollInterval',
  'pollMaxInterval',
  'syncTimeout',
  'theme',
  'startTimeout',
  'state',
  'backend',
  'strings',
  'staleAfter',
  'allowDelete',
];
const ATTRIBUTES = [
  'api-base',
  'company-name',
  'company-id',
  'intent',
  'link-mode',
  'data-types',
  'link-origins',
  'poll-interval',
  'poll-max-interval',
  'sync-timeout',
  'theme',
  'start-timeout',
  'stale-after',
  'allow-delete',
  'state',
];
const EVENTS = [
  'state-change',
  'company-created',
  'link-ready',
  'link-opened',
  'popup-blocked',
  'before-redirect',
  'linked',
  'cancel',
  'sync-progress',
  'complete',
  'error',
  'connection-added',
  'disconnected',
  'company-deleted',
].map((name) => `onboard-${name}`);

describe('public surface of <company-onboard> (custom-elements.json)', function () {
  this.timeout(60_000);
  let element: Declaration;

  before(() => {
    execFileSync(join('node_modules', '.bin', 'cem'), ['analyze'], { stdio: 'pipe' });
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
      modules: { declarations?: Declaration[] }[];
    };
    const found = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.customElement === true);
    assert.ok(found, 'the manifest declares the element');
    element = found;
  });

  it('lists exactly the documented properties as public, nothing internal', () => {
    const visible = (element.members ?? []).filter(
      (m) => (m.privacy === undefined || m.privacy === 'public') && m.static !== true,
    );
    assert.deepEqual(visible.map((m) => m.name).sort(), [...PROPERTIES].sort());
  });

  it('lists exactly the documented attributes and events', () => {
    assert.deepEqual((element.attributes ?? []).map((a) => a.name).sort(), [...ATTRIBUTES].sort());
    assert.deepEqual((element.events ?? []).map((e) => e.name).sort(), [...EVENTS].sort());
  });
});
