import type { ErrorCode, MessageParams, NoticeCode, SyncPhase } from '../../machine/index.ts';

/** One entry: a sentence, or a function of the message's parameters. */
export type Text = string | ((params: MessageParams) => string);

/** Keys of the entries that render a code from a lower layer. */
export type ErrorKey = `error.${ErrorCode}`;
export type NoticeKey = `notice.${NoticeCode}`;
export type PhaseKey = `phase.${SyncPhase}`;

/** Renders an entry with its parameters. */
export const render = (text: Text, params: MessageParams = {}): string =>
  typeof text === 'string' ? text : text(params);
