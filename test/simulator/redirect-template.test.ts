import assert from 'node:assert/strict';
import { fillRedirectTemplate, type ReservedRedirectParams } from '../../src/simulator/redirect-template.ts';

const RESERVED: ReservedRedirectParams = {
  clientId: 'client',
  companyId: 'company',
  connectionId: '',
  integrationId: '',
  sourceId: '',
  platform: '',
  platformName: 'Sage Business Cloud',
  sourceType: 'Accounting',
  statusCode: '403',
  errorMessage: 'User cancelled.',
  statusText: 'Forbidden',
};

describe('fillRedirectTemplate', () => {
  it('fills reserved parameters anywhere in the URL, encoded', () => {
    const url = fillRedirectTemplate(
      'https://redirect.site/{sourceType}/?flow=Codat&statuscode={statusCode}&errormessage={errorMessage}&p={platformName}',
      RESERVED,
      new URLSearchParams(),
      'http://ignored.example',
    );
    assert.equal(
      url,
      'https://redirect.site/Accounting/?flow=Codat&statuscode=403&errormessage=User%20cancelled.&p=Sage%20Business%20Cloud',
    );
  });

  it('fills other names from the Link query string, empty when absent', () => {
    const url = fillRedirectTemplate(
      '/done?state={state}&missing={missing}',
      RESERVED,
      new URLSearchParams('state=a+b%26c'),
      'http://app.example:8080',
    );
    assert.equal(url, 'http://app.example:8080/done?state=a%20b%26c&missing=');
  });
});
