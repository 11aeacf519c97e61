import type { DeliveryPort, DeliveryRequest, DeliveryResult } from '../../../src/core/delivery/deliveryPort.ts';

/**
 * A DeliveryPort whose answers a test scripts in order (then it succeeds), recording every
 * call. It stands in for an adapter in tests of the sender's bookkeeping; the platform
 * protocol itself is exercised by FakePlatform and by each adapter's own tests.
 */
export class ScriptedPort implements DeliveryPort {
  readonly calls: { op: 'send' | 'edit' | 'findPosted'; key: string; nonce?: string; messageIds?: readonly string[]; title: string }[] = [];
  posted: Map<string, string[]> = new Map();
  /** The gap the Slack adapter declares; the sender must obey whatever its port declares. */
  readonly minPostIntervalMs = 1100;
  private nextId = 1;

  constructor(
    readonly platform: DeliveryPort['platform'] = 'slack',
    private readonly script: DeliveryResult[] = [],
    private readonly canLook = false,
  ) {}

  async send(request: DeliveryRequest): Promise<DeliveryResult> {
    this.calls.push({ op: 'send', key: request.key, nonce: request.nonce, title: request.reply.title });
    return this.answer(request);
  }

  async edit(request: DeliveryRequest & { messageIds: readonly string[] }): Promise<DeliveryResult> {
    this.calls.push({ op: 'edit', key: request.key, messageIds: request.messageIds, title: request.reply.title });
    const scripted = this.script.shift();
    return scripted ?? { ok: true, messageIds: request.messageIds };
  }

  findPosted = async (request: DeliveryRequest): Promise<readonly string[] | undefined> => {
    this.calls.push({ op: 'findPosted', key: request.key, title: request.reply.title });
    return this.canLook ? (this.posted.get(request.key) ?? []) : undefined;
  };

  private answer(request: DeliveryRequest): DeliveryResult {
    const scripted = this.script.shift();
    if (scripted) return scripted;
    const id = `msg-${this.nextId++}`;
    this.posted.set(request.key, [...(this.posted.get(request.key) ?? []), id]);
    return { ok: true, messageIds: [id] };
  }
}
