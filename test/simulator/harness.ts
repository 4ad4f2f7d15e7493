import assert from 'node:assert/strict';
import { startSimulator, type StartSimulatorOptions } from '../../src/simulator/index.ts';
import type { RunningSimulator } from '../../src/simulator/index.ts';

/** A clock the test moves by hand: sync progress is read from it, so no test ever sleeps. */
export interface ManualClock {
  now: () => number;
  advance(ms: number): void;
}

export const T0 = Date.parse('2026-01-01T09:00:00.000Z');

export function manualClock(start = T0): ManualClock {
  let time = start;
  return {
    now: () => time,
    advance: (ms) => {
      time += ms;
    },
  };
}

export const API_KEY = 'test-api-key';
export const AUTH = { authorization: `Basic ${Buffer.from(API_KEY).toString('base64')}` };

/** A simulator on 127.0.0.1 with helpers for calling its API as an authorised client. */
export interface TestSimulator extends RunningSimulator {
  clock: ManualClock;
  /** `fetch` against the simulator with the API key (override `authorization` to test auth). */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Creates a company and returns its JSON. */
  createCompany(body?: Record<string, unknown>): Promise<{ id: string; redirect: string; name: string }>;
  /** Submits the Link page form like a browser would, without following the redirect. */
  submitLink(linkUrl: string, fields: Record<string, string>): Promise<Response>;
}

export async function startTestSimulator(options: StartSimulatorOptions = {}): Promise<TestSimulator> {
  const clock = manualClock();
  const running = await startSimulator({ apiKey: API_KEY, now: clock.now, ...options });
  const api = (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', AUTH.authorization);
    return fetch(`${running.url}${path}`, { ...init, headers });
  };
  return {
    ...running,
    clock,
    api,
    async createCompany(body = { name: 'Acme Ltd' }) {
      const response = await api('/companies', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.status !== 200)
        throw new Error(`create failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: string; redirect: string; name: string };
    },
    submitLink(linkUrl, fields) {
      return fetch(linkUrl, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });
    },
  };
}

/** Parses a redirect's query string into a plain object, for concise assertions. */
export function queryOf(location: string | null): Record<string, string> {
  if (location === null) throw new Error('expected a Location header');
  return Object.fromEntries(new URL(location).searchParams);
}

/** Where a browser would post the Link page's form: its action, unescaped and resolved against `pageUrl`. */
export function formActionOf(html: string, pageUrl: string): string {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (action === undefined) throw new Error('expected a form');
  return new URL(action.replaceAll('&amp;', '&'), pageUrl).href;
}

/** The fields of Codat's error body the tests look at. */
export interface CodatErrorBody {
  statusCode: number;
  error: string;
  validation: { errors: { itemId: string }[] } | null;
}

/** Asserts Codat's error body (shape, status, and `message` when given) and returns it. */
export async function codatError(
  response: Response,
  status: number,
  message?: RegExp,
): Promise<CodatErrorBody> {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const body = (await response.json()) as CodatErrorBody & Record<string, unknown>;
  assert.deepEqual(Object.keys(body).sort(), [
    'canBeRetried',
    'correlationId',
    'detailedErrorCode',
    'error',
    'service',
    'statusCode',
    'validation',
  ]);
  assert.equal(body.statusCode, status);
  assert.equal(typeof body.error, 'string');
  if (message) assert.match(body.error, message);
  return body;
}
