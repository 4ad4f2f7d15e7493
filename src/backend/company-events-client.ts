/*
 * The push client: a company's news as Server-Sent Events over `fetch` (so the backend's own headers, a
 * bearer token included, go with it, which `EventSource` cannot send). Loaded when a journey first listens.
 */
import type { CompanyNews, CompanyWatch, CompanyWatchHandlers, WatchOptions } from './backend.ts';
import { HttpError } from './errors.ts';
import { encode, type FetchTransport } from './fetch-backend.ts';

/** No frame (the server pings every 15 s) for this long: the stream is taken as lost. */
export const SILENCE_MS = 45_000;
/** Waits before reopening a lost stream, then the last one over and over. */
const REOPEN_MS = [1_000, 5_000, 15_000, 30_000];

/** `event:` and `data:` of each complete frame in `buffer`, and what is left of it. */
export function framesOf(buffer: string): { frames: { event: string; data: string }[]; rest: string } {
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const frames = blocks.flatMap((block) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      if (field === 'data') data.push(value);
    }
    return data.length === 0 ? [] : [{ event, data: data.join('\n') }];
  });
  return { frames, rest };
}

const parsed = (data: string): unknown => {
  try {
    return JSON.parse(data);
  } catch {
    return undefined; // a frame we cannot read says nothing
  }
};

const isNews = (value: unknown): value is CompanyNews => {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'read-completed' || type === 'connection-changed';
};

/**
 * Opens `GET /companies/{id}/events` and keeps it open: `onOpen` at its `ready`, `onNews` for each `company`
 * event, `onLost` when it ends, fails or is silent for {@link SILENCE_MS}, then reopens after a growing wait. A
 * server that answers 4xx (no stream here: 404; not allowed: 401/403) is not asked again.
 */
export function watchCompanyEvents(
  transport: FetchTransport,
  companyId: string,
  handlers: CompanyWatchHandlers,
  { journeyId, timers = globalThis }: WatchOptions,
): CompanyWatch {
  let stopped = false;
  let open = false;
  let attempt = 0;
  let current: AbortController | undefined;
  let silence: unknown;
  let reopen: unknown;

  const lost = (): void => {
    current?.abort();
    timers.clearTimeout(silence);
    if (open) handlers.onLost();
    open = false;
  };
  const quietFor = (): void => {
    timers.clearTimeout(silence);
    silence = timers.setTimeout(() => {
      lost();
      later();
    }, SILENCE_MS);
  };
  const later = (): void => {
    if (stopped) return;
    reopen = timers.setTimeout(
      () => void connect(),
      REOPEN_MS[Math.min(attempt, REOPEN_MS.length - 1)] ?? 30_000,
    );
    attempt += 1;
  };

  async function connect(): Promise<void> {
    if (stopped) return;
    const controller = new AbortController();
    current = controller;
    try {
      const response = await transport.open({
        method: 'GET',
        path: `/companies/${encode(companyId)}/events`,
        headers: { Accept: 'text/event-stream' },
        options: { signal: controller.signal, ...(journeyId === undefined ? {} : { journeyId }) },
      });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      controller.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined));
      const decoder = new TextDecoder();
      let buffer = '';
      quietFor();
      for (;;) {
        const { done, value } = await reader.read();
        if (done || controller.signal.aborted) break;
        const { frames, rest } = framesOf(buffer + decoder.decode(value, { stream: true }));
        buffer = rest;
        for (const { event, data } of frames) {
          quietFor();
          if (event === 'ready' && !open) {
            open = true;
            attempt = 0;
            handlers.onOpen({ live: (parsed(data) as { live?: unknown } | undefined)?.live === true });
          }
          if (event !== 'company') continue;
          const news = parsed(data);
          if (isNews(news)) handlers.onNews(news);
        }
      }
    } catch (error) {
      // No stream here, or not for this caller: polling it is, for good.
      if (
        error instanceof HttpError &&
        error.status >= 400 &&
        error.status < 500 &&
        error.status !== 408 &&
        error.status !== 429
      ) {
        stopped = true;
      }
    }
    if (current !== controller || controller.signal.aborted) return; // replaced or stopped: nothing to do
    lost();
    later();
  }

  void connect();
  return {
    stop() {
      stopped = true;
      timers.clearTimeout(reopen);
      timers.clearTimeout(silence);
      current?.abort();
    },
  };
}
