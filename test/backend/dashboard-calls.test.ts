import { expect } from 'chai';
import { HttpError, ResponseShapeError } from '../../src/backend/index.ts';
import { backendWith, company, json, noContent, rejection } from './fake-fetch.ts';

describe('createFetchBackend: the dashboard’s calls', () => {
  it('disconnect POSTs {} to …/connections/{id}/disconnect and reads the connection back', async () => {
    const unlinked = { id: 'conn/1', platformName: 'Xero', status: 'Unlinked' };
    const { backend, requests } = backendWith([json(unlinked)]);
    expect(await backend.disconnect?.(company.id, 'conn/1', { journeyId: 'j1' })).to.deep.equal(unlinked);
    const [request] = requests;
    expect(`${request?.method} ${new URL(request?.url ?? '').pathname}`).to.equal(
      `POST /onboard/companies/${company.id}/connections/conn%2F1/disconnect`,
    );
    expect(request?.headers.get('Content-Type')).to.equal('application/json');
    expect(await request?.json()).to.deep.equal({});
    expect(request?.headers.get('Onboard-Journey-Id')).to.equal('j1');
  });

  it('the sync history is read item by item: nulls as absent, a broken item named', async () => {
    const pull = { id: 'p1', dataType: 'invoices', status: 'Complete', requested: '2026-12-03T10:00:00Z' };
    const { backend } = backendWith([
      json({ results: [{ ...pull, errorMessage: null, completed: null }] }),
      json({ results: [pull, { id: 'p2' }] }),
      json({ operations: [] }),
    ]);
    expect(await backend.getSyncHistory?.(company.id)).to.deep.equal([pull]);
    const broken = await rejection(backend.getSyncHistory?.(company.id) ?? Promise.resolve());
    expect(broken).to.be.instanceOf(ResponseShapeError);
    expect((broken as ResponseShapeError).issues).to.match(/^results\.1\.dataType: /);
    expect(await rejection(backend.getSyncHistory?.(company.id) ?? Promise.resolve())).to.be.instanceOf(
      ResponseShapeError,
    );
  });

  it('delete sends DELETE; a company the backend says is gone counts as deleted, a 404 of no company does not', async () => {
    const gone = () => json({ error: 'That company does not exist.', code: 'company-not-found' }, 404);
    const { backend, requests } = backendWith([noContent(), gone(), json({ code: 'not-found' }, 404)]);
    await backend.deleteCompany?.(company.id);
    expect(`${requests[0]?.method} ${new URL(requests[0]?.url ?? '').pathname}`).to.equal(
      `DELETE /onboard/companies/${company.id}`,
    );
    await backend.deleteCompany?.(company.id);
    const wrongPath = await rejection(backend.deleteCompany?.(company.id) ?? Promise.resolve());
    expect(wrongPath).to.be.instanceOf(HttpError);
    expect((wrongPath as HttpError).code).to.equal('not-found');
  });
});
