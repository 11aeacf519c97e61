import { randomBytes } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';

/** What the page receives on `GET /api/events`: a posted message, or an edit of one. */
export interface WebEvent {
  /** `<boot>-<n>`: a client reconnecting after a restart sends an id from an older boot. */
  readonly id: string;
  readonly type: 'message' | 'edit';
  readonly channel: string;
  readonly postedAt: string;
  readonly data: unknown;
}

export interface EventClient {
  readonly channel: string;
  write(chunk: string): void;
  end(): void;
}

/** How many recent events each channel keeps, so a page opened late still sees the last digest. */
const HISTORY = 100;

/**
 * Server-sent events for the web channels. Holds the connected pages and a short history per
 * channel: EventSource reconnects on its own with `Last-Event-ID`, and gets what it missed.
 */
export class EventHub {
  private readonly boot = randomBytes(4).toString('hex');
  private sequence = 0;
  private readonly history = new Map<string, WebEvent[]>();
  private readonly clients = new Set<EventClient>();
  private readonly keepAlive: NodeJS.Timeout;

  constructor(
    private readonly clock: Clock,
    keepAliveMs = 15_000,
  ) {
    // A comment line now and then stops proxies and idle timeouts from closing the stream.
    this.keepAlive = setInterval(() => this.broadcastRaw(': keep-alive\n\n'), keepAliveMs);
    this.keepAlive.unref();
  }

  /** Adds a page; replays what it missed since `lastEventId` (all history for a new page). */
  connect(client: EventClient, lastEventId?: string): () => void {
    client.write('retry: 3000\n\n');
    for (const event of this.missed(client.channel, lastEventId)) client.write(formatEvent(event));
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  publish(channel: string, type: WebEvent['type'], data: unknown): WebEvent {
    const event: WebEvent = { id: `${this.boot}-${++this.sequence}`, type, channel, postedAt: this.clock.now().toISOString(), data };
    const list = this.history.get(channel) ?? [];
    list.push(event);
    if (list.length > HISTORY) list.shift();
    this.history.set(channel, list);
    const text = formatEvent(event);
    for (const client of this.clients) if (client.channel === channel) client.write(text);
    return event;
  }

  /** Pages currently listening, for /healthz and tests. */
  listeners(channel?: string): number {
    return [...this.clients].filter((c) => channel === undefined || c.channel === channel).length;
  }

  recent(channel: string): readonly WebEvent[] {
    return this.history.get(channel) ?? [];
  }

  /** Ends every stream: a server cannot close while event streams hold their sockets open. */
  close(): void {
    clearInterval(this.keepAlive);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private missed(channel: string, lastEventId: string | undefined): readonly WebEvent[] {
    const list = this.recent(channel);
    if (!lastEventId) return list;
    const [boot, n] = lastEventId.split('-');
    if (boot !== this.boot) return list;
    return list.filter((e) => Number(e.id.split('-')[1]) > Number(n));
  }

  private broadcastRaw(text: string): void {
    for (const client of this.clients) client.write(text);
  }
}

/** One SSE frame. JSON.stringify never emits a raw newline, so `data:` stays one line. */
export const formatEvent = (event: WebEvent): string => `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
