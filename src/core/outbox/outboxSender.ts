import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { ChannelRef } from '../commands/command.ts';
import type { DeliveryRequest, DeliveryResult } from '../delivery/deliveryPort.ts';
import { channelKey } from '../subscriptions/subscription.ts';
import { backoffDelay, type BackoffPolicy } from './backoff.ts';
import { ChannelPacer } from './channelPacer.ts';
import type { DeliveryRegistry } from './deliveryRegistry.ts';
import type { OutboxItem } from './outboxItem.ts';
import type { OutboxStore } from './outboxStore.ts';

export interface SenderOptions {
  /** Attempts before an item is declared dead (its last error stays visible). */
  readonly maxAttempts?: number;
  readonly backoff?: BackoffPolicy;
  /** Overrides the spacing the adapters' ports declare (tests and benchmarks use zero). */
  readonly pacingMs?: Readonly<Partial<Record<ChannelRef['platform'], number>>>;
  readonly random?: () => number;
}

export interface SendRound {
  readonly delivered: number;
  readonly failed: number;
  /** Milliseconds until something may be due again; undefined when nothing waits. */
  readonly nextInMs: number | undefined;
}

/** Stable per key and short enough for Discord's 25-character nonce. */
export const nonceFor = (key: string): string => createHash('sha256').update(key).digest('base64url').slice(0, 25);

/**
 * Delivers outbox items through the platform's DeliveryPort. The order of durable writes is
 * what makes a hard kill safe:
 *   1. `sending` (attempts+1) is committed before the platform call;
 *   2. the platform is called (with a nonce derived from the key);
 *   3. `sent` + message ids are committed.
 * Killed before 1: the item is still pending. Between 1 and 3: on restart it is "in doubt";
 * the sender asks the platform whether it was posted (findPosted) and otherwise posts again with
 * the same nonce, so at most that one item can appear twice, and not at all where the platform
 * dedups. Killed while waiting for a retry: the item is pending with its next attempt time.
 */
export class OutboxSender {
  private readonly pacer: ChannelPacer;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffPolicy;
  private readonly random: () => number;
  private readonly missingPortLogged = new Set<string>();

  constructor(
    private readonly store: OutboxStore,
    private readonly registry: DeliveryRegistry,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: SenderOptions = {},
  ) {
    const override = options.pacingMs ?? {};
    this.pacer = new ChannelPacer((platform) => override[platform] ?? registry.get(platform)?.minPostIntervalMs ?? 0);
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoff = options.backoff ?? { baseMs: 2_000, maxMs: 10 * 60_000 };
    this.random = options.random ?? Math.random;
  }

  /** Call once when a sender starts: items a dead process left in flight become "in doubt". */
  recover(): number {
    const count = this.store.recoverInFlight(this.clock.now().toISOString());
    if (count > 0) this.logger.warn({ count }, 'outbox: items were in flight when the last sender stopped; checking before re-sending');
    return count;
  }

  /** Delivers everything due now whose channel is not being paced. */
  async runOnce(): Promise<SendRound> {
    let delivered = 0;
    let failed = 0;
    let nextInMs: number | undefined;
    const soonest = (ms: number) => (nextInMs = nextInMs === undefined ? ms : Math.min(nextInMs, ms));
    for (const item of this.store.due(this.clock.now().toISOString())) {
      const wait = this.pacer.waitMs(item.channel, this.clock.now().getTime());
      if (wait > 0) {
        soonest(wait);
        continue;
      }
      const port = this.registry.get(item.channel.platform);
      if (!port) {
        this.logMissingPort(item);
        continue;
      }
      if (await this.deliver(item)) delivered++;
      else failed++;
    }
    // Items already due but held back were counted above; here only ones that come due later.
    const next = this.store.nextDueAt();
    const untilNext = next === undefined ? -1 : Date.parse(next) - this.clock.now().getTime();
    if (untilNext > 0) soonest(untilNext);
    return { delivered, failed, nextInMs };
  }

  private async deliver(item: OutboxItem): Promise<boolean> {
    const port = this.registry.get(item.channel.platform)!;
    const request: DeliveryRequest = { key: item.key, channel: item.channel, reply: item.reply, nonce: nonceFor(item.key), inDoubt: item.inDoubt };
    if (item.inDoubt && !item.needsEdit && port.findPosted) {
      const posted = await port.findPosted(request).catch((error: unknown) => {
        this.logger.warn({ err: error, key: item.key }, 'outbox: could not check whether an in-doubt item was posted; sending it again');
        return undefined;
      });
      if (posted && posted.length > 0) {
        this.store.markSent(item.id, posted, this.clock.now().toISOString());
        this.logger.info({ key: item.key }, 'outbox: in-doubt item was already posted; recorded, not re-sent');
        return true;
      }
    }
    this.store.markSending(item.id, this.clock.now().toISOString());
    const result = await this.call(item, request);
    const now = this.clock.now();
    if (result.ok) {
      // Failed attempts are spaced by backoff (or retry-after), successful posts by pacing.
      this.pacer.posted(item.channel, now.getTime());
      this.store.markSent(item.id, result.messageIds.length > 0 ? result.messageIds : item.messageIds, now.toISOString());
      return true;
    }
    this.recordFailure(item, result, now);
    return false;
  }

  private async call(item: OutboxItem, request: DeliveryRequest): Promise<DeliveryResult> {
    const port = this.registry.get(item.channel.platform)!;
    try {
      return item.needsEdit && item.messageIds.length > 0
        ? await port.edit({ ...request, messageIds: item.messageIds })
        : await port.send(request);
    } catch (error) {
      // An adapter should translate its errors; one that throws is treated as a network failure.
      this.logger.error({ err: error, key: item.key }, 'outbox: delivery port threw');
      return { ok: false, retry: true, code: 'outbox/port-threw', message: `The ${item.channel.platform} adapter failed: ${(error as Error).message}` };
    }
  }

  private recordFailure(item: OutboxItem, result: Extract<DeliveryResult, { ok: false }>, now: Date): void {
    const attempts = item.attempts + 1;
    const where = `${item.kind} ${item.key} → ${channelKey(item.channel)}`;
    if (!result.retry || attempts >= this.maxAttempts) {
      const message = result.retry ? `${result.message} (gave up after ${attempts} attempts)` : result.message;
      this.store.markDead(item.id, { code: result.code, message }, now.toISOString());
      this.logger.error({ key: item.key, code: result.code }, `outbox: ${where} is dead: ${message}`);
      return;
    }
    if (result.retryAfterMs !== undefined) this.pacer.block(item.channel, now.getTime() + result.retryAfterMs);
    const delay = result.retryAfterMs ?? backoffDelay(attempts, this.backoff, this.random);
    // A rate limit means nothing was posted; any other failure may have posted (timeouts, 5xx).
    const inDoubt = result.retryAfterMs === undefined;
    this.store.markRetry(item.id, new Date(now.getTime() + delay).toISOString(), { code: result.code, message: result.message, inDoubt }, now.toISOString());
    this.logger.warn({ key: item.key, code: result.code, attempts, delayMs: delay }, `outbox: ${where} failed, retrying`);
  }

  private logMissingPort(item: OutboxItem): void {
    if (this.missingPortLogged.has(item.channel.platform)) return;
    this.missingPortLogged.add(item.channel.platform);
    this.logger.warn({ platform: item.channel.platform }, `outbox: no ${item.channel.platform} adapter is running; its items wait`);
  }
}
