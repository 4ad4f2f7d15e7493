import { LitElement, adoptStyles, html, nothing, type TemplateResult } from 'lit';
import { COMPANY_NAME_MAX_LENGTH, createFetchBackend, type OnboardBackend } from '../backend/index.ts';
import { DEFAULT_LINK_ORIGINS, browserLink, createNonce, sessionJourneyStore } from '../link/index.ts';
import { brokenConnection, onDashboard, type JourneyContext, type JourneyState } from '../machine/index.ts';
import type { JourneyPorts, RunnerEvent } from '../runtime/index.ts';
import { documentVisibility, systemClock } from '../sync/index.ts';
import { styles } from './company-onboard.styles.ts';
import { emit } from './events.ts';
import { JourneyController } from './journey-controller.ts';
import type { Catalogue, Words } from './messages/catalogue.ts';
import { en } from './messages/en.ts';
import { errorWords } from './messages/error-text.ts';
import { intlLocale, languageOf, loadLanguage, requestedLanguage } from './messages/language.ts';
import { busy, failureAlert } from './views/status-lines.ts';
import type { DashboardController, OverviewProps } from './views/company-views.ts';

/** The lazily imported views for an existing company (reconnect prompt, dashboard). */
type CompanyViews = typeof import('./views/company-views.ts');
/** The lazily imported views of the journey from Link on. */
type JourneyViews = typeof import('./views/journey-views.ts');

const list = (value: string | null): string[] =>
  (value ?? '')
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/** What each state shows, and what the live region says on reaching it. */
interface StateView {
  view(t: Words, context: JourneyContext): TemplateResult;
  announce(t: Words, context: JourneyContext): string;
}

/** The language spoken: the tag asked for, the one dates are formatted in, and its words (`null` while loading). */
interface Speech {
  readonly asked: string;
  readonly language: string;
  readonly locale: string;
  readonly words: Partial<Catalogue> | null;
}

const noticeText = (t: Words, { notice }: JourneyContext): string =>
  notice === null ? '' : (t[`notice.${notice}`] ?? '');

/** The name of the platform the journey connected, once confirmed. */
const connectedPlatform = ({ company, connectionId }: JourneyContext): string | undefined =>
  company?.dataConnections?.find((connection) => connection.id === connectionId)?.platformName;

/**
 * Takes a customer from "no company" to "accounting data synced": creates the company through your backend,
 * opens the platform's hosted Link, handles the return, and follows the first sync to the end.
 *
 * @summary Company onboarding to a financial-data platform (Codat), as one element.
 *
 * Speaks the language of its `lang` attribute, else of the nearest ancestor's, else the browser's (English,
 * German, French and Spanish ship; others fall back to English); `theme` picks light, dark or the system's.
 *
 * @event onboard-state-change - The journey moved to another state. `detail: {state, previous, companyId, journeyId}`.
 * Every `onboard-*` detail carries `journeyId` (the journey across reloads, also sent to your backend as the
 * `Onboard-Journey-Id` header) and `companyId` once there is a company.
 * @event onboard-company-created - The company was created. `detail: {companyId, company}`.
 * @event onboard-link-ready - The company's Link URL is known. `detail: {companyId, linkUrl}`.
 * @event onboard-link-opened - Link was opened. `detail: {companyId, mode}`.
 * @event onboard-popup-blocked - The popup was blocked; falling back to a full-page redirect.
 * @event onboard-before-redirect - Cancelable: the page is about to leave for Link. `detail: {companyId, url}`.
 * @event onboard-linked - The backend confirmed a Linked connection. `detail: {companyId, connectionId}`.
 * @event onboard-cancel - The user left Link without connecting. `detail: {companyId, reason}`.
 * @event onboard-sync-progress - A data-status reading. `detail: {companyId, progress}`.
 * @event onboard-complete - Every required data type finished syncing. `detail: {companyId}`.
 * @event onboard-error - A step failed. `detail: {companyId, code, message, retryable, correlationId?}`; `message` is
 * what the user reads, in their language.
 * @event onboard-connection-added - The dashboard's "Connect another account" added a source, confirmed Linked.
 * `detail: {companyId, connection}`.
 * @event onboard-disconnected - The dashboard disconnected a connection (now `Unlinked`). `detail: {companyId, connectionId}`.
 * @event onboard-company-deleted - The dashboard deleted the company and its data (`allow-delete`). `detail: {companyId}`.
 *
 * @csspart form - The company-name form.
 * @csspart input - The company-name input.
 * @csspart button - Every button.
 * @csspart error - The error message.
 * @csspart hint - The note under the name field saying how the platform will store the name.
 * @csspart progress - The sync progress bar.
 * @csspart types - The per-type sync list.
 * @csspart history - The dashboard's sync history list.
 *
 * @cssproperty --onboard-accent-color - Buttons and links. Default `#1f4fd1` (dark theme `#9dbaff`).
 * @cssproperty --onboard-accent-text-color - Text on buttons. Default `#fff` (dark `#0d1526`).
 * @cssproperty --onboard-danger-color - Errors. Default `#b3261e` (dark `#ff9c92`).
 * @cssproperty --onboard-muted-color - Hints and notices. Default `#4d5566` (dark `#b3bac7`).
 * @cssproperty --onboard-background - Card background. Default `#fff` (dark `#1a1d24`).
 * @cssproperty --onboard-color - Text colour. Default `#1b1f29` (dark `#eceef3`).
 * @cssproperty --onboard-border-color - Card, field and secondary-button borders. Default `#8a91a0` (dark `#6b7280`).
 * @cssproperty --onboard-focus-color - Focus ring, a 3 px outline; keep it 3:1 against the card. Default `#1f4fd1` (dark `#9dbaff`).
 * @cssproperty --onboard-font - Font shorthand. Default `1rem/1.5 system-ui, sans-serif`.
 * @cssproperty --onboard-radius - Card corner radius. Default `0.75rem`.
 * @cssproperty --onboard-padding - Card padding. Default `1.25rem`.
 * @cssproperty --onboard-max-width - Card width limit. Default `28rem`.
 * @cssproperty --onboard-status-linked - Dashboard badge for Linked. Default `#1e7a3c`.
 * @cssproperty --onboard-status-deauthorized - Dashboard badge for Deauthorized. Default `#b3261e`.
 * @cssproperty --onboard-status-pending - Dashboard badge for PendingAuth. Default `#6a3fb5`.
 * @cssproperty --onboard-status-unlinked - Dashboard badge for Unlinked. Default `#5f6673`.
 *
 * @slot complete - Shown when the journey is complete, e.g. a "Go to your dashboard" link.
 */
export class CompanyOnboard extends LitElement {
  static override styles = styles;

  // `static properties` rather than decorators: the same API without the decorator helpers in the bundle. Internal
  // state is not declared here (the manifest would list it as attributes): its setters call requestUpdate().
  static override properties = {
    apiBase: { attribute: 'api-base' },
    companyName: { attribute: 'company-name' },
    companyId: { attribute: 'company-id' },
    intent: {},
    linkMode: { attribute: 'link-mode' },
    dataTypes: { attribute: 'data-types' },
    linkOrigins: { attribute: 'link-origins' },
    pollInterval: { attribute: 'poll-interval', type: Number },
    pollMaxInterval: { attribute: 'poll-max-interval', type: Number },
    syncTimeout: { attribute: 'sync-timeout', type: Number },
    startTimeout: { attribute: 'start-timeout', type: Number },
    staleAfter: { attribute: 'stale-after', type: Number },
    allowDelete: { attribute: 'allow-delete', type: Boolean },
    theme: { reflect: true },
    state: { reflect: true },
    backend: { attribute: false },
    strings: { attribute: false },
  };

  /** Base URL of your backend (the REST contract of the reference server), e.g. `/api`. */
  apiBase = '';

  /** Prefills the company-name field. */
  companyName = '';

  /** An existing company: the element loads it and never creates one. */
  companyId: string | null = null;

  /**
   * `connect` (default) creates a company and links it; `reconnect` re-links the broken connection of
   * `company-id`; `manage` shows the dashboard of `company-id` (connections, freshness, refresh, reconnect).
   */
  intent: 'connect' | 'reconnect' | 'manage' = 'connect';

  /**
   * How hosted Link opens: `popup`, `redirect` (full page), or `auto` (default): a popup, falling back to a
   * redirect when the browser blocks it or the page is an in-app browser.
   */
  linkMode: 'auto' | 'popup' | 'redirect' = 'auto';

  /** Comma- or space-separated data types that must finish syncing. Default: every type the platform reports. */
  dataTypes = '';

  /** Space- or comma-separated origins Link may be opened on. Default: Codat's two Link hosts. */
  linkOrigins = DEFAULT_LINK_ORIGINS.join(' ');

  /** First delay between data-status requests, in milliseconds. Default: 1000. */
  pollInterval = 1000;

  /** Longest delay between data-status requests, in milliseconds. Default: 7000. */
  pollMaxInterval = 7000;

  /** How long to follow a sync before stopping with a retryable `sync-timeout` error, in ms. Default: 600000. */
  syncTimeout = 600_000;

  /**
   * A type named in `data-types` that the platform has never fetched is queued once (after 10 s, or as soon as
   * other types start); if it still has not started this long after, in ms, the journey stops with a retryable
   * `sync-not-started` error naming it, rather than wait for `sync-timeout`. Default: 60000.
   */
  startTimeout = 60_000;

  /** Where the journey is; reflected as the `state` attribute. Read-only: set by the element. */
  state: JourneyState = 'idle';

  /** Your backend, as any object implementing `OnboardBackend`; takes precedence over `api-base`. */
  backend: OnboardBackend | null = null;

  /**
   * Overrides for any entry of the catalogue, in whichever language is spoken: labels by name, errors as
   * `heading.<code>` and `error.<code>`, notices as `notice.<code>`, data types as `type.<dataType>`.
   */
  strings: Partial<Catalogue> = {};

  /**
   * `light`, `dark`, or `auto` (default): the user's `prefers-color-scheme`. Your `--onboard-*` colours apply
   * in both themes.
   */
  theme: 'light' | 'dark' | 'auto' = 'auto';

  /** On the dashboard, a last sync older than this is flagged as stale, in milliseconds. Default: 86400000 (a day). */
  staleAfter = 86_400_000;

  /**
   * On the dashboard, offers to delete the company and all its data, behind a confirmation the user must type
   * (the company's name). Off unless present: deleting cannot be undone.
   */
  allowDelete = false;

  /** What the user typed, until they submit it. */
  #draftName: string | null = null;
  /** The client-side name check's complaint. */
  #fieldProblem: string | null = null;
  /** The views for an existing company, once imported. */
  #views: CompanyViews | null = null;
  #viewsImport: Promise<void> | null = null;
  /** The dashboard's own operations (disconnect, history, delete), once the views are imported. */
  #dashboard: DashboardController | null = null;
  #fetchBackend: { base: string; backend: OnboardBackend } | null = null;
  readonly #journey = new JourneyController(this, () => this.#ports());

  /** The world as the journey runner sees it from this element: its attributes, this window and tab. */
  #ports(): JourneyPorts {
    return {
      config: () => ({
        key: this.id || this.companyId || 'default',
        companyId: this.companyId || null,
        intent: this.intent,
        linkMode: this.linkMode,
        requiredDataTypes: list(this.dataTypes),
        polling: {
          initialDelayMs: this.pollInterval,
          maxDelayMs: this.pollMaxInterval,
          timeoutMs: this.syncTimeout,
        },
        startTimeoutMs: this.startTimeout,
      }),
      backend: () => this.#resolveBackend(),
      link: browserLink(window, () => list(this.linkOrigins)),
      store: sessionJourneyStore(),
      visibility: documentVisibility(document),
      clock: systemClock,
      random: Math.random,
      nonce: createNonce,
      events: (event) => this.#reemit(event),
      allowRedirect: (url, { journeyId, companyId }) =>
        emit(
          this,
          'onboard-before-redirect',
          { url, journeyId, companyId: companyId ?? '' },
          { cancelable: true },
        ),
    };
  }

  #resolveBackend(): OnboardBackend {
    if (this.backend !== null) return this.backend;
    if (this.#fetchBackend?.base !== this.apiBase) {
      this.#fetchBackend = { base: this.apiBase, backend: createFetchBackend({ baseUrl: this.apiBase }) };
    }
    return this.#fetchBackend.backend;
  }

  /** The runner's events as `onboard-*` DOM events; an error gets its sentence here, from the catalogue. */
  #reemit({ type, detail }: RunnerEvent): void {
    if (type !== 'error') {
      // The runner's details are the DOM events' details (the event map types them for listeners).
      emit(this, `onboard-${type}`, detail as never);
      return;
    }
    const { error, ...ids } = detail;
    const tell = (): void => {
      emit(this, 'onboard-error', {
        ...ids,
        code: error.code,
        message: errorWords(this.#text, error).message,
        retryable: error.step !== null,
        ...(error.correlationId === undefined ? {} : { correlationId: error.correlationId }),
      });
    };
    // The message is the one the user reads: a failure while the words still load (a return from Link) waits.
    if (this.#speech.words === null) void this.updateComplete.then(tell);
    else tell();
  }

  #speech: Speech = { asked: '', language: 'en', locale: 'en', words: null };
  readonly #languageWatch = new MutationObserver(() => this.#chooseLanguage());
  readonly #chooseLanguage = (): void => {
    const asked = requestedLanguage(this);
    if (asked !== this.#speech.asked) this.#speak(asked, languageOf(asked));
  };

  /** Loads `language`'s words; a language we do not ship is spoken in English, dates and times included. */
  #speak(asked: string, language: string): void {
    // Dates and times in the words' language: the tag asked for, or plain English when we fell back to it.
    const locale = languageOf(asked) === language ? intlLocale(asked) : 'en';
    const speech = { asked, language, locale, words: null };
    this.#speech = speech;
    this.requestUpdate();
    this.#languageLoad = loadLanguage(language).then(
      (words) => {
        if (this.#speech !== speech) return;
        this.#speech = { ...speech, words };
        this.requestUpdate();
      },
      () => {
        if (this.#speech === speech && language !== 'en') this.#speak(asked, 'en');
      },
    );
  }

  #languageLoad: Promise<void> | null = null;

  /**
   * Resolves once the element shows the words of its language and the views of its state: what is loading
   * (a language, after a fallback to English too, and the views) is awaited before the render it asks for.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    for (let load = this.#languageLoad; ; load = this.#languageLoad) {
      await Promise.allSettled([load, this.#laterImport, this.#viewsImport]);
      if (load === this.#languageLoad) return super.getUpdateComplete();
    }
  }

  /** The words spoken now: the first screen's English, the views' when here, the language's, then yours. */
  get #text(): Words {
    return {
      ...en,
      ...this.#later?.journeyViewStrings,
      ...this.#views?.companyViewStrings,
      ...this.#speech.words,
      ...this.strings,
    };
  }

  /** The journey's views from Link on, once imported (fetched as soon as the element is on the page). */
  #later: JourneyViews | null = null;
  #laterImport: Promise<void> | null = null;

  /** Renders with the views from Link on; until they are here, says it is loading. */
  #withLater(
    render: (views: JourneyViews, t: Words & JourneyViews['journeyViewStrings']) => TemplateResult,
  ): TemplateResult {
    const views = this.#later;
    if (views !== null) return render(views, { ...views.journeyViewStrings, ...this.#text });
    void this.#loadLater();
    return busy(this.#text.loading);
  }

  #loadLater(): Promise<void> {
    this.#laterImport ??= import('./views/journey-views.ts').then((loaded) => {
      this.#later = loaded;
      this.requestUpdate();
    });
    return this.#laterImport;
  }

  /** Every state's view and announcement in one table: the compiler proves each state has both. */
  readonly #stateViews: Record<JourneyState, StateView> = {
    idle: { view: () => this.#renderForm(null), announce: () => '' },
    creating: { view: (t) => this.#renderForm(t.creating), announce: (t) => t.creating },
    loading: {
      view: (t, context) => (onDashboard(context) ? this.#renderOverview() : busy(t.loading)),
      announce: (t) => t.loading,
    },
    ready: {
      view: () => this.#renderReady(),
      // Back from a cancel, the notice is the news; on a reconnect page, which connection needs it.
      announce: (t, context) => {
        const { notice, company } = context;
        const broken = company === null ? undefined : brokenConnection(company);
        if (notice !== null) return noticeText(t, context);
        return broken === undefined || t.reconnectTitle === undefined
          ? t.readyTitle
          : t.reconnectTitle(broken.platformName);
      },
    },
    overview: {
      view: () => this.#renderOverview(),
      // Back from a refresh, the notice that it is done is the news.
      announce: noticeText,
    },
    linking: {
      view: (_, context) =>
        this.#withLater((views, t) =>
          views.renderLinking(t, context.linkMode === 'redirect', {
            focus: () => this.#journey.send({ type: 'LINK.FOCUS' }),
            cancel: () => this.#journey.send({ type: 'LINK.CANCEL' }),
          }),
        ),
      announce: (t, context) => (context.linkMode === 'redirect' ? t.linkingRedirect : t.linkingPopup) ?? '',
    },
    confirming: {
      view: () => this.#withLater((_, t) => busy(t.confirming)),
      announce: (t) => t.confirming ?? '',
    },
    syncing: {
      view: (_, context) =>
        onDashboard(context)
          ? this.#renderOverview()
          : this.#withLater((views, t) => views.renderSyncing(t, context.progress)),
      // A sync the platform has not picked up is news; otherwise, how far it is.
      announce: (t, context) =>
        noticeText(t, context) ||
        (t.syncProgress?.(context.progress?.finished ?? 0, context.progress?.total ?? 0) ?? ''),
    },
    complete: {
      view: (_, context) =>
        this.#withLater((views, t) => views.renderComplete(t, connectedPlatform(context), context.progress)),
      announce: (t, context) => t.complete?.(connectedPlatform(context)) ?? '',
    },
    deleted: {
      view: (_, { companyName }) => this.#withViews((views, t) => views.renderDeleted(t, companyName)),
      announce: (t, { companyName }) => t.deletedText?.(companyName) ?? t.loading,
    },
    error: {
      // Before a company exists the form stays, with what the user typed, so they can fix or resubmit it.
      view: (_, context) =>
        context.companyId === null
          ? this.#renderForm(null)
          : this.#withLater((views, t) => views.renderError(t, context.error, () => this.#retry())),
      // The error's own alert announces it: saying it here too would say it twice.
      announce: () => '',
    },
  };

  override connectedCallback(): void {
    super.connectedCallback(); // eslint-disable-line wc/guard-super-call -- LitElement always has it
    // Pages for an existing company need the views: fetch them alongside the company. The views from Link on
    // come now, while the user reads the first screen.
    if (this.companyId) void this.#loadViews();
    void this.#loadLater();
    // Any `lang` on the way up may change, the element's own included.
    this.#languageWatch.observe(document.documentElement, { attributeFilter: ['lang'], subtree: true });
    this.#languageWatch.observe(this, { attributeFilter: ['lang'] });
    addEventListener('languagechange', this.#chooseLanguage);
    this.#chooseLanguage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback(); // eslint-disable-line wc/guard-super-call -- LitElement always has it
    this.#languageWatch.disconnect();
    removeEventListener('languagechange', this.#chooseLanguage);
  }

  /** Whether focus was in the element before this render, and the state the last render showed. */
  #focusWasInside = false;
  #shownState: JourneyState | null = null;

  protected override willUpdate(): void {
    // The attribute mirrors the journey; a value set from outside is put back.
    this.state = this.#journey.snapshot.state;
    this.#focusWasInside = this.shadowRoot?.activeElement != null;
  }

  /**
   * Focus that was in the element (a control the user pressed) goes, on a new state or when this render removed
   * the control that had it, to the view's heading, else its status line, else its first field or button. It is
   * never taken from elsewhere on the page.
   */
  protected override updated(): void {
    const { state } = this;
    const moved = this.#shownState !== null && state !== this.#shownState;
    if (this.#focusWasInside && (moved || this.shadowRoot?.activeElement == null)) {
      this.renderRoot.querySelector<HTMLElement>('h2, [tabindex="-1"], input, button')?.focus();
    }
    this.#shownState = state;
  }

  override render(): TemplateResult {
    const { state, context } = this.#journey.snapshot;
    // Nothing rather than a card in two languages, while another language's words load.
    if (this.#speech.words === null && this.#speech.language !== 'en') return html``;
    const t = this.#text;
    if (context.handedOff) return html`<p role="status">${t.popupHandedOff}</p>`;
    const { view, announce } = this.#stateViews[state];
    return html`
      <p class="visually-hidden" role="status" aria-live="polite">${announce(t, context)}</p>
      ${context.notice === null ? nothing : html`<p class="notice">${noticeText(t, context)}</p>`}
      ${view(t, context)}
    `;
  }

  /** Imports the views for an existing company once; re-renders when they arrive. */
  #loadViews(): Promise<void> {
    this.#viewsImport ??= import('./views/company-views.ts').then((views) => {
      adoptStyles(this.renderRoot as ShadowRoot, [...CompanyOnboard.elementStyles, views.companyViewStyles]);
      this.#views = views;
      this.#dashboard = views.dashboardController(this, {
        backend: () => this.#resolveBackend(),
        journey: this.#journey,
        text: () => ({ ...views.journeyViewStrings, ...views.companyViewStrings, ...this.#text }),
        locale: () => this.#speech.locale,
      });
      this.requestUpdate();
    });
    return this.#viewsImport;
  }

  /** Renders with the lazily imported views, importing them on first need. */
  #withViews(render: (views: CompanyViews, t: OverviewProps['t']) => TemplateResult): TemplateResult {
    const views = this.#views;
    if (views !== null) {
      return render(views, { ...views.journeyViewStrings, ...views.companyViewStrings, ...this.#text });
    }
    void this.#loadViews();
    return busy(this.#text.loading);
  }

  #renderReady(): TemplateResult {
    const t = this.#text;
    const { company } = this.#journey.snapshot.context;
    const broken = company === null ? undefined : brokenConnection(company);
    if (broken === undefined) {
      return html`
        <h2 tabindex="-1">${t.readyTitle}</h2>
        <p>${t.readyText}</p>
        <button part="button" type="button" @click=${this.#connect}>${t.connectButton}</button>
      `;
    }
    return this.#withViews((views, vt) => views.renderReconnect(vt, broken, () => this.#connect()));
  }

  /** The dashboard (see `views/dashboard-controller.ts`), once its views are here. */
  #renderOverview(): TemplateResult {
    return this.#withViews(() => this.#dashboard?.render() ?? busy(this.#text.loading));
  }

  #renderForm(busyText: string | null): TemplateResult {
    const t = this.#text;
    const { context } = this.#journey.snapshot;
    const error = context.error;
    const words = error === null ? null : errorWords(t, error);
    const problem = this.#fieldProblem ?? (error?.field === 'name' ? (words?.message ?? null) : null);
    const busy = busyText !== null;
    // The platform keeps only Latin letters: say what will be stored before it is (what was typed is kept too).
    const typed = this.#currentName.trim();
    const stored = this.#storedName(typed);
    const savedAs =
      problem === null && stored !== '' && stored !== typed ? (t.nameSavedAs?.(stored) ?? null) : null;
    const describedBy = [problem === null ? null : 'name-error', savedAs === null ? null : 'name-saved-as']
      .filter((id) => id !== null)
      .join(' ');
    return html`
      <form part="form" novalidate @submit=${this.#submitName} aria-busy=${busy ? 'true' : 'false'}>
        <label for="name">${t.nameLabel}</label>
        <input
          part="input"
          id="name"
          name="name"
          autocomplete="organization"
          required
          maxlength=${COMPANY_NAME_MAX_LENGTH}
          .value=${this.#currentName}
          ?readonly=${busy}
          aria-invalid=${problem === null ? 'false' : 'true'}
          aria-describedby=${describedBy || nothing}
          @input=${this.#onNameInput}
        />
        ${problem === null ? nothing : html`<p part="error" class="error" id="name-error">${problem}</p>`}
        ${savedAs === null ? nothing : html`<p part="hint" class="hint" id="name-saved-as">${savedAs}</p>`}
        ${words !== null && error?.field !== 'name' ? failureAlert(words) : nothing}
        <button part="button" type="submit" class=${busy ? 'busy' : ''} ?disabled=${busy}>
          ${busy ? busyText : t.createButton}
        </button>
      </form>
    `;
  }

  /** Codat's spelling rules and their words, loaded when a name first needs them. */
  #names: typeof import('./messages/name-words.ts') | null = null;

  /**
   * The name as Codat will store it. Only a name outside Codat's alphabet can change, and only then are the
   * rules loaded (the first screen does without them); until they are here, no hint.
   */
  #storedName(typed: string): string {
    if (this.#names === null && /[^A-Za-z0-9 \-'&@.,?!]/.test(typed)) void this.#loadNames();
    return this.#names?.codatCompanyName(typed) ?? typed;
  }

  async #loadNames(): Promise<typeof import('./messages/name-words.ts')> {
    this.#names ??= await import('./messages/name-words.ts');
    this.requestUpdate();
    return this.#names;
  }

  get #currentName(): string {
    return this.#draftName ?? (this.#journey.snapshot.context.companyName || this.companyName);
  }

  #onNameInput(event: InputEvent): void {
    this.#draftName = (event.target as HTMLInputElement).value;
    this.#fieldProblem = null;
    this.requestUpdate();
  }

  /**
   * Checks the name by the server's rules before sending it: a plain name at once; any other once the rules are
   * loaded (should they not load, the server still checks and says what is wrong).
   */
  #submitName(event: SubmitEvent): void {
    event.preventDefault();
    const name = this.#currentName.trim();
    const plain =
      /^[A-Za-z0-9 \-'&@.,?!]+$/.test(name) &&
      /[A-Za-z0-9]/.test(name) &&
      name.length <= COMPANY_NAME_MAX_LENGTH;
    if (name === '') this.#refuseName(this.#text.nameRequired);
    else if (plain) this.#journey.send({ type: 'NAME.SUBMIT', name });
    else {
      void this.#loadNames()
        .then(
          (rules) => rules.nameProblemText(this.#text, name),
          () => null,
        )
        .then((problem) =>
          problem === null ? this.#journey.send({ type: 'NAME.SUBMIT', name }) : this.#refuseName(problem),
        );
    }
  }

  #refuseName(problem: string): void {
    this.#fieldProblem = problem;
    this.requestUpdate();
    this.renderRoot.querySelector<HTMLInputElement>('#name')?.focus();
  }

  /** Synchronous on purpose: the popup must open inside this click. */
  #connect(): void {
    this.#journey.send({ type: 'LINK.OPEN' });
  }

  #retry(): void {
    this.#journey.send({ type: 'RETRY' });
  }
}
