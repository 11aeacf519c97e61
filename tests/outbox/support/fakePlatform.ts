import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small chat platform on 127.0.0.1 for delivery tests. Channels named `nonce-*` dedupe
 * posts by nonce the way Discord does with `enforce_nonce` (a repeat returns the first
 * message); `history-*` channels let a client look up recent posts by key, like reading a
 * Slack channel's history; `plain-*` channels do neither. Faults are injected at random:
 * 5xx before recording, 429 with retry_after, and a delay *after* recording, so a client
 * killed then has posted without knowing it.
 */
export interface FakePost {
  readonly id: string;
  readonly channel: string;
  readonly key: string;
}

export interface FakePlatformOptions {
  readonly failRate?: number;
  readonly rateLimitRate?: number;
  readonly maxDelayMs?: number;
}

export class FakePlatform {
  readonly posts: FakePost[] = [];
  /** Repeats of a nonce the platform absorbed (no second message appeared). */
  suppressed = 0;
  /** History look-ups that found an earlier post (a re-post avoided). */
  historyHits = 0;
  private server: Server | undefined;
  private nextId = 1;
  private readonly nonces = new Map<string, string>();

  constructor(private readonly options: FakePlatformOptions = {}) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Posts per key, for counting duplicates. */
  postsByKey(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const post of this.posts) counts.set(post.key, (counts.get(post.key) ?? 0) + 1);
    return counts;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/history') {
      const channel = url.searchParams.get('channel') ?? '';
      const key = url.searchParams.get('key') ?? '';
      const ids = this.posts.filter((p) => p.channel === channel && p.key === key).map((p) => p.id);
      if (ids.length > 0) this.historyHits++;
      return json(res, 200, { ok: true, ids });
    }
    if (req.method !== 'POST' || url.pathname !== '/post') return json(res, 404, { ok: false, error: 'unknown_method' });
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const { channel, key, nonce } = JSON.parse(body) as { channel: string; key: string; nonce?: string };
    if (Math.random() < (this.options.failRate ?? 0)) return json(res, 503, { ok: false, error: 'service_unavailable' });
    if (Math.random() < (this.options.rateLimitRate ?? 0)) return json(res, 429, { ok: false, retry_after: 0.005 });
    let id: string;
    const nonceKey = `${channel}\u0000${nonce ?? ''}`;
    if (channel.startsWith('nonce-') && nonce && this.nonces.has(nonceKey)) {
      id = this.nonces.get(nonceKey)!;
      this.suppressed++;
    } else {
      id = `m${this.nextId++}`;
      this.posts.push({ id, channel, key });
      if (channel.startsWith('nonce-') && nonce) this.nonces.set(nonceKey, id);
    }
    const delay = Math.random() * (this.options.maxDelayMs ?? 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    json(res, 200, { ok: true, id });
  }
}

function json(res: ServerResponse, status: number, value: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}
