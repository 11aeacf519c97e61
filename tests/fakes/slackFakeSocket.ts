import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Socket Mode, Slack's side: the app opens a websocket at the URL apps.connections.open gave
 * it, we greet it with `hello`, push envelopes, and it acks each by envelope_id.
 */
export interface SocketAck {
  readonly envelope_id: string;
  readonly payload?: unknown;
  /** Milliseconds between sending the envelope and receiving its ack. */
  readonly ms: number;
}

export class SlackFakeSocket {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly clients = new Set<WebSocket>();
  private readonly pending = new Map<string, { readonly sentAt: number; resolve(ack: SocketAck): void }>();
  private seq = 0;

  constructor(server: Server) {
    server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/link/')) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
  }

  get connected(): number {
    return this.clients.size;
  }

  private accept(ws: WebSocket): void {
    this.clients.add(ws);
    ws.on('close', () => this.clients.delete(ws));
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      const waiting = message.envelope_id ? this.pending.get(message.envelope_id) : undefined;
      if (!waiting || !message.envelope_id) return;
      this.pending.delete(message.envelope_id);
      waiting.resolve({ envelope_id: message.envelope_id, payload: message.payload, ms: performance.now() - waiting.sentAt });
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: this.clients.size, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A1' } }));
  }

  /** Pushes an envelope to the connected app; resolves with its ack. */
  send(type: 'slash_commands' | 'events_api' | 'interactive', payload: Record<string, unknown>): Promise<SocketAck> {
    const ws = [...this.clients][0];
    if (!ws) return Promise.reject(new Error('fake Slack: no Socket Mode connection'));
    const envelope_id = `env-${++this.seq}`;
    return new Promise((resolve) => {
      this.pending.set(envelope_id, { sentAt: performance.now(), resolve });
      ws.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
    });
  }

  async close(): Promise<void> {
    for (const ws of this.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
