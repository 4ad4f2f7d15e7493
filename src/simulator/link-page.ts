import { escapeHtml, htmlDocument } from './html.ts';
import { PLATFORMS } from './platforms.ts';

/** What the Link page shows. */
export interface LinkPageModel {
  companyName: string;
  /** Path and query the form posts back to: the query must survive, it carries `state` and friends. */
  formAction: string;
  stylesheetHref: string;
  /** Integration key to preselect (when re-authorising an existing connection). */
  selectedKey?: string;
  /** Shown above the form when the last submission was refused. */
  error?: string;
}

/** The simulated hosted Link page: pick a platform, then authorise, cancel or fail. */
export function linkPage(model: LinkPageModel): string {
  const errorId = 'link-error';
  const radios = PLATFORMS.map((platform) => {
    const id = `platform-${platform.integrationKey}`;
    const checked = platform.integrationKey === model.selectedKey ? ' checked' : '';
    return `<div class="platform"><input type="radio" id="${id}" name="platform" value="${escapeHtml(platform.integrationKey)}" required${checked}><label for="${id}">${escapeHtml(platform.platformName)}</label></div>`;
  }).join('\n');
  const error = model.error
    ? `<p id="${errorId}" class="error" role="alert">${escapeHtml(model.error)}</p>\n`
    : '';
  const describedBy = model.error ? ` aria-describedby="${errorId}"` : '';
  return htmlDocument(
    `Connect ${model.companyName}`,
    model.stylesheetHref,
    `<h1>Connect ${escapeHtml(model.companyName)} to your accounting software</h1>
${error}<form method="post" action="${escapeHtml(model.formAction)}">
<fieldset${describedBy}>
<legend>Choose your accounting software</legend>
${radios}
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
      : `Link finished without connecting (status ${statusCode || 'unknown'})${errorMessage ? `: ${errorMessage}` : '.'}`;
  return htmlDocument(
    'Link finished',
    stylesheetHref,
    `<h1>Link finished</h1>\n<p role="status">${escapeHtml(outcome)}</p>\n<p>You can close this window.</p>`,
  );
}

/** Shown for a Link URL whose company (or connection) does not exist. */
export function linkNotFoundPage(stylesheetHref: string): string {
  return messagePage(
    'This link is not valid',
    'The company it points to does not exist. Ask for a new link.',
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

function messagePage(heading: string, message: string, stylesheetHref: string): string {
  return htmlDocument(
    heading,
    stylesheetHref,
    `<h1>${escapeHtml(heading)}</h1>\n<p>${escapeHtml(message)}</p>`,
  );
}
