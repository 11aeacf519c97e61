import { createHash } from 'node:crypto';
import { Routes, type REST } from 'discord.js';
import type { Logger } from 'pino';
import type { ChannelRef } from '../../core/commands/command.ts';
import type { DeliveryPort, DeliveryRequest, DeliveryResult } from '../../core/delivery/deliveryPort.ts';
import { discordFailure, type DiscordFailure } from './discordErrors.ts';
import { renderReply, type DiscordMessage } from './render.ts';

export interface DiscordDeliveryOptions {
  /** The role to ping above policy alerts in this channel, if the channel configured one. */
  readonly alertRoleFor?: (channel: ChannelRef) => string | undefined;
}

type Posted = { readonly ok: true; readonly id: string } | DiscordFailure;

/**
 * Discord's nonce is at most 25 characters. Each part of a split digest gets its own, stable
 * per (key, part): with `enforce_nonce`, Discord answers a repeated post within its window
 * with the message it already created instead of posting it twice.
 */
export function nonceFor(request: DeliveryRequest, part: number): string {
  if (part === 0 && request.nonce && request.nonce.length <= 25) return request.nonce;
  return createHash('sha256').update(`${request.key}#${part}`).digest('base64url').slice(0, 25);
}

/**
 * The outbox's way into Discord: channel posts to send, message edits to update an alert a
 * later source corroborates. Rate limits are @discordjs/rest's to wait out.
 */
export class DiscordDelivery implements DeliveryPort {
  readonly platform = 'discord' as const;
  /** Discord's channel-message bucket is 5 per 5 s: one a second keeps a burst inside it. */
  readonly minPostIntervalMs = 1000;
  /** Parts already posted for a key whose send was cut short: a retry continues after them. */
  private readonly partial = new Map<string, string[]>();

  constructor(
    private readonly rest: REST,
    private readonly logger: Logger,
    private readonly options: DiscordDeliveryOptions = {},
  ) {}

  async send(request: DeliveryRequest): Promise<DeliveryResult> {
    const messages = this.render(request);
    const ids = [...(this.partial.get(request.key) ?? [])];
    for (let part = ids.length; part < messages.length; part++) {
      const posted = await this.post(request, messages[part]!, part);
      if (!posted.ok) {
        if (ids.length > 0) this.partial.set(request.key, ids);
        return posted;
      }
      ids.push(posted.id);
    }
    this.partial.delete(request.key);
    return { ok: true, messageIds: ids };
  }

  /** Edits the posted parts in place; extra parts are posted, surplus old parts deleted. */
  async edit(request: DeliveryRequest & { readonly messageIds: readonly string[] }): Promise<DeliveryResult> {
    const messages = this.render(request);
    const channelId = request.channel.channel;
    const ids: string[] = [];
    for (const [part, message] of messages.entries()) {
      const id = request.messageIds[part];
      let result: Posted = id ? await this.call(request.channel, () => this.rest.patch(Routes.channelMessage(channelId, id), { body: message })) : await this.post(request, message, part);
      if (!result.ok && result.code === 'discord/10008') {
        // Someone deleted the earlier message: the update still deserves to be seen.
        this.logger.info({ channel: channelId, message: id }, 'discord: alert message was deleted; posting the update anew');
        result = await this.post(request, message, part, 'edit');
      }
      if (!result.ok) return result;
      ids.push(result.id);
    }
    for (const id of request.messageIds.slice(messages.length)) {
      const removed = await this.call(request.channel, () => this.rest.delete(Routes.channelMessage(channelId, id)).then(() => ({ id })));
      if (!removed.ok) this.logger.warn({ code: removed.code, message: id }, 'discord: could not delete a surplus alert part');
    }
    return { ok: true, messageIds: ids };
  }

  private render(request: DeliveryRequest): DiscordMessage[] {
    return renderReply(request.reply, { alertRoleId: this.options.alertRoleFor?.(request.channel) });
  }

  private post(request: DeliveryRequest, message: DiscordMessage, part: number, salt = ''): Promise<Posted> {
    const nonce = salt ? nonceFor({ ...request, key: `${request.key}#${salt}`, nonce: undefined }, part) : nonceFor(request, part);
    return this.call(request.channel, () => this.rest.post(Routes.channelMessages(request.channel.channel), { body: { ...message, nonce, enforce_nonce: true } }));
  }

  private async call(channel: ChannelRef, request: () => Promise<unknown>): Promise<Posted> {
    try {
      const answer = (await request()) as { id?: string } | undefined;
      return { ok: true, id: String(answer?.id ?? '') };
    } catch (error) {
      const failure = discordFailure(error, channel);
      this.logger.warn({ code: failure.code, channel: channel.channel, retry: failure.retry, err: error }, 'discord: delivery call failed');
      return failure;
    }
  }
}
