import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST_TO_CHANNEL_ACTION } from '../../src/bots/slack/briefCommand.ts';
import { localContext } from '../../src/core/commands/context.ts';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { ResponseUrlMessage } from '../fakes/slackFake.ts';
import { blockKitProblem, links, massMentions } from '../fakes/slackFakeBlocks.ts';
import { SlackTestbed, type Mode } from './slackTestbed.ts';

const json = (message: { blocks?: unknown } | undefined) => JSON.stringify(message?.blocks ?? []);
const buttonValue = (message: ResponseUrlMessage): string => {
  const blocks = (message.blocks ?? []) as { elements?: { action_id?: string; value?: string }[] }[];
  const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === POST_TO_CHANNEL_ACTION);
  if (!button?.value) throw new Error('no Post to channel button');
  return button.value;
};

/** A digest of `count` stories, each a heading, a summary and a source: four blocks per story. */
const digestOf = (count: number): Reply => ({
  kind: 'digest',
  title: `Digest: ${count} stories`,
  sections: Array.from({ length: count }, (_, i) => ({
    heading: `Story ${i}`,
    text: `Summary of story ${i}.`,
    sources: [{ outlet: 'CNN', title: `Report ${i}`, url: `https://cnn.example/${i}`, publishedAt: '2024-09-13' }],
  })),
});
const storiesIn = (messages: readonly { blocks?: unknown }[]) => messages.flatMap((m) => json(m).match(/\*Story \d+\*/g) ?? []);
const storyList = (count: number) => Array.from({ length: count }, (_, i) => `*Story ${i}*`);

describe.each<Mode>(['http', 'socket'])('/brief in Slack over %s', (mode) => {
  let bed: SlackTestbed;
  beforeAll(async () => {
    bed = await SlackTestbed.start(mode, { adminUsers: ['UOPS'] });
  });
  afterAll(async () => bed.stop());
  beforeEach(() => bed.reset());

  it('answers /brief ask through response_url, privately, with the quoted sources and a Post to channel button', async () => {
    const acked = await bed.slash('ask did Biden allow strikes near Kharkiv?');
    expect(acked.status).toBe(200);
    const [message] = await bed.fake.waitForResponses(1);
    expect(message!.response_type).toBe('ephemeral');
    expect(blockKitProblem(message!)).toBeUndefined();
    expect(json(message)).toContain('>“');
    expect(json(message)).toMatch(/"type":"context","elements":\[\{"type":"mrkdwn","text":"[^"]+ · 2024-\d\d-\d\d · /);
    expect(json(message)).toContain(POST_TO_CHANNEL_ACTION);
    expect(bed.acks.map((a) => a.mode)).toEqual([mode]);
  });

  it('answers /brief search from the corpus with source lines (outlet · date · link)', async () => {
    await bed.slash('search Kharkiv');
    const [message] = await bed.fake.waitForResponses(1);
    expect(json(message)).toContain('CNN · 2024-05-30 · Biden gives Ukraine permission');
  });

  it('gives help and unknown subcommands a private answer with the usage, and no share button', async () => {
    await bed.slash('help');
    await bed.slash('frobnicate now');
    const [help, unknown] = await bed.fake.waitForResponses(2);
    expect(help!.response_type).toBe('ephemeral');
    expect(json(help)).toContain('/brief ask &lt;question&gt;');
    expect(json(unknown)).toContain('is not a /brief command');
    expect(json(unknown)).toContain('Try /brief help');
    for (const message of [help!, unknown!]) expect(json(message)).not.toContain(POST_TO_CHANNEL_ACTION);
  });

  it('gives a bad argument its usage line instead of silence', async () => {
    await bed.slash('subscribe digest 25:00 Europe/Kyiv');
    const [message] = await bed.fake.waitForResponses(1);
    expect(json(message)).toContain('Usage: /brief subscribe digest &lt;HH:MM&gt; &lt;IANA zone&gt;');
  });

  it('acks at once while a slow answer is still being worked on, and records the ack time', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    bed.run = async (input, context) => (await slow, runCommand(input, context));
    const acked = await bed.slash('help');
    expect(acked.status).toBe(200);
    expect(bed.fake.responses).toEqual([]); // the ack came back before any answer existed
    expect(bed.acks).toHaveLength(1);
    release();
    await bed.fake.waitForResponses(1);
    console.info(`[slack ${mode}] ack ${acked.ms.toFixed(1)} ms seen by Slack, ${bed.acks[0]!.ms.toFixed(1)} ms inside the adapter`);
  });

  it('refuses a non-admin who changes feeds, naming who may do it, and lets a workspace admin through', async () => {
    bed.fake.users.set('U1', { id: 'U1' });
    bed.fake.users.set('UADMIN', { id: 'UADMIN', is_admin: true });
    await bed.slash('feeds add https://feeds.example/rss', { user: 'U1' });
    const [refusal] = await bed.fake.waitForResponses(1);
    expect(refusal!.response_type).toBe('ephemeral');
    expect(json(refusal)).toContain('Only admins can do that');
    expect(json(refusal)).toContain('a Slack workspace admin or owner');
    await bed.slash('feeds add https://feeds.example/rss', { user: 'UADMIN' });
    const [, allowed] = await bed.fake.waitForResponses(2);
    expect(json(allowed)).not.toContain('Only admins can do that');
    expect(bed.fake.callsTo('users.info').map((c) => c.args.user)).toEqual(['U1', 'UADMIN']);
  });

  it('trusts SLACK_ADMIN_USERS without asking Slack, and asks nothing for a plain question', async () => {
    await bed.slash('topics remove ukraine', { user: 'UOPS' });
    await bed.slash('search ATACMS', { user: 'U1' });
    const [changed] = await bed.fake.waitForResponses(2);
    expect(json(changed)).not.toContain('Only admins can do that');
    expect(bed.fake.callsTo('users.info')).toEqual([]);
  });

  it('sends a digest longer than 50 blocks as several valid messages, in order', async () => {
    bed.run = async () => digestOf(40);
    await bed.slash('digest');
    await bed.fake.waitFor(() => json(bed.fake.responses.at(-1) ?? {}).includes(POST_TO_CHANNEL_ACTION));
    const messages = bed.fake.responses;
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(blockKitProblem(message)).toBeUndefined();
    expect(storiesIn(messages)).toEqual(storyList(40));
  });

  it('shows four parts of a very long digest privately and posts all of it with Post to channel', async () => {
    bed.run = async () => digestOf(120);
    await bed.slash('digest');
    await bed.fake.waitForResponses(5);
    expect(json(bed.fake.responses[4]!)).toContain('Post to channel shares all of it');
    await bed.click(POST_TO_CHANNEL_ACTION, buttonValue(bed.fake.responses[4]!));
    await bed.fake.waitForResponses(6);
    expect(bed.fake.posted.length).toBeGreaterThan(5);
    for (const message of bed.fake.posted) expect(blockKitProblem(message)).toBeUndefined();
    expect(storiesIn(bed.fake.posted)).toEqual(storyList(120));
  });

  it('renders an article title containing <!channel> inert', async () => {
    const hostile: Reply = {
      kind: 'answer',
      title: 'Answer',
      sections: [{ quotes: [{ text: 'Officials said <!here> nothing.', sources: [{ outlet: 'Evil <!everyone>', title: 'URGENT <!channel> <https://phish.example|bank>', url: 'https://evil.example/a' }] }] }],
    };
    bed.run = async () => hostile;
    await bed.slash('ask anything');
    const [message] = await bed.fake.waitForResponses(1);
    expect(massMentions(message!)).toEqual([]);
    expect(links(message!).map((l) => l.target)).toEqual(['https://evil.example/a']);
    expect(json(message)).toContain('URGENT &lt;!channel&gt;');
  });

  it('posts the same answer to the channel when Post to channel is clicked, retrying a 429', async () => {
    await bed.slash('search Kharkiv');
    const [answer] = await bed.fake.waitForResponses(1);
    bed.fake.failNext('chat.postMessage', { status: 429, retryAfter: 0 });
    await bed.click(POST_TO_CHANNEL_ACTION, buttonValue(answer!));
    await bed.fake.waitForResponses(2);
    expect(bed.fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(bed.fake.posted).toHaveLength(1);
    const shared = bed.fake.posted[0]!;
    expect(shared.channel).toBe('C1');
    expect(json(shared).replace(/Shared by alice/, '')).toContain(json(answer!).match(/CNN · 2024-05-30[^"]*/)![0]);
    expect(bed.fake.responses[1]!.text).toBe('Posted to the channel.');
  });

  it('runs the command again when Post to channel is clicked after a restart forgot the answer', async () => {
    await bed.click(POST_TO_CHANNEL_ACTION, JSON.stringify({ id: 'from-before-the-restart', text: 'search Kharkiv' }));
    await bed.fake.waitForResponses(1);
    expect(bed.fake.posted).toHaveLength(1);
    expect(json(bed.fake.posted[0])).toContain('CNN · 2024-05-30 · Biden gives Ukraine permission');
    expect(json(bed.fake.posted[0])).toContain('Shared by alice');
  });

  it('tells the person to invite the app when Post to channel hits a channel it is not in', async () => {
    await bed.slash('search Kharkiv', { channel: 'C9' });
    const [answer] = await bed.fake.waitForResponses(1);
    bed.fake.notMember.add('C9');
    await bed.click(POST_TO_CHANNEL_ACTION, buttonValue(answer!), { channel: 'C9' });
    const [, note] = await bed.fake.waitForResponses(2);
    expect(note!.text).toContain('invite the app to #policy-news');
    expect(bed.fake.posted).toEqual([]);
  });

  it("publishes the App Home with the current policy status and the subscriptions of the person's channels", async () => {
    bed.fake.memberships.set('UOPS', [{ id: 'C1', name: 'policy-news' }, { id: 'C2', name: 'random' }]);
    await bed.slash('subscribe digest 08:00 Europe/Kyiv', { user: 'UOPS', channel: 'C1' });
    await bed.fake.waitForResponses(1);
    await bed.event({ type: 'app_home_opened', user: 'UOPS', channel: 'D1', tab: 'home', event_ts: '1700000000.1' });
    await bed.fake.waitFor(() => bed.fake.callsTo('views.publish').length === 1);
    const call = bed.fake.callsTo('views.publish')[0]!;
    expect(call.args.user_id).toBe('UOPS');
    const view = JSON.parse(String(call.args.view)) as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(blockKitProblem({ blocks: view.blocks }, 100)).toBeUndefined();
    const status = await runCommand({ name: 'status' }, localContext(bed.temp.core));
    const text = JSON.stringify(view.blocks);
    expect(text).toContain(JSON.stringify(status.title).slice(1, -1));
    expect(text).toContain('*#policy-news*');
    expect(text).toContain('Daily digest at 08:00 Europe/Kyiv');
    expect(text).not.toContain('#random');
  });

  it('says which permission is missing when Slack will not list the person\'s channels for the App Home', async () => {
    bed.fake.failNext('users.conversations', { error: 'missing_scope', needed: 'channels:read' });
    await bed.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1700000000.2' });
    await bed.fake.waitFor(() => bed.fake.callsTo('views.publish').length === 1);
    expect(String(bed.fake.callsTo('views.publish')[0]!.args.view)).toContain('channels:read');
  });
});
