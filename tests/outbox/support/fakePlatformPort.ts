import type { DeliveryPort, DeliveryRequest, DeliveryResult } from '../../../src/core/delivery/deliveryPort.ts';

/**
 * The DeliveryPort an adapter would write, for FakePlatform: it translates HTTP answers into
 * DeliveryResults (5xx and network → retry, 429 → retryAfterMs) and only answers findPosted
 * where the platform can tell (`history-*` channels).
 */
export function fakePlatformPort(baseUrl: string): DeliveryPort {
  const post = async (request: DeliveryRequest): Promise<DeliveryResult> => {
    let res: Response;
    try {
      res = await fetch(`${baseUrl}/post`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel: request.channel.channel, key: request.key, nonce: request.nonce }),
      });
    } catch (error) {
      return { ok: false, retry: true, code: 'fake/network', message: `The platform could not be reached (${(error as Error).message}).` };
    }
    const body = (await res.json()) as { id?: string; retry_after?: number };
    if (res.ok) return { ok: true, messageIds: [body.id!] };
    if (res.status === 429) return { ok: false, retry: true, retryAfterMs: (body.retry_after ?? 1) * 1000, code: 'fake/rate-limited', message: 'Rate limited.' };
    return { ok: false, retry: res.status >= 500, code: `fake/${res.status}`, message: `The platform answered ${res.status}.` };
  };
  return {
    platform: 'web',
    send: post,
    edit: post,
    async findPosted(request) {
      if (!request.channel.channel.startsWith('history-')) return undefined;
      const res = await fetch(`${baseUrl}/history?channel=${encodeURIComponent(request.channel.channel)}&key=${encodeURIComponent(request.key)}`);
      return ((await res.json()) as { ids: string[] }).ids;
    },
  };
}
