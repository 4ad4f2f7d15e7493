import { expect } from 'chai';
import type { OnboardBackend } from '../../src/backend/index.ts';
import { HttpError } from '../../src/backend/index.ts';
import { initialContext, type JourneySnapshot, type StepFailure } from '../../src/machine/index.ts';
import { createDashboardRunner } from '../../src/runtime/dashboard-runner.ts';
import type { JourneyIntent } from '../../src/runtime/index.ts';
import { flush } from '../sync/manual-clock.ts';

const xero = { id: 'conn-1', platformName: 'Xero', status: 'Linked' };
const bank = { id: 'bank-1', platformName: 'Plaid', status: 'Linked', sourceType: 'Banking' };
const company = {
  id: 'c-1',
  name: 'Acme Ltd',
  redirect: 'https://link.codat.io/company/c-1',
  dataConnections: [xero, bank],
};

function rig(calls: Partial<OnboardBackend>) {
  const told: JourneyIntent[] = [];
  const failures: StepFailure[] = [];
  const snapshot: JourneySnapshot = {
    state: 'overview',
    context: { ...initialContext, journeyId: 'j-1', companyId: 'c-1', company, home: 'overview' },
  };
  // Only the dashboard's calls are made here; the journey's are not needed.
  const backend = { ...calls } as OnboardBackend;
  const runner = createDashboardRunner({
    backend: () => backend,
    journey: { snapshot, send: (intent) => told.push(intent) },
    onChange: () => undefined,
    onFailure: (failure) => failures.push(failure),
  });
  return { runner, told, failures };
}

describe('dashboard runner', () => {
  it('disconnects through the backend, then hands the journey that connection as the platform answered', async () => {
    const seen: unknown[] = [];
    const { runner, told } = rig({
      disconnect: (companyId, connectionId, options) => {
        seen.push([companyId, connectionId, options?.journeyId]);
        return Promise.resolve({ ...xero, status: 'Unlinked' });
      },
    });
    runner.send({ type: 'ASK', request: { kind: 'disconnect', connectionId: 'conn-1' } });
    runner.send({ type: 'CONFIRM', companyName: 'Acme Ltd' });
    await flush();
    expect(seen).to.deep.equal([['c-1', 'conn-1', 'j-1']]);
    expect(told).to.deep.equal([
      { type: 'CONNECTION.DISCONNECTED', connection: { ...xero, status: 'Unlinked' } },
    ]);
    expect(runner.getState().asking).to.equal(null);
  });

  it('deletes, then tells the journey; a failure tells it nothing and keeps the reason', async () => {
    let attempts = 0;
    const { runner, told, failures } = rig({
      deleteCompany: () => (++attempts === 1 ? Promise.reject(new HttpError(500)) : Promise.resolve()),
    });
    runner.send({ type: 'ASK', request: { kind: 'delete' } });
    runner.send({ type: 'TYPE', text: 'Acme Ltd' });
    runner.send({ type: 'CONFIRM', companyName: 'Acme Ltd' });
    await flush();
    expect(told).to.deep.equal([]);
    expect(runner.getState().failure).to.deep.include({ code: 'server-error' });
    expect(failures.map((failure) => failure.code)).to.deep.equal(['server-error'], 'told once, as shown');
    runner.send({ type: 'CONFIRM', companyName: 'Acme Ltd' });
    await flush();
    expect(told).to.deep.equal([{ type: 'COMPANY.DELETED' }]);
  });

  it('reads the history; a backend without the call fails as unexpected rather than pretending', async () => {
    const operation = {
      id: 'p1',
      dataType: 'invoices',
      status: 'Complete',
      requested: '2026-12-03T10:00:00Z',
    };
    const withHistory = rig({ getSyncHistory: () => Promise.resolve([operation]) });
    withHistory.runner.send({ type: 'HISTORY.OPEN' });
    await flush();
    expect(withHistory.runner.getState().history).to.deep.equal({ status: 'shown', operations: [operation] });

    const without = rig({});
    without.runner.send({ type: 'HISTORY.OPEN' });
    await flush();
    expect(without.runner.getState().history).to.deep.include({ status: 'failed' });
  });

  it('after stop, an answer still to come changes nothing and tells the journey nothing', async () => {
    let answer = (): void => {};
    const { runner, told } = rig({
      deleteCompany: () =>
        new Promise<void>((resolve) => {
          answer = resolve;
        }),
    });
    runner.send({ type: 'ASK', request: { kind: 'delete' } });
    runner.send({ type: 'TYPE', text: 'Acme Ltd' });
    runner.send({ type: 'CONFIRM', companyName: 'Acme Ltd' });
    runner.stop();
    answer();
    await flush();
    expect(told).to.deep.equal([]);
  });
});
