export { createOnboardHandler } from './handler.ts';
export type { AuthorizeContext, OnboardAction, OnboardHandlerOptions } from './options.ts';
export { ErrorCode, type ErrorBody } from './api-error.ts';
export { mountAt, toNodeListener, type FetchHandler, type NodeListener } from './node.ts';
