export { createOnboardHandler } from './handler.ts';
export type { AuthorizeContext, AuthorizeHook, OnboardAction, OnboardHandlerOptions } from './options.ts';
export { ErrorCode, type ErrorBody } from './api-error.ts';
export { IDEMPOTENCY_TAG } from './company-input.ts';
export {
  createMemoryIdempotencyStore,
  type ClaimResult,
  type DoneRecord,
  type FailedRecord,
  type IdempotencyRecord,
  type IdempotencyStore,
  type InFlightRecord,
  type MemoryIdempotencyStoreOptions,
  type StoredResponse,
} from './idempotency.ts';
export { idempotencyStoreConformance, type StoreCheck } from './idempotency-conformance.ts';
export { mountAt, toNodeListener, type FetchHandler, type NodeListener } from './node.ts';
export { createMemoryPubSub, type PubSub } from './pubsub.ts';
export type { CompanyEvent } from './company-events.ts';
export { createWebhookHandler, WebhookErrorCode, type WebhookHandlerOptions } from './webhooks.ts';
export {
  createMemoryWebhookDedupe,
  type MemoryWebhookDedupeOptions,
  type WebhookDedupe,
} from './webhook-dedupe.ts';
export { codatCompanyName, companyNameProblem } from '../backend/company-name.ts';
export {
  createRedisIdempotencyStore,
  createRedisPubSub,
  createRedisWebhookDedupe,
  type RedisCommands,
  type RedisStoreOptions,
  type RedisSubscriber,
} from './redis-stores.ts';
