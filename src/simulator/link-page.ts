import { escapeHtml, htmlDocument } from './html.ts';
import { PLATFORMS, SOURCE_TYPES, type Platform, type SourceType } from './platforms.ts';

/** What every Link page shows. */
interface PageModel {
  companyName: string;
  /** Path and query the form posts back to: the query must survive, it carries `state` and friends. */
  formAction: string;
  stylesheetHref: string;
  /** Shown above the form when the last submission was refused. */
  error?: string;
}

/** How the pages name each kind of platform. */
const NOUNS: Record<SourceType, string> = {
  Accounting: 'accounting software',
  Banking: 'bank',
  Commerce: 'commerce platform',
};

const ERROR_ID = 'link-error';

/**
 * The company page (a company's `redirect`): every platform, grouped by source type, as labelled radios;
 * "Continue" goes on to the chosen platform's page, "Cancel" ends Link (statusCode 403).
 */
export function companyPage(model: PageModel): string {
  const groups = SOURCE_TYPES.map((sourceType) => {
    const radios = PLATFORMS.filter((platform) => platform.sourceType === sourceType)
      .map((platform) => radio(platform, false))
      .join('\n');
    return `<fieldset${describedBy(model)}>\n<legend>${sourceType}</legend>\n${radios}\n</fieldset>`;
  }).join('\n');
  return htmlDocument(
    `Connect ${model.companyName}`,
    model.stylesheetHref,
    `<h1>Connect ${escapeHtml(model.companyName)} to your accounting software, bank or commerce platform</h1>
<p>Choose the platform to connect, then select Continue.</p>
${errorOf(model)}<form method="post" action="${escapeHtml(model.formAction)}">
${groups}
<div class="actions">
<button type="submit" name="action" value="continue">Continue</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
</div>
</form>`,
  );
}

/**
 * One connection's page (its `linkUrl`, or where Continue leads): the platform, as the one checked radio, and
 * "Authorise", "Cancel" (statusCode 403) and "Fail" (statusCode 500).
 */
export function connectionPage(model: PageModel & { platform: Platform }): string {
  const { platform } = model;
  return htmlDocument(
    `Connect ${model.companyName} to ${platform.platformName}`,
    model.stylesheetHref,
    `<h1>Connect ${escapeHtml(model.companyName)} to your ${NOUNS[platform.sourceType]}</h1>
<p>Authorise ${escapeHtml(platform.platformName)} to share ${escapeHtml(model.companyName)}'s data.</p>
${errorOf(model)}<form method="post" action="${escapeHtml(model.formAction)}">
<fieldset${describedBy(model)}>
<legend>Your ${NOUNS[platform.sourceType]}</legend>
${radio(platform, true)}
</fieldset>
<div class="actions">
<button type="submit" name="action" value="authorise">Authorise</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
<button type="submit" name="action" value="fail" formnovalidate>Fail</button>
</div>
</form>`,
  );
}

/** The default redirect target: says how Link ended. */
export function linkFinishedPage(query: URLSearchParams, stylesheetHref: string): string {
  const statusCode = query.get('statusCode') ?? '';
  const platformName = query.get('platformName') ?? '';
  const errorMessage = query.get('errorMessage') ?? '';
  const outcome =
    statusCode === '200'
      ? `Your company is connected${platformName ? ` to ${platformName}` : ''}.`
      : statusCode === '201'
        ? `Your company was already connected${platformName ? ` to ${platformName}` : ''}.`
        : `Link finished without connecting (status ${statusCode || 'unknown'})${errorMessage ? `: ${errorMessage}` : '.'}`;
  return htmlDocument(
    'Link finished',
    stylesheetHref,
    `<h1>Link finished</h1>\n<p role="status">${escapeHtml(outcome)}</p>\n<p>You can close this window.</p>`,
  );
}

/** Shown for a Link URL whose company (or connection) does not exist, or whose one-time password is unknown. */
export function linkNotFoundPage(stylesheetHref: string): string {
  return messagePage(
    'This link is not valid',
    'The company it points to does not exist, or the link is incomplete. Ask for a new link.',
    stylesheetHref,
  );
}

/** Shown for a one-time Link URL already used or more than a day old. */
export function linkGonePage(stylesheetHref: string): string {
  return messagePage(
    'This link has expired',
    'Each link works once and for one day. Go back to the app and start connecting again.',
    stylesheetHref,
  );
}

/** Shown when a Link URL is requested with a method it does not take. */
export function linkMethodNotAllowedPage(stylesheetHref: string): string {
  return messagePage(
    'This page cannot do that',
    'Open the link in your browser to continue.',
    stylesheetHref,
  );
}

function radio(platform: Platform, checked: boolean): string {
  const id = `platform-${platform.integrationKey}`;
  return `<div class="platform"><input type="radio" id="${id}" name="platform" value="${escapeHtml(platform.integrationKey)}" required${checked ? ' checked' : ''}><label for="${id}">${escapeHtml(platform.platformName)}</label></div>`;
}

function errorOf(model: PageModel): string {
  return model.error ? `<p id="${ERROR_ID}" class="error" role="alert">${escapeHtml(model.error)}</p>\n` : '';
}

function describedBy(model: PageModel): string {
  return model.error ? ` aria-describedby="${ERROR_ID}"` : '';
}

function messagePage(heading: string, message: string, stylesheetHref: string): string {
  return htmlDocument(
    heading,
    stylesheetHref,
    `<h1>${escapeHtml(heading)}</h1>\n<p>${escapeHtml(message)}</p>`,
  );
}
