import type { AckTiming, CommandRunner } from '../../src/bots/slack/adapterDeps.ts';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import { createSlackAdapter, type SlackAdapter } from '../../src/bots/slack/slackApp.ts';
import type { SlackSettings } from '../../src/bots/slack/slackSettings.ts';
import { SlackFake, slackSignature } from '../fakes/slackFake.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

export const SIGNING_SECRET = 'test-signing-secret';
export type Mode = 'http' | 'socket';

export interface SlashOptions {
  readonly user?: string;
  readonly channel?: string;
  readonly channelName?: string;
  /** HTTP only: sign with another secret, a given timestamp, or a broken signature. */
  readonly secret?: string;
  readonly timestamp?: number;
  readonly tamper?: boolean;
}

/** What came back to Slack for a request: the HTTP status (HTTP mode) and how long the ack took. */
export interface Acked {
  readonly status: number;
  readonly ms: number;
}

/**
 * The real Bolt app, in HTTP or Socket Mode, wired to a seeded core and pointed at the fake
 * Slack. Requests go in the way Slack sends them: a signed form POST, or a websocket envelope.
 */
export class SlackTestbed {
  private constructor(
    readonly mode: Mode,
    /** Every ack the adapter recorded, with its time. */
    readonly acks: AckTiming[],
    private readonly runner: { run: CommandRunner },
    readonly fake: SlackFake,
    readonly temp: TempCore,
    readonly adapter: SlackAdapter,
    private readonly port: number | undefined,
  ) {}

  /** What the adapter runs for each command: the real runCommand unless a test swaps it. */
  get run(): CommandRunner {
    return this.runner.run;
  }
  set run(run: CommandRunner) {
    this.runner.run = run;
  }

  /** Forgets what earlier tests did, and puts the real runCommand back. */
  reset(): void {
    this.run = runCommand;
    this.acks.length = 0;
    this.fake.reset();
  }

  static async start(mode: Mode, options: { adminUsers?: string[]; inlineRetryMaxMs?: number } = {}): Promise<SlackTestbed> {
    const fake = await new SlackFake().start();
    const temp = tempCore({ seed: true });
    const settings: SlackSettings = {
      botToken: fake.botToken,
      mode,
      port: 0,
      host: '127.0.0.1',
      apiUrl: fake.apiUrl,
      adminUsers: options.adminUsers ?? [],
      ...(mode === 'http' ? { signingSecret: SIGNING_SECRET } : { appToken: fake.appToken }),
    };
    const acks: AckTiming[] = [];
    const runner = { run: runCommand as CommandRunner };
    const adapter = createSlackAdapter({
      core: temp.core,
      settings,
      clientOptions: { retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 0 } },
      run: (input, context) => runner.run(input, context),
      ...(options.inlineRetryMaxMs === undefined ? {} : { deliveryInlineRetryMaxMs: options.inlineRetryMaxMs }),
      onAck: (timing) => acks.push(timing),
    });
    const started = await adapter.start();
    if (mode === 'socket') await fake.waitFor(() => fake.socket.connected > 0, 5000, 'the Socket Mode connection');
    return new SlackTestbed(mode, acks, runner, fake, temp, adapter, started.port);
  }

  async stop(): Promise<void> {
    await this.adapter.stop();
    await this.fake.stop();
    this.temp.cleanup();
  }

  /** `/brief <text>` from a user in a channel; resolves when Slack would have its ack. */
  slash(text: string, options: SlashOptions = {}): Promise<Acked> {
    const fields = {
      token: 'legacy-verification-token',
      team_id: 'T1',
      team_domain: 'fake',
      channel_id: options.channel ?? 'C1',
      channel_name: options.channelName ?? 'policy-news',
      user_id: options.user ?? 'U1',
      user_name: 'alice',
      command: '/brief',
      text,
      api_app_id: 'A1',
      response_url: this.fake.responseUrl(),
      trigger_id: 'trigger-1',
    };
    if (this.mode === 'socket') return this.viaSocket('slash_commands', fields);
    return this.postSigned(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
  }

  /** A click on a button of an ephemeral message, as Slack sends block_actions. */
  click(actionId: string, value: string, options: { user?: string; channel?: string } = {}): Promise<Acked> {
    const payload = {
      type: 'block_actions',
      api_app_id: 'A1',
      token: 'legacy-verification-token',
      trigger_id: 'trigger-2',
      team: { id: 'T1', domain: 'fake' },
      user: { id: options.user ?? 'U1', username: 'alice', name: 'alice', team_id: 'T1' },
      channel: { id: options.channel ?? 'C1', name: 'policy-news' },
      container: { type: 'message', message_ts: '1700000000.000001', channel_id: options.channel ?? 'C1', is_ephemeral: true },
      response_url: this.fake.responseUrl(),
      actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: '1700000001.000001', text: { type: 'plain_text', text: 'Post to channel' } }],
    };
    if (this.mode === 'socket') return this.viaSocket('interactive', payload);
    return this.postSigned(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
  }

  /** An Events API callback (e.g. app_home_opened). */
  event(event: Record<string, unknown>): Promise<Acked> {
    const payload = { token: 'legacy-verification-token', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: 'Ev1', event_time: 1700000000, event };
    if (this.mode === 'socket') return this.viaSocket('events_api', payload);
    return this.postSigned(JSON.stringify(payload), 'application/json');
  }

  private async viaSocket(type: 'slash_commands' | 'interactive' | 'events_api', payload: Record<string, unknown>): Promise<Acked> {
    const ack = await this.fake.socket.send(type, payload);
    return { status: 200, ms: ack.ms };
  }

  private async postSigned(body: string, contentType: string, options: SlashOptions = {}): Promise<Acked> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    let signature = slackSignature(options.secret ?? SIGNING_SECRET, timestamp, body);
    if (options.tamper) signature = signature.slice(0, -4) + (signature.endsWith('0000') ? '1111' : '0000');
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${this.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
      body,
    });
    await response.text();
    return { status: response.status, ms: performance.now() - started };
  }
}
