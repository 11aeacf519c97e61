import { setTimeout as sleep } from 'node:timers/promises';
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChannelRef } from '../../core/commands/command.ts';
import type { DeliveryPort, DeliveryRequest, DeliveryResult } from '../../core/delivery/deliveryPort.ts';
import { renderReply, type SlackMessage } from './render.ts';
import { slackFailure, type SlackFailure } from './slackErrors.ts';

/** Marks every message we post, so `findPosted` can recognise ours after a crash. */
export const DELIVERY_EVENT_TYPE = 'newsbrief_delivery';

export interface SlackDeliveryOptions {
  readonly logger: Logger;
  /**
   * A 429 whose Retry-After is at most this long is waited out inside the call, so a digest
   * split into several messages is not interrupted halfway; longer waits go back to the
   * outbox as `retry` with `retryAfterMs`.
   */
  readonly inlineRetryMaxMs?: number;
}

type Posted = { readonly ok: true; readonly ts: string } | SlackFailure;

/**
 * The outbox's way into Slack: chat.postMessage to send, chat.update to edit an alert in
 * place. The WebClient given here must be built with `rejectRateLimitedCalls: true`, so a
 * 429 reaches us instead of sleeping inside the library.
 */
export class SlackDeliveryPort implements DeliveryPort {
  readonly platform = 'slack' as const;
  /** Slack allows about one message per second per channel; a little over, to stay clear. */
  readonly minPostIntervalMs = 1100;
  /** Parts already posted for a key whose send was cut short: the retry continues after them. */
  private readonly partial = new Map<string, string[]>();
  private readonly inlineRetryMaxMs: number;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly options: SlackDeliveryOptions,
  ) {
    this.inlineRetryMaxMs = options.inlineRetryMaxMs ?? 2000;
  }

  async send(request: DeliveryRequest): Promise<DeliveryResult> {
    const messages = renderReply(request.reply);
    const ids = [...(this.partial.get(request.key) ?? [])];
    for (let part = ids.length; part < messages.length; part++) {
      const posted = await this.post(request, messages[part]!, part, messages.length);
      if (!posted.ok) {
        if (ids.length > 0) this.partial.set(request.key, ids);
        return posted;
      }
      ids.push(posted.ts);
    }
    this.partial.delete(request.key);
    return { ok: true, messageIds: ids };
  }

  /** Updates the posted parts in place; extra parts are posted, surplus old parts deleted. */
  async edit(request: DeliveryRequest & { readonly messageIds: readonly string[] }): Promise<DeliveryResult> {
    const messages = renderReply(request.reply);
    const ids: string[] = [];
    for (const [part, message] of messages.entries()) {
      const ts = request.messageIds[part];
      const result = ts
        ? await this.call(request.channel, async () => {
            await this.client.chat.update({ channel: request.channel.channel, ts, text: message.text, blocks: message.blocks });
            return ts;
          })
        : await this.post(request, message, part, messages.length);
      if (!result.ok) return result;
      ids.push(result.ts);
    }
    for (const ts of request.messageIds.slice(messages.length)) {
      const removed = await this.call(request.channel, async () => {
        await this.client.chat.delete({ channel: request.channel.channel, ts });
        return ts;
      });
      if (!removed.ok) this.options.logger.warn({ code: removed.code, ts }, 'could not delete a surplus alert part');
    }
    return { ok: true, messageIds: ids };
  }

  /**
   * After a crash between posting and recording: our messages carry metadata with the key,
   * so the channel's recent history tells what was already posted. All parts found → their
   * ids. Only the first parts found (the crash hit mid-digest) → none, but the next `send`
   * for this key continues after them instead of posting them twice. Undefined = cannot tell.
   */
  async findPosted(request: DeliveryRequest): Promise<readonly string[] | undefined> {
    try {
      const history = await this.client.conversations.history({ channel: request.channel.channel, limit: 200, include_all_metadata: true });
      const ours = (history.messages ?? []).flatMap((m) => {
        const payload = m.metadata?.event_payload as { key?: unknown; part?: unknown; parts?: unknown } | undefined;
        return m.metadata?.event_type === DELIVERY_EVENT_TYPE && payload?.key === request.key && m.ts ? [{ ts: m.ts, part: Number(payload.part) || 0, parts: Number(payload.parts) || 1 }] : [];
      });
      ours.sort((a, b) => a.part - b.part);
      const leading = ours.filter((m, index) => m.part === index + 1).map((m) => m.ts);
      if (ours.length > 0 && leading.length >= (ours[0]?.parts ?? 1)) return leading;
      if (leading.length > 0) this.partial.set(request.key, leading);
      return [];
    } catch (error) {
      this.options.logger.warn({ err: error, channel: request.channel.channel }, 'could not read Slack history to find earlier posts');
      return undefined;
    }
  }

  private post(request: DeliveryRequest, message: SlackMessage, part: number, parts: number): Promise<Posted> {
    return this.call(request.channel, async () => {
      const result = await this.client.chat.postMessage({
        channel: request.channel.channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { key: request.key, part: part + 1, parts } },
      });
      return result.ts ?? '';
    });
  }

  /** Runs one Web API call; a short 429 is waited out once, everything else becomes a SlackFailure. */
  private async call(channel: ChannelRef, work: () => Promise<string>): Promise<Posted> {
    for (let attempt = 0; ; attempt++) {
      try {
        return { ok: true, ts: await work() };
      } catch (error) {
        const failure = slackFailure(error, channel);
        const wait = failure.retryAfterMs;
        if (failure.code === 'slack/ratelimited' && wait !== undefined && wait <= this.inlineRetryMaxMs && attempt < 2) {
          this.options.logger.info({ waitMs: wait, channel: channel.channel }, 'Slack rate limit: waiting before retrying');
          await sleep(wait);
          continue;
        }
        this.options.logger.warn({ code: failure.code, channel: channel.channel, retry: failure.retry }, 'Slack delivery failed');
        return failure;
      }
    }
  }
}
