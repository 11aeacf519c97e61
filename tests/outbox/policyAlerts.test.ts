import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/core/commands/command.ts';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import { DeliveryRegistry } from '../../src/core/outbox/deliveryRegistry.ts';
import { OutboxSender } from '../../src/core/outbox/outboxSender.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';
import { ScriptedPort } from './support/scriptedPort.ts';

const slack: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1', channelName: '#news' };
const quietChannel: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C9' };

// A report that moves the US policy from "limited" (the bundled corpus, May 2024) to "permitted".
const reuters = {
  title: 'Biden allows Ukraine to strike deep inside Russia with ATACMS',
  outlet: 'Reuters',
  url: 'https://example.com/reuters-atacms',
  publishedAt: '2024-11-17',
  text: 'President Joe Biden has authorized Ukraine to use ATACMS long-range missiles to strike deep inside Russia, two US officials said on Sunday. The first strikes are expected in the Kursk region.',
};
const ap = {
  title: 'US lets Ukraine fire ATACMS deep into Russia',
  outlet: 'AP',
  url: 'https://example.com/ap-atacms',
  publishedAt: '2024-11-17',
  text: 'The Biden administration has given Ukraine permission to use ATACMS to strike deep inside Russia, officials said. The decision lifts a long-standing ban.',
};

describe('policy alerts through the outbox', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = tempCore({ seed: true, clock: new ManualClock('2024-11-18T12:00:00Z') });
    await runCommand('/brief subscribe alerts us', { core: t.core, channel: slack, user: { id: 'U1', isAdmin: true } });
  });
  afterEach(() => t.cleanup());

  it('queues one alert per subscribed channel when a report changes a policy, none for the seed history', () => {
    expect(t.core.delivery.outbox.list()).toEqual([]);
    t.core.ingestor.ingest(reuters);
    const items = t.core.delivery.outbox.list();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'alert', state: 'pending', channel: { channel: 'C1' } });
    expect(items[0]!.key).toMatch(/^alert:slack\/T1\/C1:\d+$/);
    expect(items[0]!.reply.title).toBe('CHANGED: US weapons against targets inside Russia — Limited → Permitted (deep inside Russia)');
    expect(items[0]!.reply.sections[0]!.quotes![0]!.sources[0]!.outlet).toBe('Reuters');
  });

  it('edits the posted alert in place when a second outlet confirms the event', async () => {
    t.core.ingestor.ingest(reuters);
    const registry = new DeliveryRegistry();
    const port = new ScriptedPort('slack');
    registry.register(port);
    const sender = new OutboxSender(t.core.delivery.outbox, registry, t.core.clock, silentLogger());
    await sender.runOnce();
    t.core.ingestor.ingest(ap);
    const [item] = t.core.delivery.outbox.list();
    expect(item).toMatchObject({ state: 'pending', needsEdit: true, messageIds: ['msg-1'] });
    expect(item!.reply.footer).toBe('Reported by 2 outlets');
    (t.core.clock as ManualClock).advance(2_000);
    await sender.runOnce();
    expect(port.calls.map((c) => c.op)).toEqual(['send', 'edit']);
    expect(t.core.delivery.outbox.list()).toHaveLength(1);
  });

  it('alerts a channel subscribed to a topic the report matched', async () => {
    await runCommand('/brief subscribe alerts ukraine-war', { core: t.core, channel: quietChannel, user: { id: 'U1', isAdmin: true } });
    t.core.ingestor.ingest(reuters);
    expect(t.core.delivery.outbox.list().map((i) => i.channel.channel).sort()).toEqual(['C1', 'C9']);
  });

  it('sends nothing to a channel that unsubscribed', async () => {
    await runCommand('/brief unsubscribe alerts', { core: t.core, channel: slack, user: { id: 'U1', isAdmin: true } });
    t.core.ingestor.ingest(reuters);
    expect(t.core.delivery.outbox.list()).toEqual([]);
  });

  it('previews the alert exactly as queued, only to the person asking', async () => {
    const none = await runCommand('/brief preview alert', { core: t.core, channel: quietChannel, user: { id: 'U2', isAdmin: false } });
    expect(none.title).toBe('No alert yet');
    t.core.ingestor.ingest(reuters);
    const preview = await runCommand('/brief preview alert', { core: t.core, channel: slack, user: { id: 'U2', isAdmin: false } });
    const { ephemeral, ...shown } = preview;
    expect(ephemeral).toBe(true);
    expect(shown).toEqual(t.core.delivery.outbox.list()[0]!.reply);
  });
});
