import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { embedProblems, pingsOf, type Pings } from '../discord/support/discordRules.ts';

/**
 * A local Discord on 127.0.0.1: the REST routes the adapter uses and a gateway that speaks the
 * v10 handshake, strict where Discord is strict (unknown interaction 10062, second
 * acknowledgement 40060, embed limits 50035, nonce de-duplication, missing access/permissions).
 * The real discord.js client talks to it unmodified, through `rest.api`.
 */

export interface FakeMessage {
  readonly id: string;
  readonly channelId: string;
  content: string;
  embeds: Record<string, unknown>[];
  flags: number;
  nonce?: string | number;
  pings: Pings;
  edits: number;
  deleted: boolean;
}

export interface FakeInteraction {
  readonly id: string;
  readonly token: string;
  /** Every callback POST, in order (type 4 reply, 5 defer, 8 autocomplete…). */
  readonly callbacks: { type: number; data?: Record<string, unknown> }[];
  original?: FakeMessage;
  readonly followups: FakeMessage[];
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

type ChannelAccess = 'ok' | 'no-access' | 'no-permission';

const APP_ID = '100000000000000001';
const BOT_ID = '100000000000000002';
export const FAKE_GUILD_ID = '200000000000000001';

export class DiscordFake {
  readonly token = 'fake-discord-bot-token';
  readonly applicationId = APP_ID;
  readonly guildId = FAKE_GUILD_ID;
  readonly requests: RecordedRequest[] = [];
  readonly commandPuts: { scope: string; body: unknown }[] = [];
  readonly interactions = new Map<string, FakeInteraction>();
  readonly messages: FakeMessage[] = [];
  /** Bodies the fake refused (400/403/404), with the code it answered. */
  readonly refusals: { path: string; code: number; problems?: string[] }[] = [];
  identifies = 0;
  resumes = 0;
  private readonly channels = new Map<string, ChannelAccess>();
  private readonly sockets = new Set<WebSocket>();
  private readonly rateLimits: { method: string; path: RegExp; retryAfter: number }[] = [];
  private readonly registered = new Map<string, { id: string; name: string }[]>();
  private nextId = 300000000000000000n;
  private seq = 0;
  private readonly wss = new WebSocketServer({ noServer: true });

  private constructor(private readonly server: Server) {}

  static async start(): Promise<DiscordFake> {
    const fake: DiscordFake = new DiscordFake(createServer((req, res) => void fake.route(req, res)));
    fake.server.on('upgrade', (req, socket, head) => fake.wss.handleUpgrade(req, socket, head, (ws) => fake.gateway(ws)));
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.addChannel('400000000000000001');
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What DISCORD_API_URL is set to: no `/v10`, the library appends it. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  addChannel(id: string, access: ChannelAccess = 'ok'): void {
    this.channels.set(id, access);
  }

  /** The next matching request gets a 429 with this `retry_after` (seconds). */
  rateLimitNext(method: string, path: RegExp, retryAfter = 0.05): void {
    this.rateLimits.push({ method, path, retryAfter });
  }

  channelMessages(channelId: string): FakeMessage[] {
    return this.messages.filter((m) => m.channelId === channelId && !m.deleted);
  }

  /** Sends an INTERACTION_CREATE to every identified session; returns its id and token. */
  dispatchInteraction(payload: Record<string, unknown>): FakeInteraction {
    const id = this.snowflake();
    const interaction: FakeInteraction = { id, token: `itoken-${id}`, callbacks: [], followups: [] };
    this.interactions.set(id, interaction);
    this.dispatch('INTERACTION_CREATE', { ...payload, id, token: interaction.token, application_id: APP_ID, version: 1 });
    return interaction;
  }

  /** Drops every gateway connection as a network failure would (close code 4000: resumable). */
  dropConnections(): void {
    for (const ws of this.sockets) ws.close(4000, 'fake: connection dropped');
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- gateway ---

  private gateway(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    ws.on('message', (raw) => {
      const { op, d } = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (op === 2) this.identify(ws, d);
      if (op === 6) {
        this.resumes += 1;
        this.sendTo(ws, 'RESUMED', {});
      }
    });
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): void {
    if (d.token !== this.token) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    this.identifies += 1;
    const url = `ws://127.0.0.1:${this.port}`;
    this.sendTo(ws, 'READY', {
      v: 10,
      user: { id: BOT_ID, username: 'newsbrief', discriminator: '0', avatar: null, global_name: null, bot: true },
      guilds: [{ id: FAKE_GUILD_ID, unavailable: true }],
      session_id: `session-${this.identifies}`,
      resume_gateway_url: url,
      application: { id: APP_ID, flags: 0 },
    });
    this.sendTo(ws, 'GUILD_CREATE', {
      id: FAKE_GUILD_ID, name: 'Fake Guild', owner_id: '1', unavailable: false, member_count: 2, members: [], emojis: [], stickers: [],
      features: [], roles: [{ id: FAKE_GUILD_ID, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      channels: [...this.channels.keys()].map((id, position) => ({ id, type: 0, name: `news-${position}`, position, permission_overwrites: [] })),
    });
  }

  private dispatch(t: string, d: unknown): void {
    for (const ws of this.sockets) this.sendTo(ws, t, d);
  }

  private sendTo(ws: WebSocket, t: string, d: unknown): void {
    this.seq += 1;
    ws.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }

  // --- REST ---

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const method = req.method ?? 'GET';
    const text = await new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      req.on('end', () => resolve(data));
    });
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    this.requests.push({ method, path, body });
    const limited = this.rateLimits.findIndex((r) => r.method === method && r.path.test(path));
    if (limited >= 0) {
      const retryAfter = this.rateLimits.splice(limited, 1)[0]!.retryAfter;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user' });
      res.end(JSON.stringify({ message: 'You are being rate limited.', retry_after: retryAfter, global: false }));
      return;
    }
    const [status, answer] = this.handle(method, path, body ?? {}, req.headers.authorization);
    if (status >= 400) {
      const error = answer as { code: number; problems?: string[] };
      this.refusals.push({ path, code: error.code, ...(error.problems ? { problems: error.problems } : {}) });
    }
    if (status === 204) {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  }

  private handle(method: string, path: string, body: Record<string, unknown>, auth?: string): [number, unknown] {
    const gatewayUrl = `ws://127.0.0.1:${this.port}`;
    let m: RegExpExecArray | null;
    if (method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) return this.callback(m[1]!, m[2]!, body);
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(path))) return this.webhook(method, m[2]!, m[3], body);
    if (auth !== `Bot ${this.token}`) return [401, { code: 0, message: '401: Unauthorized' }];
    if (method === 'GET' && (path === '/gateway/bot' || path === '/gateway')) {
      return [200, { url: gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } }];
    }
    if (method === 'PUT' && (m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) return this.putCommands(m[1]!, m[2], body);
    if ((m = /^\/channels\/(\d+)\/messages(?:\/(\d+))?$/.exec(path))) return this.channelRoute(method, m[1]!, m[2], body);
    return [404, { code: 0, message: `404: Not Found (${method} ${path})` }];
  }

  private putCommands(appId: string, guild: string | undefined, body: unknown): [number, unknown] {
    if (appId !== APP_ID) return [403, { code: 50001, message: 'Missing Access' }];
    if (!Array.isArray(body)) return [400, { code: 50035, message: 'Invalid Form Body' }];
    const scope = guild ?? 'global';
    this.commandPuts.push({ scope, body });
    // Bulk overwrite: the same names keep their ids, as on Discord.
    const previous = this.registered.get(scope) ?? [];
    const saved = (body as { name: string }[]).map((command) => ({
      ...command,
      id: previous.find((p) => p.name === command.name)?.id ?? this.snowflake(),
      application_id: APP_ID,
      version: this.snowflake(),
      ...(guild ? { guild_id: guild } : {}),
    }));
    this.registered.set(scope, saved);
    return [200, saved];
  }

  private callback(id: string, token: string, body: Record<string, unknown>): [number, unknown] {
    const interaction = this.interactions.get(id);
    if (!interaction || interaction.token !== token) return [404, { code: 10062, message: 'Unknown interaction' }];
    if (interaction.callbacks.length > 0) return [400, { code: 40060, message: 'Interaction has already been acknowledged.' }];
    const type = Number(body.type);
    const data = body.data as Record<string, unknown> | undefined;
    if (type === 4) {
      const problems = embedProblems(data ?? {});
      if (problems.length > 0) return [400, { code: 50035, message: 'Invalid Form Body', problems }];
      interaction.original = this.store('interaction', data ?? {});
    }
    if (type === 5) interaction.original = this.store('interaction', { flags: data?.flags ?? 0, content: '' });
    interaction.callbacks.push({ type, ...(data ? { data } : {}) });
    return [204, undefined];
  }

  private webhook(method: string, token: string, messageRef: string | undefined, body: Record<string, unknown>): [number, unknown] {
    const interaction = [...this.interactions.values()].find((i) => i.token === token);
    if (!interaction) return [404, { code: 10015, message: 'Unknown Webhook' }];
    if (interaction.callbacks.length === 0) return [404, { code: 10015, message: 'Unknown Webhook' }];
    const target = messageRef === '@original' ? interaction.original : interaction.followups.find((f) => f.id === messageRef);
    if (messageRef && (!target || target.deleted)) return [404, { code: 10008, message: 'Unknown Message' }];
    if (method === 'DELETE' && target) {
      target.deleted = true;
      return [204, undefined];
    }
    const problems = embedProblems(body);
    if (problems.length > 0) return [400, { code: 50035, message: 'Invalid Form Body', problems }];
    if (method === 'PATCH' && target) return [200, this.toApi(this.edit(target, body))];
    if (method === 'POST' && !messageRef) {
      const message = this.store('interaction', body);
      interaction.followups.push(message);
      return [200, this.toApi(message)];
    }
    return [405, { code: 0, message: '405: Method Not Allowed' }];
  }

  private channelRoute(method: string, channelId: string, messageId: string | undefined, body: Record<string, unknown>): [number, unknown] {
    const access = this.channels.get(channelId);
    if (!access) return [404, { code: 10003, message: 'Unknown Channel' }];
    if (access === 'no-access') return [403, { code: 50001, message: 'Missing Access' }];
    if (access === 'no-permission') return [403, { code: 50013, message: 'Missing Permissions' }];
    if (method === 'POST' && !messageId) {
      const problems = embedProblems(body);
      if (problems.length > 0) return [400, { code: 50035, message: 'Invalid Form Body', problems }];
      if (body.enforce_nonce && body.nonce !== undefined) {
        const same = this.messages.find((m) => m.channelId === channelId && m.nonce === body.nonce);
        if (same) return [200, this.toApi(same)];
      }
      return [200, this.toApi(this.store(channelId, body))];
    }
    const target = this.messages.find((m) => m.id === messageId && m.channelId === channelId && !m.deleted);
    if (!target) return [404, { code: 10008, message: 'Unknown Message' }];
    if (method === 'DELETE') {
      target.deleted = true;
      return [204, undefined];
    }
    const problems = embedProblems(body);
    if (problems.length > 0) return [400, { code: 50035, message: 'Invalid Form Body', problems }];
    if (method === 'PATCH') return [200, this.toApi(this.edit(target, body))];
    return [405, { code: 0, message: '405: Method Not Allowed' }];
  }

  private store(channelId: string, body: Record<string, unknown>): FakeMessage {
    const message: FakeMessage = {
      id: this.snowflake(),
      channelId,
      content: String(body.content ?? ''),
      embeds: (body.embeds as Record<string, unknown>[] | undefined) ?? [],
      flags: Number(body.flags ?? 0),
      pings: pingsOf(body),
      edits: 0,
      deleted: false,
      ...(body.nonce === undefined ? {} : { nonce: body.nonce as string | number }),
    };
    this.messages.push(message);
    return message;
  }

  private edit(message: FakeMessage, body: Record<string, unknown>): FakeMessage {
    if (body.content !== undefined) message.content = String(body.content ?? '');
    if (body.embeds !== undefined) message.embeds = (body.embeds as Record<string, unknown>[] | null) ?? [];
    message.edits += 1;
    return message;
  }

  private toApi(message: FakeMessage): Record<string, unknown> {
    return {
      id: message.id,
      channel_id: message.channelId === 'interaction' ? '400000000000000001' : message.channelId,
      type: 0,
      content: message.content,
      embeds: message.embeds,
      author: { id: BOT_ID, username: 'newsbrief', discriminator: '0', avatar: null, global_name: null, bot: true },
      attachments: [], components: [], mentions: [], mention_roles: message.pings.roles, mention_everyone: message.pings.everyone,
      pinned: false, tts: false, flags: message.flags, timestamp: new Date().toISOString(), edited_timestamp: message.edits ? new Date().toISOString() : null,
      ...(message.nonce === undefined ? {} : { nonce: message.nonce }),
    };
  }

  private snowflake(): string {
    this.nextId += 1n;
    return String(this.nextId);
  }
}
