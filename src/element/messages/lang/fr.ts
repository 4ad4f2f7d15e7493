import type { MessageParams } from '../../../machine/index.ts';
import type { Catalogue } from '../catalogue.ts';

/*
 * French typography: a no-break space (U+00A0) before a colon and inside « », a narrow no-break space (U+202F)
 * before ; ? !. In plain strings they are written as they are; in template literals, as escapes (`\u00A0`,
 * `\u202F`). The list of allowed characters in a name keeps ordinary spaces: it is a list, not punctuation.
 */

type Types = Pick<MessageParams, 'types'>;
type Detail = Pick<MessageParams, 'detail'>;

/** Names of data types inside a sentence, in lower case like any common noun: « factures et bilan ». */
const list = (types: readonly string[] = []): string =>
  new Intl.ListFormat('fr').format(types.map((type) => type.toLowerCase()));

const tryAgain = 'Veuillez réessayer.';
const ourSide = 'Veuillez réessayer dans un instant. Si le problème persiste, contactez-nous.';
const expired = 'Votre session a expiré';
const notFound = 'Nous ne trouvons pas votre entreprise';
const deleted =
  'Elle a peut-être été supprimée. Recommencez, ou contactez-nous si vous pensez qu’il s’agit d’une erreur.';
const busy = 'Trop de demandes';
const down = 'Le service est momentanément indisponible';
const badAnswer = 'Nous avons reçu une réponse incompréhensible';
const refused = 'Cette action n’est pas autorisée';
const blocked = 'L’enregistrement n’a pas abouti';
const platformDown = 'Notre service de connexion ne répond pas';
const ourFault = 'Un problème est survenu de notre côté';
const tooLong = 'Cela prend trop de temps';
const inAFewMinutes = 'Veuillez réessayer dans quelques minutes.';
const allowed = 'Utilisez des lettres, des chiffres, des espaces et - ’ & @ . , ? !';
const reconnect = 'Veuillez relancer la connexion.';

/** French: every entry of the catalogue (see `../catalogue.ts`). */
const fr = {
  // The first screen (`../en.ts`).
  nameLabel: 'Nom de l’entreprise',
  nameRequired: 'Saisissez le nom de votre entreprise.',
  nameInvalid: `Ce nom ne peut pas être utilisé. ${allowed}`,
  createButton: 'Continuer',
  creating: 'Création de votre entreprise…',
  loading: 'Chargement…',
  readyTitle: 'Connectez votre logiciel de comptabilité',
  readyText: 'Vous vous y connecterez en toute sécurité et choisirez ce que vous partagez.',
  connectButton: 'Connecter',
  errorTitle: 'Un problème est survenu',
  errorText: tryAgain,
  popupHandedOff: 'Vous pouvez fermer cette fenêtre.',
  'notice.user-cancelled': 'Vous avez annulé la connexion de votre logiciel de comptabilité.',
  'notice.popup-closed': 'La fenêtre a été fermée avant la fin de la connexion.',
  'notice.link-unfinished': 'La connexion n’a pas été finalisée.',

  // The journey's views from Link on (`../../views/journey-views.ts`).
  reconnectButton: 'Reconnecter',
  linkingPopup: 'Terminez la connexion dans la fenêtre qui s’est ouverte.',
  focusLinkButton: 'Afficher à nouveau la fenêtre',
  cancelLinkButton: 'Annuler',
  linkingRedirect: 'Redirection vers votre logiciel de comptabilité…',
  confirming: 'Confirmation de votre connexion…',
  syncing: 'Récupération de vos données. Cela peut prendre quelques minutes.',
  syncProgress: (finished: number, total: number): string =>
    total === 0 ? 'En attente de vos données…' : `Types de données prêts\u00A0: ${finished} sur ${total}`,
  completeTitle: 'Tout est prêt',
  complete: (platform: string | undefined): string =>
    `${platform ?? 'Votre logiciel de comptabilité'} est connecté et vos données sont synchronisées.`,
  retryButton: 'Réessayer',
  'phase.pending': 'En attente',
  'phase.in-progress': 'En cours',
  'phase.finished': 'Terminé',
  'phase.failed': 'Échec',

  // Later notices, errors by code, the name rules and data types (`../en-extra.ts`).
  'notice.data-refreshed': 'Vos données sont à jour.',
  'notice.sync-queued':
    'Votre logiciel de comptabilité n’a pas encore commencé à envoyer des données. S’il est installé sur votre propre ordinateur, vérifiez que celui-ci est allumé et connecté à Internet : la synchronisation démarrera dès que ce sera le cas.',
  nameSavedAs: (stored: string): string =>
    `Le nom sera enregistré sous la forme «\u00A0${stored}\u00A0» (la plateforme ne conserve que les lettres latines)\u202F; votre saisie d’origine est également conservée.`,
  'heading.network-error': 'Vous semblez être hors ligne',
  'error.network-error':
    'Impossible de joindre le serveur. Vérifiez votre connexion Internet, puis réessayez.',
  'heading.timeout': tooLong,
  'error.timeout': 'Le serveur n’a pas répondu à temps. Veuillez réessayer.',
  'heading.bad-response': badAnswer,
  'error.bad-response': ourSide,
  'heading.invalid-request': blocked,
  'error.invalid-request':
    'Quelque chose n’allait pas dans la demande. Vérifiez ce que vous avez saisi, puis réessayez.',
  'heading.unauthorized': expired,
  'error.unauthorized': 'Reconnectez-vous, puis réessayez.',
  'heading.forbidden': refused,
  'error.forbidden':
    'Votre compte n’est pas autorisé à effectuer cette action. Si vous pensez qu’il devrait l’être, contactez-nous.',
  'heading.not-found': notFound,
  'error.not-found': deleted,
  'heading.rate-limited': busy,
  'error.rate-limited': 'Veuillez patienter une minute, puis réessayer.',
  'heading.server-error': ourFault,
  'error.server-error': ourSide,
  'heading.http-error': 'Un problème est survenu',
  'error.http-error': ourSide,
  'heading.unexpected': 'Un problème est survenu',
  'error.unexpected': tryAgain,
  'heading.callback-invalid': 'Nous n’avons pas pu finaliser la connexion',
  'error.callback-invalid': `La page d’où vous revenez n’a pas indiqué comment s’est passée la connexion. ${reconnect}`,
  'heading.callback-state-mismatch': 'Ce n’est pas la connexion que vous avez lancée',
  'error.callback-state-mismatch':
    'Vous revenez d’une connexion lancée ailleurs, peut-être dans un autre onglet. Veuillez relancer la connexion ici.',
  'heading.callback-company-mismatch': 'Cela concernait une autre entreprise',
  'error.callback-company-mismatch': `Vous avez connecté une autre entreprise que celle-ci. ${reconnect}`,
  'heading.link-failed': 'La connexion n’a pas fonctionné',
  'error.link-failed': ({ detail }: Detail): string =>
    `Votre logiciel de comptabilité a indiqué\u00A0: «\u00A0${detail ?? 'aucune raison fournie'}\u00A0». Veuillez réessayer.`,
  'heading.platform-not-supported': 'Ce logiciel n’est pas encore pris en charge',
  'error.platform-not-supported': 'Veuillez choisir un autre logiciel de comptabilité.',
  'heading.link-not-confirmed': 'Nous n’avons pas pu confirmer la connexion',
  'error.link-not-confirmed': `Votre logiciel de comptabilité n’a pas confirmé qu’il est connecté. ${reconnect}`,
  'heading.link-url-rejected': 'Nous n’avons pas ouvert cette page',
  'error.link-url-rejected':
    'La page de connexion se trouvait à une adresse à laquelle nous ne faisons pas confiance, nous ne l’avons donc pas ouverte. Veuillez nous contacter.',
  'heading.popup-blocked': 'Votre navigateur a bloqué la fenêtre',
  'error.popup-blocked': 'Autorisez les fenêtres pop-up pour ce site, puis réessayez.',
  'heading.storage-unavailable': 'Votre navigateur bloque le stockage de données pour ce site',
  'error.storage-unavailable':
    'Si vous quittez cette page, votre progression sera perdue. Autorisez le stockage de données ou les fenêtres pop-up pour ce site, puis réessayez.',
  'heading.sync-failed': 'Certaines de vos données ne sont pas arrivées',
  'error.sync-failed': ({ types }: Types): string =>
    `Nous n’avons pas pu récupérer ces données\u00A0: ${list(types)}. Réessayez pour les récupérer à nouveau.`,
  'heading.sync-auth-error': 'Votre logiciel de comptabilité a de nouveau besoin de vous',
  'error.sync-auth-error':
    'Son autorisation de partager vos données a pris fin. Reconnectez-le pour continuer.',
  'heading.sync-timeout': 'Vos données mettent plus de temps que d’habitude',
  'error.sync-timeout': 'Elles sont toujours en route. Réessayez pour continuer à attendre.',
  'heading.sync-not-started': 'L’envoi de certaines de vos données n’a pas commencé',
  'error.sync-not-started': ({ types }: Types): string =>
    `Votre logiciel de comptabilité n’a pas encore commencé à envoyer ces données\u00A0: ${list(types)}. Réessayez pour les demander à nouveau.`,
  'heading.account-limit': 'Nous ne pouvons pas connecter votre entreprise pour le moment',
  'error.account-limit':
    'Vous n’y êtes pour rien, et un nouvel essai ne résoudra pas le problème. Veuillez nous contacter.',
  'heading.conflict': 'Quelque chose a changé au même moment',
  'error.conflict': 'Quelqu’un ou quelque chose d’autre vient de modifier cet élément. Veuillez réessayer.',
  'heading.unavailable': down,
  'error.unavailable': inAFewMinutes,
  'heading.link-url-unavailable': 'Nous n’avons pas pu ouvrir la page de connexion',
  'error.link-url-unavailable':
    'La fenêtre a été fermée, car la page ne s’est jamais affichée. Veuillez réessayer.',
  // The reference server's own codes.
  'heading.invalid-json': blocked,
  'error.invalid-json': ourSide,
  'heading.invalid-body': blocked,
  'error.invalid-body': ourSide,
  'heading.invalid-name': 'Ce nom ne peut pas être utilisé',
  'error.invalid-name':
    'Caractères autorisés : lettres, chiffres, espaces et - ’ & @ . , ? ! Modifiez le nom, puis réessayez.',
  'heading.invalid-description': blocked,
  'error.invalid-description': ourSide,
  'heading.invalid-tags': blocked,
  'error.invalid-tags': ourSide,
  'heading.invalid-company-id': notFound,
  'error.invalid-company-id':
    'Le lien vers votre entreprise n’est pas correct. Rouvrez cette page depuis l’endroit où vous avez commencé.',
  'heading.invalid-connection-id': 'Nous ne trouvons pas cette connexion',
  'error.invalid-connection-id':
    'Rechargez la page pour voir vos connexions telles qu’elles sont maintenant.',
  'heading.invalid-data-type': blocked,
  'error.invalid-data-type': ourSide,
  'heading.invalid-idempotency-key': blocked,
  'error.invalid-idempotency-key': ourSide,
  'heading.idempotency-key-reused': 'Cette demande a déjà été envoyée avec d’autres informations',
  'error.idempotency-key-reused': 'Rechargez la page et recommencez.',
  'heading.idempotency-key-in-flight': 'Traitement en cours',
  'error.idempotency-key-in-flight':
    'Votre entreprise est encore en cours de création. Veuillez patienter un instant, puis réessayer.',
  'heading.unsupported-media-type': blocked,
  'error.unsupported-media-type': ourSide,
  'heading.payload-too-large': blocked,
  'error.payload-too-large': 'Ce que vous avez saisi est trop long. Raccourcissez-le, puis réessayez.',
  'heading.method-not-allowed': blocked,
  'error.method-not-allowed': ourSide,
  'heading.cross-site-request': refused,
  'error.cross-site-request':
    'Pour votre sécurité, cette action n’est possible que depuis nos propres pages. Rechargez la page et réessayez.',
  'heading.request-timeout': tooLong,
  'error.request-timeout': 'Votre connexion Internet semble lente. Veuillez réessayer.',
  'heading.company-not-found': notFound,
  'error.company-not-found': deleted,
  'heading.platform-rejected': 'Notre service de connexion a refusé la demande',
  'error.platform-rejected': ourSide,
  'heading.platform-auth': 'Notre service de connexion nous a refusé l’accès',
  'error.platform-auth': 'Vous n’y êtes pour rien. Veuillez nous contacter.',
  'heading.platform-unavailable': platformDown,
  'error.platform-unavailable': inAFewMinutes,
  'heading.platform-error': platformDown,
  'error.platform-error': ourSide,
  'heading.platform-unreachable': platformDown,
  'error.platform-unreachable': ourSide,
  'heading.platform-timeout': platformDown,
  'error.platform-timeout': 'Elle met du temps à répondre en ce moment. Veuillez réessayer.',
  'heading.platform-bad-response': badAnswer,
  'error.platform-bad-response': ourSide,
  'heading.events-unavailable': 'Les mises à jour en direct sont en pause',
  'error.events-unavailable': 'Nous continuons à vérifier les changements. Vous n’avez rien à faire.',
  'heading.internal-error': ourFault,
  'error.internal-error': ourSide,
  // The name rules, by reason.
  'name.too-long': (max: number): string => `Utilisez au maximum ${max} caractères.`,
  'name.invisible':
    'Le nom contient des caractères invisibles, peut-être issus d’un copier-coller. Veuillez le saisir à nouveau.',
  'name.forbidden': (chars: string): string =>
    `Caractères non autorisés dans le nom\u00A0: ${chars}. ${allowed}`,
  'name.no-latin':
    'La plateforme enregistre les noms en lettres latines (A–Z) ou en chiffres. Veuillez ajouter au moins une lettre latine ou un chiffre.',
  // Data types, in an accountant's words.
  'type.accountTransactions': 'Mouvements de comptes',
  'type.balanceSheet': 'Bilan',
  'type.bankAccounts': 'Comptes bancaires',
  'type.bankTransactions': 'Opérations bancaires',
  'type.billCreditNotes': 'Avoirs fournisseurs',
  'type.billPayments': 'Paiements fournisseurs',
  'type.bills': 'Factures fournisseurs',
  'type.cashFlowStatement': 'Tableau des flux de trésorerie',
  'type.chartOfAccounts': 'Plan comptable',
  'type.company': 'Informations sur l’entreprise',
  'type.creditNotes': 'Avoirs clients',
  'type.customers': 'Clients',
  'type.directCosts': 'Dépenses directes',
  'type.directIncomes': 'Recettes directes',
  'type.invoices': 'Factures clients',
  'type.itemReceipts': 'Bons de réception',
  'type.items': 'Articles',
  'type.journalEntries': 'Écritures comptables',
  'type.journals': 'Journaux',
  'type.paymentMethods': 'Moyens de paiement',
  'type.payments': 'Encaissements',
  'type.profitAndLoss': 'Compte de résultat',
  'type.purchaseOrders': 'Bons de commande',
  'type.salesOrders': 'Commandes clients',
  'type.suppliers': 'Fournisseurs',
  'type.taxRates': 'Taux de taxe',
  'type.trackingCategories': 'Axes analytiques',
  'type.transfers': 'Virements internes',
  'type.banking-accountBalances': 'Soldes bancaires',
  'type.banking-accounts': 'Comptes bancaires',
  'type.banking-transactionCategories': 'Catégories d’opérations bancaires',
  'type.banking-transactions': 'Opérations bancaires',
  'type.commerce-companyInfo': 'Informations sur la boutique',
  'type.commerce-customers': 'Clients de la boutique',
  'type.commerce-disputes': 'Litiges',
  'type.commerce-locations': 'Emplacements',
  'type.commerce-orders': 'Commandes',
  'type.commerce-paymentMethods': 'Moyens de paiement de la boutique',
  'type.commerce-payments': 'Paiements de la boutique',
  'type.commerce-productCategories': 'Catégories de produits',
  'type.commerce-products': 'Produits',
  'type.commerce-taxComponents': 'Composantes de taxe',
  'type.commerce-transactions': 'Transactions de la boutique',

  // The dashboard (`../../views/company-view-strings.ts`); `connectButton` and `reconnectButton` are above.
  reconnectTitle: (platformName: string): string => `Reconnecter ${platformName}`,
  'reason.Deauthorized':
    'L’accès a été révoqué ou a expiré : nous ne pouvons plus mettre à jour vos données.',
  'reason.PendingAuth': 'L’autorisation a été commencée, mais n’a jamais été finalisée.',
  continueButton: (platformName: string): string => `Continuer avec ${platformName}`,
  chooseOtherButton: 'Choisir un autre logiciel',
  'reason.Unlinked': 'Cette connexion a été désactivée.',
  reconnectFallbackReason: 'Cette connexion nécessite votre attention.',
  overviewTitle: 'Vos connexions',
  noConnections: 'Aucun logiciel de comptabilité n’est encore connecté.',
  addButton: 'Connecter un autre compte',
  'source.Accounting': 'Comptabilité',
  'source.Banking': 'Banque',
  'source.BankFeed': 'Flux bancaires',
  'source.Commerce': 'Commerce',
  'source.Expense': 'Dépenses',
  'source.Other': 'Autre',
  firstAuthorised: (when: string): string => `Connecté\u00A0: ${when}`,
  disconnectButton: 'Déconnecter',
  disconnectTitle: (platformName: string): string => `Déconnecter ${platformName}\u202F?`,
  disconnectText:
    'Les données déjà récupérées sont conservées, mais plus aucune nouvelle donnée ne sera récupérée. Vous pouvez vous reconnecter à tout moment.',
  disconnectConfirm: 'Déconnecter',
  disconnecting: 'Déconnexion…',
  cancelButton: 'Annuler',
  refreshing: 'Actualisation de vos données…',
  historyButton: 'Afficher l’historique de synchronisation',
  historyHide: 'Masquer l’historique de synchronisation',
  historyTitle: 'Historique de synchronisation',
  historyLoading: 'Chargement de l’historique de synchronisation…',
  historyEmpty: 'Rien n’a encore été synchronisé.',
  historyFailed: (reason: string): string => `Échec\u00A0: ${reason}`,
  historyCancelled: 'Remplacée par une synchronisation plus récente',
  historyRetry: 'Réessayer',
  deleteButton: 'Supprimer l’entreprise et ses données',
  deleteTitle: (name: string): string => `Supprimer ${name} et toutes ses données\u202F?`,
  deleteText:
    'L’entreprise, toutes ses connexions et toutes les données récupérées seront supprimées définitivement. Cette action est irréversible.',
  deleteLabel: (name: string): string => `Saisissez «\u00A0${name}\u00A0» pour confirmer`,
  deleteConfirm: 'Supprimer définitivement',
  deleting: 'Suppression…',
  deletedTitle: 'Entreprise supprimée',
  deletedText: (name: string): string =>
    `L’entreprise ${name} a été supprimée, ainsi que toutes ses données.`,
  'status.Linked': 'Connecté',
  'status.Deauthorized': 'Accès révoqué',
  'status.PendingAuth': 'Non finalisé',
  'status.Unlinked': 'Désactivé',
  lastSync: (when: string): string => `Dernière synchronisation\u00A0: ${when}`,
  neverSynced: 'Aucune synchronisation',
  stale: 'Ces données ne sont peut-être plus à jour.',
  freshnessTitle: 'Fraîcheur des données',
  refreshButton: 'Actualiser les données',
} satisfies Catalogue;

export default fr;
