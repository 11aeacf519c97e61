import { afterEach, describe, expect, it } from 'vitest';
import { digestSchedulerService, outboxSenderService } from '../../src/cli/deliveryServices.ts';
import type { Runtime } from '../../src/cli/runtime.ts';
import type { RunningService } from '../../src/cli/services.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { loadConfig } from '../../src/core/config/config.ts';
import type { ChannelRef } from '../../src/core/commands/command.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';
import { ScriptedPort } from './support/scriptedPort.ts';

const channel: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1', channelName: '#news' };

describe('the digest scheduler and outbox sender that start runs', () => {
  let t: TempCore;
  const running: RunningService[] = [];
  afterEach(async () => {
    for (const service of running.splice(0)) await service.stop();
    t.cleanup();
  });

  it('sends the digest missed while the bot was down once on start, through the adapter registered for its platform', async () => {
    const clock = new ManualClock('2024-09-14T07:00:00Z');
    t = tempCore({ clock });
    t.core.delivery.subscriptions.setDigest(channel, '08:00', 'Europe/London', '2024-09-13T12:00:00Z', '2024-09-13T07:00:00Z');
    clock.set('2024-09-14T09:30:00Z'); // 08:00 BST (07:00Z) passed while the bot was down
    const port = new ScriptedPort('slack');
    t.core.delivery.ports.register(port);
    const config = loadConfig({});
    if (!config.ok) throw new Error(config.error.message);
    const runtime: Runtime = { config: config.value, logger: silentLogger(), core: t.core };

    running.push(await digestSchedulerService.start(runtime));
    const sender = await outboxSenderService.start(runtime);
    running.push(sender);
    const sent = () => t.core.delivery.outbox.counts().sent > 0;
    for (let waited = 0; !sent() && waited < 5_000; waited += 25) await new Promise((r) => setTimeout(r, 25));

    expect(port.calls.map((c) => [c.op, c.key])).toEqual([['send', 'digest:slack/T1/C1:2024-09-14']]);
    expect(t.core.delivery.outbox.byKey('digest:slack/T1/C1:2024-09-14')).toMatchObject({ state: 'sent', messageIds: ['msg-1'] });
    // A second start (a restart) finds nothing left to send.
    running.push(await digestSchedulerService.start(runtime));
    expect(t.core.delivery.outbox.list()).toHaveLength(1);
  });
});
