import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blockKitProblem, type MessageBody } from './slackFakeBlocks.ts';
import { SlackFakeSocket } from './slackFakeSocket.ts';

/**
 * A small Slack on 127.0.0.1 that speaks the real protocols: the Web API (`/api/<method>`,
 * form-encoded like the WebClient sends), response_url endpoints (`/response/<id>`), and
 * Socket Mode (`apps.connections.open` → websocket at `/link/`). It is strict where Slack is:
 * invalid Block Kit is refused, a response_url takes five messages, unknown tokens fail.
 */
export interface FakeCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly token?: string;
  readonly at: number;
}

export interface PostedMessage extends MessageBody {
  readonly channel: string;
  readonly ts: string;
  readonly metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

export interface ResponseUrlMessage extends MessageBody {
  readonly responseId: string;
  readonly response_type?: string;
  readonly replace_original?: boolean;
  readonly at: number;
}

/** A scripted answer for one call: a 429, a Slack error, or 'pass' (answer normally). */
export type ScriptedFailure = { readonly status: 429; readonly retryAfter: number } | { readonly error: string; readonly needed?: string } | 'pass';

export interface FakeUser {
  readonly id: string;
  readonly is_admin?: boolean;
  readonly is_owner?: boolean;
}

export class SlackFake {
  readonly calls: FakeCall[] = [];
  readonly posted: PostedMessage[] = [];
  readonly responses: ResponseUrlMessage[] = [];
  readonly users = new Map<string, FakeUser>();
  /** users.conversations: the channels each user is in. */
  readonly memberships = new Map<string, { id: string; name: string }[]>();
  /** Channels the bot was never invited to: chat.postMessage answers not_in_channel. */
  readonly notMember = new Set<string>();
  readonly socket: SlackFakeSocket;
  private readonly failures = new Map<string, ScriptedFailure[]>();
  private readonly server: Server;
  private seq = 0;
  port = 0;

  constructor(
    readonly botToken = 'xoxb-test-bot',
    readonly appToken = 'xapp-test-app',
  ) {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.socket = new SlackFakeSocket(this.server);
  }

  /** Forgets calls, messages, users and scripted failures (the connection stays). */
  reset(): void {
    this.calls.length = 0;
    this.posted.length = 0;
    this.responses.length = 0;
    this.users.clear();
    this.memberships.clear();
    this.notMember.clear();
    this.failures.clear();
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await this.socket.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A fresh response_url for one slash command or button click. */
  responseUrl(id = `r${++this.seq}`): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  /** The next call(s) to `method` fail this way, in order. */
  failNext(method: string, ...failures: ScriptedFailure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  callsTo(method: string): FakeCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves when a message reaches a response_url (or the timeout passes). */
  async waitForResponses(count: number, timeoutMs = 5000): Promise<ResponseUrlMessage[]> {
    return this.waitFor(() => this.responses.length >= count, timeoutMs, `${count} response_url message(s)`).then(() => this.responses);
  }

  async waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > until) throw new Error(`fake Slack: timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) return this.api(url.pathname.slice(5), req, raw, res);
    if (url.pathname.startsWith('/response/')) return this.responseUrlPost(url.pathname.slice(10), raw, res);
    res.writeHead(404).end();
  }

  private api(method: string, req: IncomingMessage, raw: string, res: ServerResponse): void {
    const args = parseArgs(raw, req.headers['content-type'] ?? '');
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '') || (args.token as string | undefined);
    this.calls.push({ method, args, at: Date.now(), ...(token ? { token } : {}) });
    const scripted = this.failures.get(method)?.shift();
    const failure = scripted === 'pass' ? undefined : scripted;
    if (failure && 'status' in failure) {
      res.writeHead(429, { 'retry-after': String(failure.retryAfter), 'content-type': 'application/json' }).end('{"ok":false,"error":"ratelimited"}');
      return;
    }
    const expected = method === 'apps.connections.open' ? this.appToken : this.botToken;
    const answer = failure ? { ok: false, ...failure } : token !== expected ? { ok: false, error: 'invalid_auth' } : this.answer(method, args);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'newsbrief', team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'users.info': {
        const user = this.users.get(String(args.user));
        return user ? { ok: true, user: { is_admin: false, is_owner: false, ...user } } : { ok: false, error: 'user_not_found' };
      }
      case 'users.conversations':
        return { ok: true, channels: this.memberships.get(String(args.user)) ?? [], response_metadata: { next_cursor: '' } };
      case 'chat.postMessage':
        return this.postMessage(args);
      case 'chat.update':
        return this.update(args);
      case 'chat.delete': {
        const index = this.posted.findIndex((m) => m.channel === args.channel && m.ts === args.ts);
        if (index < 0) return { ok: false, error: 'message_not_found' };
        this.posted.splice(index, 1);
        return { ok: true, channel: args.channel, ts: args.ts };
      }
      case 'conversations.history':
        return { ok: true, messages: this.posted.filter((m) => m.channel === args.channel).reverse().map((m) => ({ type: 'message', ts: m.ts, text: m.text, metadata: m.metadata })) };
      case 'views.publish':
        return { ok: true, view: { id: 'V1', ...(JSON.parse(String(args.view)) as object) } };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/link/?ticket=t${++this.seq}` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private postMessage(args: Record<string, unknown>): Record<string, unknown> {
    const channel = String(args.channel ?? '');
    if (!channel) return { ok: false, error: 'channel_not_found' };
    if (this.notMember.has(channel)) return { ok: false, error: 'not_in_channel' };
    const problem = blockKitProblem(args as MessageBody);
    if (problem) return { ok: false, error: problem.split(':')[0], detail: problem };
    const ts = `1700000000.${String(++this.seq).padStart(6, '0')}`;
    const metadata = typeof args.metadata === 'string' ? (JSON.parse(args.metadata) as PostedMessage['metadata']) : undefined;
    this.posted.push({ channel, ts, text: String(args.text ?? ''), blocks: parseJson(args.blocks), ...(metadata ? { metadata } : {}) });
    return { ok: true, channel, ts };
  }

  private update(args: Record<string, unknown>): Record<string, unknown> {
    const index = this.posted.findIndex((m) => m.channel === args.channel && m.ts === args.ts);
    if (index < 0) return { ok: false, error: 'message_not_found' };
    const problem = blockKitProblem(args as MessageBody);
    if (problem) return { ok: false, error: problem.split(':')[0], detail: problem };
    const old = this.posted[index]!;
    this.posted[index] = { ...old, text: String(args.text ?? ''), blocks: parseJson(args.blocks) };
    return { ok: true, channel: args.channel, ts: args.ts };
  }

  private responseUrlPost(id: string, raw: string, res: ServerResponse): void {
    const body = JSON.parse(raw || '{}') as ResponseUrlMessage;
    if (this.responses.filter((r) => r.responseId === id).length >= 5) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"ok":false,"error":"used_url"}');
      return;
    }
    const problem = blockKitProblem(body);
    if (problem) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: problem }));
      return;
    }
    this.responses.push({ ...body, responseId: id, at: Date.now() });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}

const parseJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/** Signs a request body the way Slack does (v0 HMAC-SHA256 over `v0:ts:body`). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}
