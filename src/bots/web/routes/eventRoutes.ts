import type { FastifyInstance } from 'fastify';
import type { EventHub } from '../eventHub.ts';
import { DEFAULT_CHANNEL } from '../webChannel.ts';
import { channelQuery } from './commandRoutes.ts';

/**
 * `GET /api/events?channel=…`: server-sent events. The response is taken over from Fastify
 * (hijack) because it never ends on its own; the hub ends it when the server closes.
 */
export function registerEventRoutes(app: FastifyInstance, hub: EventHub): void {
  app.get<{ Querystring: { channel?: string } }>('/api/events', { schema: { querystring: channelQuery } }, async (request, reply) => {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
      // A token that arrived in ?token= is remembered for the page's later requests.
      ...(reply.getHeader('set-cookie') ? { 'set-cookie': String(reply.getHeader('set-cookie')) } : {}),
    });
    const lastEventId = request.headers['last-event-id'];
    const disconnect = hub.connect(
      { channel: request.query.channel ?? DEFAULT_CHANNEL, write: (chunk) => raw.write(chunk), end: () => raw.end() },
      typeof lastEventId === 'string' ? lastEventId : undefined,
    );
    request.raw.on('close', disconnect);
  });
}
