import { randomUUID } from 'node:crypto';
import type { DeliveryPort, DeliveryRequest, DeliveryResult } from '../../core/delivery/deliveryPort.ts';
import type { EventHub } from './eventHub.ts';
import { renderWebReply } from './webReply.ts';

/** What a `message` or `edit` event carries to the page. */
export interface PostedMessage {
  readonly key: string;
  readonly messageIds: readonly string[];
  readonly reply: ReturnType<typeof renderWebReply>;
}

/**
 * The outbox's way into the web chat: "posting" is publishing to the channel's event stream
 * (and its short history, so a page opened a minute later still shows the digest). There is
 * no remote platform to fail, so the only refusal is a channel of another platform.
 */
export class WebDelivery implements DeliveryPort {
  readonly platform = 'web' as const;
  private readonly idsByKey = new Map<string, readonly string[]>();

  constructor(private readonly hub: EventHub) {}

  async send(request: DeliveryRequest): Promise<DeliveryResult> {
    const refused = this.refuse(request);
    if (refused) return refused;
    const messageId = `web-${randomUUID()}`;
    const message: PostedMessage = { key: request.key, messageIds: [messageId], reply: renderWebReply(request.reply) };
    this.hub.publish(request.channel.channel, 'message', message);
    this.idsByKey.set(request.key, [messageId]);
    return { ok: true, messageIds: [messageId] };
  }

  async edit(request: DeliveryRequest & { readonly messageIds: readonly string[] }): Promise<DeliveryResult> {
    const refused = this.refuse(request);
    if (refused) return refused;
    const message: PostedMessage = { key: request.key, messageIds: request.messageIds, reply: renderWebReply(request.reply) };
    this.hub.publish(request.channel.channel, 'edit', message);
    return { ok: true, messageIds: request.messageIds };
  }

  /** Known only for messages posted since this process started: history lives in memory. */
  async findPosted(request: DeliveryRequest): Promise<readonly string[] | undefined> {
    return this.idsByKey.get(request.key);
  }

  private refuse(request: DeliveryRequest): DeliveryResult | undefined {
    if (request.channel.platform === 'web') return undefined;
    return {
      ok: false,
      retry: false,
      code: 'web/wrong-platform',
      message: `The web chat cannot post to a ${request.channel.platform} channel (${request.channel.channel}).`,
    };
  }
}
