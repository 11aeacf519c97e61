import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryRequest } from '../../src/core/delivery/deliveryPort.ts';
import type { Reply } from '../../src/core/reply.ts';
import { webChannel } from '../../src/bots/web/webChannel.ts';
import { readEvents, startWeb, type RunningWeb } from './webFixture.ts';

const digest: Reply = {
  kind: 'digest',
  title: 'Your daily briefing',
  sections: [{ heading: 'Biden allows strikes near Kharkiv', text: 'Limited permission.', sources: [{ outlet: 'CNN', url: 'https://example.com/cnn', publishedAt: '2024-05-30' }] }],
  footer: '1 article from 1 outlet, 1 story',
};

const request = (key: string, reply: Reply = digest, channel = 'general'): DeliveryRequest => ({ key, channel: webChannel(channel), reply });

async function waitForListeners(web: RunningWeb, channel: string, count: number): Promise<void> {
  for (let i = 0; i < 200 && web.server.hub.listeners(channel) < count; i++) await new Promise((r) => setTimeout(r, 10));
}

describe('live delivery to the web chat (the DeliveryPort)', () => {
  let web: RunningWeb;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(() => web.stop());

  it('pushes a delivered digest to every page open on that channel, and only that channel', async () => {
    const general = await fetch(new URL('/api/events?channel=general', web.url));
    const other = await fetch(new URL('/api/events?channel=other', web.url));
    expect(general.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await waitForListeners(web, 'general', 1);
    await waitForListeners(web, 'other', 1);
    const result = await web.server.delivery.send(request('digest:general:2024-09-14'));
    expect(result).toMatchObject({ ok: true });
    const [event] = await readEvents(general, 1);
    expect(event?.event).toBe('message');
    expect(event?.data).toMatchObject({ type: 'message', channel: 'general', data: { key: 'digest:general:2024-09-14', reply: { kind: 'digest', title: 'Your daily briefing' } } });
    if (result.ok) expect((event?.data as { data: { messageIds: string[] } }).data.messageIds).toEqual(result.messageIds);
    expect(web.server.hub.recent('other')).toHaveLength(0);
    await other.body?.cancel();
  });

  it('shows a page opened later what it missed, and a reconnecting page only what is new', async () => {
    const late = await fetch(new URL('/api/events?channel=replay', web.url));
    await web.server.delivery.send(request('a', digest, 'replay'));
    const [first] = await readEvents(late, 1);
    await web.server.delivery.send(request('b', digest, 'replay'));
    const reconnect = await fetch(new URL('/api/events?channel=replay', web.url), { headers: { 'last-event-id': first!.id } });
    const [missed] = await readEvents(reconnect, 1);
    expect((missed?.data as { data: { key: string } }).data.key).toBe('b');
    const fresh = await fetch(new URL('/api/events?channel=replay', web.url));
    const all = await readEvents(fresh, 2);
    expect(all.map((e) => (e.data as { data: { key: string } }).data.key)).toEqual(['a', 'b']);
  });

  it('edits a posted alert in place when a later report corroborates it', async () => {
    const page = await fetch(new URL('/api/events?channel=alerts', web.url));
    const sent = await web.server.delivery.send(request('alert:1', { ...digest, kind: 'alert', title: 'Policy changed' }, 'alerts'));
    if (!sent.ok) throw new Error('send failed');
    const edited = await web.server.delivery.edit({ ...request('alert:1', { ...digest, kind: 'alert', title: 'Policy changed (3 outlets)' }, 'alerts'), messageIds: sent.messageIds });
    expect(edited).toEqual({ ok: true, messageIds: sent.messageIds });
    const events = await readEvents(page, 2);
    expect(events.map((e) => e.event)).toEqual(['message', 'edit']);
    expect(events[1]?.data).toMatchObject({ data: { messageIds: sent.messageIds, reply: { title: 'Policy changed (3 outlets)' } } });
    expect(await web.server.delivery.findPosted(request('alert:1'))).toEqual(sent.messageIds);
  });

  it('refuses, without retry, a channel of another platform', async () => {
    const result = await web.server.delivery.send({ key: 'k', channel: { platform: 'slack', workspace: 'T1', channel: 'C1' }, reply: digest });
    expect(result).toMatchObject({ ok: false, retry: false, code: 'web/wrong-platform' });
  });
});
