import type { MessageParams } from '../../../machine/index.ts';
import type { Catalogue } from '../catalogue.ts';

type Types = Pick<MessageParams, 'types'>;
type Detail = Pick<MessageParams, 'detail'>;

/** Names of data types inside a sentence (German nouns keep their capitals): „Kontenrahmen und Bilanz“. */
const list = (types: readonly string[] = []): string => new Intl.ListFormat('de').format(types);

const tryAgain = 'Bitte versuchen Sie es erneut.';
const ourSide =
  'Bitte versuchen Sie es gleich noch einmal. Wenn das Problem weiterhin auftritt, kontaktieren Sie uns.';
const expired = 'Ihre Sitzung ist abgelaufen';
const notFound = 'Wir können Ihr Unternehmen nicht finden';
const deleted =
  'Es wurde möglicherweise gelöscht. Beginnen Sie von vorn, oder kontaktieren Sie uns, wenn Sie glauben, dass hier ein Fehler vorliegt.';
const busy = 'Zu viele Anfragen';
const down = 'Der Dienst ist kurzzeitig nicht verfügbar';
const badAnswer = 'Wir haben eine Antwort erhalten, die wir nicht verstehen';
const refused = 'Diese Aktion ist nicht erlaubt';
const blocked = 'Das konnten wir nicht speichern';
const platformDown = 'Unser Verbindungsdienst antwortet nicht';
const ourFault = 'Bei uns ist etwas schiefgelaufen';
const tooLong = 'Das dauert zu lange';
const inAFewMinutes = 'Bitte versuchen Sie es in ein paar Minuten erneut.';
const allowed = 'Verwenden Sie Buchstaben, Ziffern, Leerzeichen und - ’ & @ . , ? !';

/** German: every entry of the catalogue (see `../catalogue.ts`). */
const de = {
  // The first screen (`../en.ts`).
  nameLabel: 'Name des Unternehmens',
  nameRequired: 'Geben Sie den Namen Ihres Unternehmens ein.',
  nameInvalid: `Dieser Name kann nicht verwendet werden. ${allowed}`,
  createButton: 'Weiter',
  creating: 'Ihr Unternehmen wird eingerichtet…',
  loading: 'Wird geladen…',
  readyTitle: 'Verbinden Sie Ihre Buchhaltungssoftware',
  readyText: 'Sie melden sich dort sicher an und wählen selbst aus, was Sie freigeben.',
  connectButton: 'Verbinden',
  errorTitle: 'Etwas ist schiefgelaufen',
  errorText: tryAgain,
  popupHandedOff: 'Sie können dieses Fenster jetzt schließen.',
  'notice.user-cancelled': 'Sie haben das Verbinden Ihrer Buchhaltungssoftware abgebrochen.',
  'notice.popup-closed': 'Das Fenster wurde geschlossen, bevor die Verbindung hergestellt war.',
  'notice.link-unfinished': 'Die Verbindung wurde nicht fertig eingerichtet.',

  // The journey's views from Link on (`../../views/journey-views.ts`).
  reconnectButton: 'Erneut verbinden',
  linkingPopup: 'Schließen Sie die Verbindung in dem geöffneten Fenster ab.',
  focusLinkButton: 'Fenster wieder anzeigen',
  cancelLinkButton: 'Abbrechen',
  linkingRedirect: 'Sie werden zu Ihrer Buchhaltungssoftware weitergeleitet…',
  confirming: 'Ihre Verbindung wird bestätigt…',
  syncing: 'Ihre Daten werden abgerufen. Das kann einige Minuten dauern.',
  syncProgress: (finished: number, total: number): string =>
    total === 0 ? 'Warten auf Ihre Daten…' : `${finished} von ${total} Datenarten bereit`,
  completeTitle: 'Alles bereit',
  complete: (platform: string | undefined): string =>
    `${platform ?? 'Ihre Buchhaltungssoftware'} ist verbunden und Ihre Daten sind synchronisiert.`,
  retryButton: 'Erneut versuchen',
  'phase.pending': 'Wartet',
  'phase.in-progress': 'Läuft',
  'phase.finished': 'Fertig',
  'phase.failed': 'Fehlgeschlagen',

  // Later notices, errors by code, the name rules and data types (`../en-extra.ts`).
  'notice.data-refreshed': 'Ihre Daten sind auf dem neuesten Stand.',
  'notice.sync-queued':
    'Ihre Buchhaltungssoftware hat noch nicht begonnen, Daten zu senden. Wenn sie auf Ihrem eigenen Computer läuft, achten Sie darauf, dass dieser eingeschaltet und mit dem Internet verbunden ist: Die Synchronisierung beginnt, sobald das der Fall ist.',
  nameSavedAs: (stored: string): string =>
    `Der Name wird als „${stored}“ gespeichert (die Plattform übernimmt nur lateinische Buchstaben); Ihre ursprüngliche Schreibweise wird ebenfalls aufbewahrt.`,
  'heading.network-error': 'Sie scheinen offline zu sein',
  'error.network-error':
    'Wir konnten den Server nicht erreichen. Prüfen Sie Ihre Internetverbindung und versuchen Sie es dann erneut.',
  'heading.timeout': tooLong,
  'error.timeout': 'Der Server hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es erneut.',
  'heading.bad-response': badAnswer,
  'error.bad-response': ourSide,
  'heading.invalid-request': blocked,
  'error.invalid-request':
    'Etwas an der Anfrage war nicht in Ordnung. Bitte prüfen Sie Ihre Eingaben und versuchen Sie es erneut.',
  'heading.unauthorized': expired,
  'error.unauthorized': 'Melden Sie sich erneut an und versuchen Sie es dann noch einmal.',
  'heading.forbidden': refused,
  'error.forbidden':
    'Ihr Konto ist dazu nicht berechtigt. Wenn Sie glauben, dass das ein Irrtum ist, kontaktieren Sie uns.',
  'heading.not-found': notFound,
  'error.not-found': deleted,
  'heading.rate-limited': busy,
  'error.rate-limited': 'Bitte warten Sie eine Minute und versuchen Sie es dann erneut.',
  'heading.server-error': ourFault,
  'error.server-error': ourSide,
  'heading.http-error': 'Etwas ist schiefgelaufen',
  'error.http-error': ourSide,
  'heading.unexpected': 'Etwas ist schiefgelaufen',
  'error.unexpected': tryAgain,
  'heading.callback-invalid': 'Wir konnten die Verbindung nicht abschließen',
  'error.callback-invalid':
    'Die Seite, von der Sie zurückgekommen sind, hat nicht mitgeteilt, ob die Verbindung geklappt hat. Bitte stellen Sie die Verbindung erneut her.',
  'heading.callback-state-mismatch': 'Das ist nicht die Verbindung, die Sie begonnen haben',
  'error.callback-state-mismatch':
    'Sie kommen von einer Verbindung zurück, die an anderer Stelle begonnen wurde, vielleicht in einem anderen Tab. Bitte stellen Sie die Verbindung hier erneut her.',
  'heading.callback-company-mismatch': 'Das war für ein anderes Unternehmen',
  'error.callback-company-mismatch':
    'Sie haben ein anderes Unternehmen als dieses verbunden. Bitte stellen Sie die Verbindung erneut her.',
  'heading.link-failed': 'Die Verbindung hat nicht geklappt',
  'error.link-failed': ({ detail }: Detail): string =>
    `Ihre Buchhaltungssoftware meldet: „${detail ?? 'kein Grund angegeben'}“. Bitte versuchen Sie es erneut.`,
  'heading.platform-not-supported': 'Diese Software wird noch nicht unterstützt',
  'error.platform-not-supported': 'Bitte wählen Sie eine andere Buchhaltungssoftware.',
  'heading.link-not-confirmed': 'Wir konnten die Verbindung nicht bestätigen',
  'error.link-not-confirmed':
    'Ihre Buchhaltungssoftware hat nicht bestätigt, dass sie verbunden ist. Bitte stellen Sie die Verbindung erneut her.',
  'heading.link-url-rejected': 'Wir haben diese Seite nicht geöffnet',
  'error.link-url-rejected':
    'Die Verbindungsseite lag unter einer Adresse, der wir nicht vertrauen, deshalb haben wir sie nicht geöffnet. Bitte kontaktieren Sie uns.',
  'heading.popup-blocked': 'Ihr Browser hat das Fenster blockiert',
  'error.popup-blocked': 'Erlauben Sie Pop-ups für diese Website und versuchen Sie es dann erneut.',
  'heading.storage-unavailable': 'Ihr Browser blockiert die Datenspeicherung für diese Website',
  'error.storage-unavailable':
    'Wenn Sie diese Seite verlassen, geht Ihr Fortschritt verloren. Erlauben Sie für diese Website die Datenspeicherung oder Pop-ups und versuchen Sie es dann erneut.',
  'heading.sync-failed': 'Einige Ihrer Daten sind nicht angekommen',
  'error.sync-failed': ({ types }: Types): string =>
    `Diese Daten konnten wir nicht abrufen: ${list(types)}. Versuchen Sie es erneut, um sie noch einmal abzurufen.`,
  'heading.sync-auth-error': 'Ihre Buchhaltungssoftware braucht Sie noch einmal',
  'error.sync-auth-error':
    'Die Freigabe Ihrer Daten ist abgelaufen. Verbinden Sie Ihre Buchhaltungssoftware erneut, um fortzufahren.',
  'heading.sync-timeout': 'Ihre Daten brauchen länger als üblich',
  'error.sync-timeout': 'Die Daten sind noch unterwegs. Versuchen Sie es erneut, um weiter zu warten.',
  'heading.sync-not-started': 'Einige Ihrer Daten wurden noch nicht gesendet',
  'error.sync-not-started': ({ types }: Types): string =>
    `Ihre Buchhaltungssoftware hat noch nicht begonnen, diese Daten zu senden: ${list(types)}. Versuchen Sie es erneut, um noch einmal nachzufragen.`,
  'heading.account-limit': 'Wir können Ihr Unternehmen gerade nicht verbinden',
  'error.account-limit':
    'Das liegt nicht an Ihnen, und ein erneuter Versuch hilft nicht weiter. Bitte kontaktieren Sie uns.',
  'heading.conflict': 'Gleichzeitig hat sich etwas geändert',
  'error.conflict': 'Jemand oder etwas anderes hat dies gerade geändert. Bitte versuchen Sie es erneut.',
  'heading.unavailable': down,
  'error.unavailable': inAFewMinutes,
  'heading.link-url-unavailable': 'Wir konnten die Verbindungsseite nicht öffnen',
  'error.link-url-unavailable':
    'Das Fenster wurde geschlossen, weil die Seite nie geladen wurde. Bitte versuchen Sie es erneut.',
  // The reference server's own codes.
  'heading.invalid-json': blocked,
  'error.invalid-json': ourSide,
  'heading.invalid-body': blocked,
  'error.invalid-body': ourSide,
  'heading.invalid-name': 'Dieser Name kann nicht verwendet werden',
  'error.invalid-name':
    'Erlaubt sind Buchstaben, Ziffern, Leerzeichen und - ’ & @ . , ? ! Passen Sie den Namen an und versuchen Sie es erneut.',
  'heading.invalid-description': blocked,
  'error.invalid-description': ourSide,
  'heading.invalid-tags': blocked,
  'error.invalid-tags': ourSide,
  'heading.invalid-company-id': notFound,
  'error.invalid-company-id':
    'Der Link zu Ihrem Unternehmen stimmt nicht. Öffnen Sie diese Seite noch einmal von dort, wo Sie begonnen haben.',
  'heading.invalid-connection-id': 'Wir können diese Verbindung nicht finden',
  'error.invalid-connection-id':
    'Laden Sie die Seite neu, um den aktuellen Stand Ihrer Verbindungen zu sehen.',
  'heading.invalid-data-type': blocked,
  'error.invalid-data-type': ourSide,
  'heading.invalid-idempotency-key': blocked,
  'error.invalid-idempotency-key': ourSide,
  'heading.idempotency-key-reused': 'Dies wurde bereits mit anderen Angaben gesendet',
  'error.idempotency-key-reused': 'Laden Sie die Seite neu und beginnen Sie von vorn.',
  'heading.idempotency-key-in-flight': 'Wird noch bearbeitet',
  'error.idempotency-key-in-flight':
    'Ihr Unternehmen wird noch eingerichtet. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
  'heading.unsupported-media-type': blocked,
  'error.unsupported-media-type': ourSide,
  'heading.payload-too-large': blocked,
  'error.payload-too-large': 'Ihre Eingabe ist zu lang. Kürzen Sie sie und versuchen Sie es dann erneut.',
  'heading.method-not-allowed': blocked,
  'error.method-not-allowed': ourSide,
  'heading.cross-site-request': refused,
  'error.cross-site-request':
    'Zu Ihrer Sicherheit ist das nur über unsere eigenen Seiten möglich. Laden Sie die Seite neu und versuchen Sie es erneut.',
  'heading.request-timeout': tooLong,
  'error.request-timeout': 'Ihre Internetverbindung scheint langsam zu sein. Bitte versuchen Sie es erneut.',
  'heading.company-not-found': notFound,
  'error.company-not-found': deleted,
  'heading.platform-rejected': 'Unser Verbindungsdienst hat die Anfrage abgelehnt',
  'error.platform-rejected': ourSide,
  'heading.platform-auth': 'Unser Verbindungsdienst hat uns abgewiesen',
  'error.platform-auth': 'Das liegt nicht an Ihnen. Bitte kontaktieren Sie uns.',
  'heading.platform-unavailable': platformDown,
  'error.platform-unavailable': inAFewMinutes,
  'heading.platform-error': platformDown,
  'error.platform-error': ourSide,
  'heading.platform-unreachable': platformDown,
  'error.platform-unreachable': ourSide,
  'heading.platform-timeout': platformDown,
  'error.platform-timeout': 'Die Plattform antwortet gerade nur langsam. Bitte versuchen Sie es erneut.',
  'heading.platform-bad-response': badAnswer,
  'error.platform-bad-response': ourSide,
  'heading.events-unavailable': 'Live-Aktualisierungen sind pausiert',
  'error.events-unavailable': 'Wir prüfen weiterhin auf Änderungen. Sie müssen nichts tun.',
  'heading.internal-error': ourFault,
  'error.internal-error': ourSide,
  // The name rules, by reason.
  'name.too-long': (max: number): string => `Verwenden Sie höchstens ${max} Zeichen.`,
  'name.invisible':
    'Der Name enthält unsichtbare Zeichen, vielleicht durch Kopieren. Bitte geben Sie ihn noch einmal ein.',
  'name.forbidden': (chars: string): string => `Nicht erlaubte Zeichen im Namen: ${chars}. ${allowed}`,
  'name.no-latin':
    'Die Plattform speichert Namen in lateinischen Buchstaben (A–Z) oder Ziffern. Bitte fügen Sie mindestens einen lateinischen Buchstaben oder eine Ziffer hinzu.',
  // Data types, in an accountant's words.
  'type.accountTransactions': 'Kontobuchungen',
  'type.balanceSheet': 'Bilanz',
  'type.bankAccounts': 'Bankkonten',
  'type.bankTransactions': 'Bankumsätze',
  'type.billCreditNotes': 'Lieferantengutschriften',
  'type.billPayments': 'Lieferantenzahlungen',
  'type.bills': 'Eingangsrechnungen',
  'type.cashFlowStatement': 'Kapitalflussrechnung',
  'type.chartOfAccounts': 'Kontenrahmen',
  'type.company': 'Unternehmensdaten',
  'type.creditNotes': 'Gutschriften',
  'type.customers': 'Kunden',
  'type.directCosts': 'Direkte Ausgaben',
  'type.directIncomes': 'Direkte Einnahmen',
  'type.invoices': 'Ausgangsrechnungen',
  'type.itemReceipts': 'Wareneingänge',
  'type.items': 'Artikel',
  'type.journalEntries': 'Buchungssätze',
  'type.journals': 'Journale',
  'type.paymentMethods': 'Zahlungsarten',
  'type.payments': 'Zahlungseingänge',
  'type.profitAndLoss': 'Gewinn- und Verlustrechnung',
  'type.purchaseOrders': 'Einkaufsbestellungen',
  'type.salesOrders': 'Kundenaufträge',
  'type.suppliers': 'Lieferanten',
  'type.taxRates': 'Steuersätze',
  'type.trackingCategories': 'Kostenstellen',
  'type.transfers': 'Umbuchungen',
  'type.banking-accountBalances': 'Kontostände',
  'type.banking-accounts': 'Bankkonten',
  'type.banking-transactionCategories': 'Umsatzkategorien',
  'type.banking-transactions': 'Bankumsätze',
  'type.commerce-companyInfo': 'Shopdaten',
  'type.commerce-customers': 'Shopkunden',
  'type.commerce-disputes': 'Zahlungsanfechtungen',
  'type.commerce-locations': 'Standorte',
  'type.commerce-orders': 'Bestellungen',
  'type.commerce-paymentMethods': 'Zahlungsarten im Shop',
  'type.commerce-payments': 'Zahlungen im Shop',
  'type.commerce-productCategories': 'Produktkategorien',
  'type.commerce-products': 'Produkte',
  'type.commerce-taxComponents': 'Steuerbestandteile',
  'type.commerce-transactions': 'Umsätze im Shop',

  // The dashboard (`../../views/company-view-strings.ts`); `connectButton` and `reconnectButton` are above.
  reconnectTitle: (platformName: string): string => `${platformName} erneut verbinden`,
  'reason.Deauthorized':
    'Der Zugriff wurde widerrufen oder ist abgelaufen, daher können wir Ihre Daten nicht mehr aktualisieren.',
  'reason.PendingAuth': 'Die Autorisierung wurde begonnen, aber nie abgeschlossen.',
  continueButton: (platformName: string): string => `Weiter mit ${platformName}`,
  chooseOtherButton: 'Andere Software wählen',
  'reason.Unlinked': 'Diese Verbindung wurde deaktiviert.',
  reconnectFallbackReason: 'Diese Verbindung muss überprüft werden.',
  overviewTitle: 'Ihre Verbindungen',
  noConnections: 'Es ist noch keine Buchhaltungssoftware verbunden.',
  addButton: 'Weiteres Konto verbinden',
  'source.Accounting': 'Buchhaltung',
  'source.Banking': 'Banking',
  'source.BankFeed': 'Bank-Feeds',
  'source.Commerce': 'E-Commerce',
  'source.Expense': 'Ausgaben',
  'source.Other': 'Sonstiges',
  firstAuthorised: (when: string): string => `Verbunden: ${when}`,
  disconnectButton: 'Trennen',
  disconnectTitle: (platformName: string): string => `${platformName} trennen?`,
  disconnectText:
    'Bereits abgerufene Daten bleiben erhalten, es werden aber keine neuen mehr abgerufen. Sie können die Verbindung jederzeit wiederherstellen.',
  disconnectConfirm: 'Trennen',
  disconnecting: 'Verbindung wird getrennt…',
  cancelButton: 'Abbrechen',
  refreshing: 'Ihre Daten werden aktualisiert…',
  historyButton: 'Synchronisierungsverlauf anzeigen',
  historyHide: 'Synchronisierungsverlauf ausblenden',
  historyTitle: 'Synchronisierungsverlauf',
  historyLoading: 'Synchronisierungsverlauf wird geladen…',
  historyEmpty: 'Es wurde noch nichts synchronisiert.',
  historyFailed: (reason: string): string => `Fehlgeschlagen: ${reason}`,
  historyCancelled: 'Durch eine neuere Synchronisierung ersetzt',
  historyRetry: 'Erneut versuchen',
  deleteButton: 'Unternehmen und Daten löschen',
  deleteTitle: (name: string): string => `${name} und alle zugehörigen Daten löschen?`,
  deleteText:
    'Damit werden das Unternehmen, alle Verbindungen und alle abgerufenen Daten endgültig entfernt. Das kann nicht rückgängig gemacht werden.',
  deleteLabel: (name: string): string => `Geben Sie zur Bestätigung „${name}“ ein`,
  deleteConfirm: 'Endgültig löschen',
  deleting: 'Wird gelöscht…',
  deletedTitle: 'Unternehmen gelöscht',
  deletedText: (name: string): string => `${name} und alle zugehörigen Daten wurden gelöscht.`,
  'status.Linked': 'Verbunden',
  'status.Deauthorized': 'Zugriff widerrufen',
  'status.PendingAuth': 'Nicht abgeschlossen',
  'status.Unlinked': 'Deaktiviert',
  lastSync: (when: string): string => `Zuletzt synchronisiert: ${when}`,
  neverSynced: 'Noch nie synchronisiert',
  stale: 'Diese Daten sind möglicherweise nicht mehr aktuell.',
  freshnessTitle: 'Stand der Daten',
  refreshButton: 'Daten aktualisieren',
} satisfies Catalogue;

export default de;
