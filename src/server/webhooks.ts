import { Webhook } from 'standardwebhooks';
import { companyChannel } from './company-events.ts';
import type { FetchHandler } from './node.ts';
import type { PubSub } from './pubsub.ts';
import { readBodyBytes } from './read-json-body.ts';
import { createMemoryWebhookDedupe, type WebhookDedupe } from './webhook-dedupe.ts';
import { newsOf } from './webhook-news.ts';

/** The codes of the webhook handler's refusals (Codat's delivery logs show them; no user ever does). */
export const WebhookErrorCode = {
  /** 401: a signature header missing, a signature that does not match, or a timestamp over 5 minutes off. */
  InvalidSignature: 'invalid-signature',
  MethodNotAllowed: 'method-not-allowed',
} as const;

export interface WebhookHandlerOptions {
  /** The endpoint's signing secret (`whsec_…`, from Codat's portal). Default `process.env.CODAT_WEBHOOK_SECRET`. */
  readonly secret?: string;
  /** Where company news goes: the same pub/sub as the onboard handler's (`createOnboardHandler({ pubsub })`). */
  readonly pubsub: PubSub;
  /** Messages already handled. Default: in memory (`createMemoryWebhookDedupe()`); share one across a fleet. */
  readonly dedupe?: WebhookDedupe;
  /** One line per failure after the answer (a publish that failed, a dedupe store down). Default `console.error`. */
  readonly log?: (line: string) => void;
  /** Largest body accepted, in bytes. Default 262144 (256 KiB). */
  readonly maxBodyBytes?: number;
  /** How long reading the body may take, in ms. Default 10000. */
  readonly bodyTimeoutMs?: number;
}

/**
 * Codat's webhooks in: checks the signature on the raw body (Standard Webhooks, as Svix signs: `webhook-*`
 * headers, or `svix-*` ones), refuses a bad, missing or stale one with 401, answers a valid message 204 at once
 * and only then publishes its news to the company's channel, where the event streams of its browsers listen.
 * A message seen before (by its id) is answered 204 and not published again. Event types it does not know
 * are accepted and ignored, so Codat never retries them.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): FetchHandler {
  const secret = options.secret ?? globalThis.process?.env['CODAT_WEBHOOK_SECRET'];
  if (!secret) {
    throw new Error(
      'createWebhookHandler: no signing secret. Pass `secret` (whsec_…) or set CODAT_WEBHOOK_SECRET.',
    );
  }
  const webhook = new Webhook(secret);
  const { pubsub } = options;
  const dedupe = options.dedupe ?? createMemoryWebhookDedupe();
  const log = options.log ?? ((line: string) => console.error(line));
  const limits = {
    maxBytes: options.maxBodyBytes ?? 256 * 1024,
    deadlineMs: options.bodyTimeoutMs ?? 10_000,
  };

  /** After the answer: skip a duplicate, publish the rest. A failing dedupe store lets it through: a duplicate is harmless, a loss is not. */
  async function handle(messageId: string, body: unknown): Promise<void> {
    const first = await dedupe.claim(messageId).catch((error: unknown) => {
      log(`company-onboard: webhook ${messageId}: dedupe store failed, handling it anyway: ${String(error)}`);
      return true;
    });
    const news = newsOf(body);
    if (!first || news === null) return;
    await pubsub.publish(companyChannel(news.companyId), JSON.stringify(news.event));
  }

  return async (request) => {
    if (request.method !== 'POST') {
      return refusal(405, WebhookErrorCode.MethodNotAllowed, 'Webhooks are POSTed.', { allow: 'POST' });
    }
    let raw: string;
    try {
      raw = new TextDecoder().decode(await readBodyBytes(request, limits));
    } catch (error) {
      return refusal(400, WebhookErrorCode.InvalidSignature, `The body could not be read: ${String(error)}`);
    }
    const headers = signatureHeaders(request.headers);
    let body: unknown;
    try {
      body = webhook.verify(raw, headers);
    } catch (error) {
      // "Missing required headers", "Message timestamp too old", "No matching signature found", …
      const reason = error instanceof Error ? error.message : String(error);
      return refusal(401, WebhookErrorCode.InvalidSignature, `Webhook refused: ${reason}.`);
    }
    const messageId = headers['webhook-id'];
    void handle(messageId, body).catch((error: unknown) => {
      log(`company-onboard: webhook ${messageId}: could not publish: ${String(error)}`);
    });
    return new Response(null, { status: 204 });
  };
}

/** The three signature headers by their standard names, taken from `svix-*` when only those came. */
function signatureHeaders(
  headers: Headers,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const pick = (name: string): string => headers.get(`webhook-${name}`) ?? headers.get(`svix-${name}`) ?? '';
  return {
    'webhook-id': pick('id'),
    'webhook-timestamp': pick('timestamp'),
    'webhook-signature': pick('signature'),
  };
}

function refusal(
  status: number,
  code: string,
  error: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json({ error, code }, { status, headers });
}
