import type { MessageParams } from '../../../machine/index.ts';
import type { Catalogue } from '../catalogue.ts';

type Types = Pick<MessageParams, 'types'>;
type Detail = Pick<MessageParams, 'detail'>;

/** Names of data types inside a sentence, in lower case like any common noun: «facturas emitidas y balance». */
const list = (types: readonly string[] = []): string =>
  new Intl.ListFormat('es').format(types.map((type) => type.toLowerCase()));

const tryAgain = 'Inténtelo de nuevo.';
const ourSide = 'Inténtelo de nuevo en un momento. Si sigue ocurriendo, póngase en contacto con nosotros.';
const expired = 'Su sesión ha caducado';
const notFound = 'No encontramos su empresa';
const deleted =
  'Es posible que se haya eliminado. Vuelva a empezar o póngase en contacto con nosotros si cree que se trata de un error.';
const busy = 'Demasiadas solicitudes';
const down = 'El servicio no está disponible en este momento';
const badAnswer = 'Hemos recibido una respuesta que no entendemos';
const refused = 'Esta acción no está permitida';
const blocked = 'No hemos podido guardarlo';
const platformDown = 'Nuestro servicio de conexión no responde';
const ourFault = 'Algo ha salido mal por nuestra parte';
const tooLong = 'Esto está tardando demasiado';
const inAFewMinutes = 'Inténtelo de nuevo en unos minutos.';
const allowed = 'Use letras, números, espacios y - ’ & @ . , ? !';
const contactUs = 'Póngase en contacto con nosotros.';
const reconnect = 'Vuelva a realizar la conexión.';

/** Spanish: every entry of the catalogue (see `../catalogue.ts`). */
const es = {
  // The first screen (`../en.ts`).
  nameLabel: 'Nombre de la empresa',
  nameRequired: 'Introduzca el nombre de su empresa.',
  nameInvalid: `Este nombre no se puede usar. ${allowed}`,
  createButton: 'Continuar',
  creating: 'Configurando su empresa…',
  loading: 'Cargando…',
  readyTitle: 'Conecte su software de contabilidad',
  readyText: 'Iniciará sesión en él de forma segura y elegirá qué quiere compartir.',
  connectButton: 'Conectar',
  errorTitle: 'Algo ha salido mal',
  errorText: tryAgain,
  popupHandedOff: 'Ya puede cerrar esta ventana.',
  'notice.user-cancelled': 'Ha cancelado la conexión de su software de contabilidad.',
  'notice.popup-closed': 'La ventana se cerró antes de que terminara de conectarse.',
  'notice.link-unfinished': 'La conexión no se completó.',

  // The journey's views from Link on (`../../views/journey-views.ts`).
  reconnectButton: 'Volver a conectar',
  linkingPopup: 'Termine de conectarse en la ventana que se ha abierto.',
  focusLinkButton: 'Mostrar de nuevo la ventana',
  cancelLinkButton: 'Cancelar',
  linkingRedirect: 'Le estamos llevando a su software de contabilidad…',
  confirming: 'Confirmando su conexión…',
  syncing: 'Obteniendo sus datos. Esto puede tardar unos minutos.',
  syncProgress: (finished: number, total: number): string =>
    total === 0 ? 'Esperando sus datos…' : `Tipos de datos listos: ${finished} de ${total}`,
  completeTitle: 'Todo listo',
  complete: (platform: string | undefined): string =>
    `${platform ?? 'Su software de contabilidad'} está conectado y sus datos están sincronizados.`,
  retryButton: 'Reintentar',
  'phase.pending': 'En espera',
  'phase.in-progress': 'En curso',
  'phase.finished': 'Completado',
  'phase.failed': 'Error',

  // Later notices, errors by code, the name rules and data types (`../en-extra.ts`).
  'notice.data-refreshed': 'Sus datos están al día.',
  'notice.sync-queued':
    'Su software de contabilidad aún no ha empezado a enviar datos. Si funciona en su propio equipo, asegúrese de que esté encendido y conectado a internet: la sincronización empezará en cuanto lo esté.',
  nameSavedAs: (stored: string): string =>
    `Se guardará como «${stored}» (la plataforma solo admite letras latinas); el nombre tal como lo escribió también se conserva.`,
  'heading.network-error': 'Parece que no tiene conexión',
  'error.network-error':
    'No hemos podido comunicarnos con el servidor. Compruebe su conexión a internet y vuelva a intentarlo.',
  'heading.timeout': tooLong,
  'error.timeout': 'El servidor no respondió a tiempo. Inténtelo de nuevo.',
  'heading.bad-response': badAnswer,
  'error.bad-response': ourSide,
  'heading.invalid-request': blocked,
  'error.invalid-request':
    'Algo en la solicitud no era correcto. Revise lo que ha introducido y vuelva a intentarlo.',
  'heading.unauthorized': expired,
  'error.unauthorized': 'Vuelva a iniciar sesión e inténtelo de nuevo.',
  'heading.forbidden': refused,
  'error.forbidden':
    'Su cuenta no tiene permiso para hacer esto. Si cree que debería tenerlo, póngase en contacto con nosotros.',
  'heading.not-found': notFound,
  'error.not-found': deleted,
  'heading.rate-limited': busy,
  'error.rate-limited': 'Espere un minuto y vuelva a intentarlo.',
  'heading.server-error': ourFault,
  'error.server-error': ourSide,
  'heading.http-error': 'Algo ha salido mal',
  'error.http-error': ourSide,
  'heading.unexpected': 'Algo ha salido mal',
  'error.unexpected': tryAgain,
  'heading.callback-invalid': 'No hemos podido completar la conexión',
  'error.callback-invalid': `La página de la que ha vuelto no indicó cómo fue la conexión. ${reconnect}`,
  'heading.callback-state-mismatch': 'Esta no es la conexión que usted inició',
  'error.callback-state-mismatch':
    'Ha vuelto de una conexión iniciada en otro lugar, quizá en otra pestaña. Vuelva a realizar la conexión aquí.',
  'heading.callback-company-mismatch': 'Esto era para otra empresa',
  'error.callback-company-mismatch': `Ha conectado una empresa distinta de esta. ${reconnect}`,
  'heading.link-failed': 'No se ha podido conectar',
  'error.link-failed': ({ detail }: Detail): string =>
    `Su software de contabilidad respondió: «${detail ?? 'no se ha indicado ningún motivo'}». Inténtelo de nuevo.`,
  'heading.platform-not-supported': 'Ese software aún no es compatible',
  'error.platform-not-supported': 'Elija otro software de contabilidad.',
  'heading.link-not-confirmed': 'No hemos podido confirmar la conexión',
  'error.link-not-confirmed': `Su software de contabilidad no confirmó que esté conectado. ${reconnect}`,
  'heading.link-url-rejected': 'No hemos abierto esa página',
  'error.link-url-rejected': `La página de conexión estaba en una dirección que no es de confianza, así que no la abrimos. ${contactUs}`,
  'heading.popup-blocked': 'Su navegador ha bloqueado la ventana',
  'error.popup-blocked': 'Permita las ventanas emergentes para este sitio y vuelva a intentarlo.',
  'heading.storage-unavailable': 'Su navegador bloquea el almacenamiento de datos de este sitio',
  'error.storage-unavailable':
    'Si sale de esta página, perderá su progreso. Permita el almacenamiento de datos o las ventanas emergentes para este sitio y vuelva a intentarlo.',
  'heading.sync-failed': 'Algunos de sus datos no han llegado',
  'error.sync-failed': ({ types }: Types): string =>
    `No hemos podido obtener estos datos: ${list(types)}. Vuelva a intentarlo para obtenerlos de nuevo.`,
  'heading.sync-auth-error': 'Su software de contabilidad vuelve a necesitarle',
  'error.sync-auth-error':
    'El permiso para compartir sus datos ha caducado. Vuelva a conectar su software de contabilidad para continuar.',
  'heading.sync-timeout': 'Sus datos están tardando más de lo habitual',
  'error.sync-timeout': 'Siguen en camino. Vuelva a intentarlo para seguir esperando.',
  'heading.sync-not-started': 'Algunos de sus datos aún no han empezado a llegar',
  'error.sync-not-started': ({ types }: Types): string =>
    `Su software de contabilidad aún no ha empezado a enviar estos datos: ${list(types)}. Vuelva a intentarlo para pedirlos de nuevo.`,
  'heading.account-limit': 'No podemos conectar su empresa en este momento',
  'error.account-limit': `No se debe a nada que usted haya hecho, y volver a intentarlo no servirá. ${contactUs}`,
  'heading.conflict': 'Algo cambió al mismo tiempo',
  'error.conflict': 'Alguien o algo acaba de cambiar esto. Inténtelo de nuevo.',
  'heading.unavailable': down,
  'error.unavailable': inAFewMinutes,
  'heading.link-url-unavailable': 'No hemos podido abrir la página de conexión',
  'error.link-url-unavailable':
    'La ventana se cerró porque la página no llegó a cargarse. Inténtelo de nuevo.',
  // The reference server's own codes.
  'heading.invalid-json': blocked,
  'error.invalid-json': ourSide,
  'heading.invalid-body': blocked,
  'error.invalid-body': ourSide,
  'heading.invalid-name': 'Este nombre no se puede usar',
  'error.invalid-name':
    'Caracteres permitidos: letras, números, espacios y - ’ & @ . , ? ! Cambie el nombre y vuelva a intentarlo.',
  'heading.invalid-description': blocked,
  'error.invalid-description': ourSide,
  'heading.invalid-tags': blocked,
  'error.invalid-tags': ourSide,
  'heading.invalid-company-id': notFound,
  'error.invalid-company-id':
    'El enlace a su empresa no es correcto. Vuelva a abrir esta página desde donde empezó.',
  'heading.invalid-connection-id': 'No encontramos esa conexión',
  'error.invalid-connection-id': 'Vuelva a cargar la página para ver sus conexiones tal como están ahora.',
  'heading.invalid-data-type': blocked,
  'error.invalid-data-type': ourSide,
  'heading.invalid-idempotency-key': blocked,
  'error.invalid-idempotency-key': ourSide,
  'heading.idempotency-key-reused': 'Esto ya se envió con otros datos',
  'error.idempotency-key-reused': 'Vuelva a cargar la página y empiece de nuevo.',
  'heading.idempotency-key-in-flight': 'Seguimos trabajando en ello',
  'error.idempotency-key-in-flight':
    'Su empresa aún se está configurando. Espere un momento y vuelva a intentarlo.',
  'heading.unsupported-media-type': blocked,
  'error.unsupported-media-type': ourSide,
  'heading.payload-too-large': blocked,
  'error.payload-too-large': 'Lo que ha introducido es demasiado largo. Acórtelo y vuelva a intentarlo.',
  'heading.method-not-allowed': blocked,
  'error.method-not-allowed': ourSide,
  'heading.cross-site-request': refused,
  'error.cross-site-request':
    'Por su seguridad, esto solo se puede hacer desde nuestras propias páginas. Vuelva a cargar la página e inténtelo de nuevo.',
  'heading.request-timeout': tooLong,
  'error.request-timeout': 'Su conexión a internet parece lenta. Inténtelo de nuevo.',
  'heading.company-not-found': notFound,
  'error.company-not-found': deleted,
  'heading.platform-rejected': 'Nuestro servicio de conexión ha rechazado la solicitud',
  'error.platform-rejected': ourSide,
  'heading.platform-auth': 'Nuestro servicio de conexión no nos ha dado acceso',
  'error.platform-auth': `No se debe a nada que usted haya hecho. ${contactUs}`,
  'heading.platform-unavailable': platformDown,
  'error.platform-unavailable': inAFewMinutes,
  'heading.platform-error': platformDown,
  'error.platform-error': ourSide,
  'heading.platform-unreachable': platformDown,
  'error.platform-unreachable': ourSide,
  'heading.platform-timeout': platformDown,
  'error.platform-timeout': 'Ahora mismo tarda en responder. Inténtelo de nuevo.',
  'heading.platform-bad-response': badAnswer,
  'error.platform-bad-response': ourSide,
  'heading.events-unavailable': 'Las actualizaciones en directo están en pausa',
  'error.events-unavailable': 'Seguiremos comprobando si hay cambios. No tiene que hacer nada.',
  'heading.internal-error': ourFault,
  'error.internal-error': ourSide,
  // The name rules, by reason.
  'name.too-long': (max: number): string => `Use como máximo ${max} caracteres.`,
  'name.invisible':
    'El nombre contiene caracteres invisibles, quizá por haberlo copiado. Escríbalo de nuevo.',
  'name.forbidden': (chars: string): string => `Caracteres no permitidos en el nombre: ${chars}. ${allowed}`,
  'name.no-latin':
    'La plataforma guarda los nombres en letras latinas (A–Z) o cifras. Añada al menos una letra latina o una cifra.',
  // Data types, in an accountant's words.
  'type.accountTransactions': 'Movimientos de cuentas',
  'type.balanceSheet': 'Balance',
  'type.bankAccounts': 'Cuentas bancarias',
  'type.bankTransactions': 'Movimientos bancarios',
  'type.billCreditNotes': 'Notas de crédito de proveedores',
  'type.billPayments': 'Pagos a proveedores',
  'type.bills': 'Facturas recibidas',
  'type.cashFlowStatement': 'Estado de flujos de efectivo',
  'type.chartOfAccounts': 'Plan de cuentas',
  'type.company': 'Datos de la empresa',
  'type.creditNotes': 'Notas de crédito a clientes',
  'type.customers': 'Clientes',
  'type.directCosts': 'Gastos directos',
  'type.directIncomes': 'Ingresos directos',
  'type.invoices': 'Facturas emitidas',
  'type.itemReceipts': 'Recepciones de mercancía',
  'type.items': 'Artículos',
  'type.journalEntries': 'Asientos contables',
  'type.journals': 'Diarios',
  'type.paymentMethods': 'Métodos de pago',
  'type.payments': 'Cobros',
  'type.profitAndLoss': 'Cuenta de pérdidas y ganancias',
  'type.purchaseOrders': 'Pedidos de compra',
  'type.salesOrders': 'Pedidos de venta',
  'type.suppliers': 'Proveedores',
  'type.taxRates': 'Tipos impositivos',
  'type.trackingCategories': 'Categorías analíticas',
  'type.transfers': 'Transferencias',
  'type.banking-accountBalances': 'Saldos bancarios',
  'type.banking-accounts': 'Cuentas bancarias',
  'type.banking-transactionCategories': 'Categorías de movimientos bancarios',
  'type.banking-transactions': 'Movimientos bancarios',
  'type.commerce-companyInfo': 'Datos de la tienda',
  'type.commerce-customers': 'Clientes de la tienda',
  'type.commerce-disputes': 'Disputas',
  'type.commerce-locations': 'Ubicaciones',
  'type.commerce-orders': 'Pedidos',
  'type.commerce-paymentMethods': 'Métodos de pago de la tienda',
  'type.commerce-payments': 'Pagos de la tienda',
  'type.commerce-productCategories': 'Categorías de productos',
  'type.commerce-products': 'Productos',
  'type.commerce-taxComponents': 'Componentes de impuestos',
  'type.commerce-transactions': 'Transacciones de la tienda',

  // The dashboard (`../../views/company-view-strings.ts`); `connectButton` and `reconnectButton` are above.
  reconnectTitle: (platformName: string): string => `Volver a conectar ${platformName}`,
  'reason.Deauthorized': 'El acceso se revocó o ha caducado, así que ya no podemos actualizar sus datos.',
  'reason.PendingAuth': 'La autorización se inició, pero nunca se completó.',
  continueButton: (platformName: string): string => `Continuar con ${platformName}`,
  chooseOtherButton: 'Elegir otro software',
  'reason.Unlinked': 'Esta conexión se desactivó.',
  reconnectFallbackReason: 'Esta conexión requiere su atención.',
  overviewTitle: 'Sus conexiones',
  noConnections: 'Todavía no hay ningún software de contabilidad conectado.',
  addButton: 'Conectar otra cuenta',
  'source.Accounting': 'Contabilidad',
  'source.Banking': 'Banca',
  'source.BankFeed': 'Feeds bancarios',
  'source.Commerce': 'Comercio electrónico',
  'source.Expense': 'Gastos',
  'source.Other': 'Otros',
  firstAuthorised: (when: string): string => `Conectado: ${when}`,
  disconnectButton: 'Desconectar',
  disconnectTitle: (platformName: string): string => `¿Desconectar ${platformName}?`,
  disconnectText:
    'Los datos ya obtenidos se conservan, pero no se obtendrán datos nuevos. Puede volver a conectarlo en cualquier momento.',
  disconnectConfirm: 'Desconectar',
  disconnecting: 'Desconectando…',
  cancelButton: 'Cancelar',
  refreshing: 'Actualizando sus datos…',
  historyButton: 'Mostrar el historial de sincronización',
  historyHide: 'Ocultar el historial de sincronización',
  historyTitle: 'Historial de sincronización',
  historyLoading: 'Cargando el historial de sincronización…',
  historyEmpty: 'Todavía no se ha sincronizado nada.',
  historyFailed: (reason: string): string => `Error: ${reason}`,
  historyCancelled: 'Sustituida por una sincronización más reciente',
  historyRetry: 'Reintentar',
  deleteButton: 'Eliminar la empresa y sus datos',
  deleteTitle: (name: string): string => `¿Eliminar ${name} y todos sus datos?`,
  deleteText:
    'Se eliminarán definitivamente la empresa, todas sus conexiones y todos los datos obtenidos. Esta acción no se puede deshacer.',
  deleteLabel: (name: string): string => `Escriba «${name}» para confirmar`,
  deleteConfirm: 'Eliminar definitivamente',
  deleting: 'Eliminando…',
  deletedTitle: 'Empresa eliminada',
  deletedText: (name: string): string => `Se han eliminado ${name} y todos sus datos.`,
  'status.Linked': 'Conectado',
  'status.Deauthorized': 'Acceso revocado',
  'status.PendingAuth': 'Sin completar',
  'status.Unlinked': 'Desactivado',
  lastSync: (when: string): string => `Última sincronización: ${when}`,
  neverSynced: 'Sin sincronizar',
  stale: 'Es posible que estos datos no estén actualizados.',
  freshnessTitle: 'Actualización de los datos',
  refreshButton: 'Actualizar datos',
} satisfies Catalogue;

export default es;
