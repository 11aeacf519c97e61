import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import type { Reply } from '../../src/core/reply.ts';
import { renderWebReply } from '../../src/bots/web/webReply.ts';
import { webChannel, webUser } from '../../src/bots/web/webChannel.ts';
import { startWeb, type RunningWeb } from './webFixture.ts';

describe('the web chat API', () => {
  let web: RunningWeb;
  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(() => web.stop());

  it('answers POST /api/command with the Reply as JSON, sources and links included', async () => {
    const response = await web.post('/api/command', { text: '/brief search Kharkiv' });
    expect(response.status).toBe(200);
    const reply = (await response.json()) as Reply;
    expect(reply.kind).toBe('answer');
    const sources = reply.sections.flatMap((s) => s.sources ?? []);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources[0]?.outlet).toBeTruthy();
    expect(reply.data).toMatchObject({ query: 'Kharkiv' });
  });

  it('treats a plain question as ask, with the same Reply the core gives every platform', async () => {
    const question = 'did the US allow strikes near Kharkiv?';
    const response = await web.post('/api/command', { text: question });
    const reply = (await response.json()) as Reply;
    const expected = await runCommand(`/brief ask ${question}`, { core: web.temp.core, channel: webChannel(), user: webUser('127.0.0.1') });
    expect(reply).toEqual(JSON.parse(JSON.stringify(renderWebReply(expected))));
  });

  it('accepts commands without the /brief prefix and explains unknown ones with the usage', async () => {
    const help = (await (await web.post('/api/command', { text: '/help' })).json()) as Reply;
    expect(help.kind).toBe('info');
    expect(help.sections[0]?.fields?.some((f) => f.name.startsWith('/brief ask'))).toBe(true);
    const unknown = (await (await web.post('/api/command', { text: '/brief frobnicate' })).json()) as Reply;
    expect(unknown.kind).toBe('error');
    expect(unknown.data).toMatchObject({ code: 'commands/unknown-subcommand' });
  });

  it('serves the side panel as four Replies read through the same commands', async () => {
    const response = await fetch(new URL('/api/panel', web.url));
    const panel = (await response.json()) as Record<string, Reply>;
    expect(Object.keys(panel).sort()).toEqual(['feeds', 'status', 'timeline', 'topics']);
    for (const reply of Object.values(panel)) expect(typeof reply.title).toBe('string');
  });

  it('serves the page and its assets, and nothing else from disk', async () => {
    const page = await fetch(web.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<main');
    expect((await fetch(new URL('/assets/app.js', web.url))).status).toBe(200);
    expect((await fetch(new URL('/assets/..%2Fwebserver.ts', web.url))).status).toBe(404);
    expect((await fetch(new URL('/assets/%2e%2e%2f%2e%2e%2fpackage.json', web.url))).status).toBe(404);
  });

  it('answers unknown paths with an error Reply', async () => {
    const response = await fetch(new URL('/nope', web.url));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ kind: 'error', data: { code: 'web/not-found' } });
  });

  it('explains a message that is too long, empty, or sent to a bad channel in plain words, not schema wording', async () => {
    const sent = async (body: unknown) => {
      const response = await web.post('/api/command', body);
      return { status: response.status, reply: (await response.json()) as Reply };
    };
    const long = await sent({ text: 'a'.repeat(2001) });
    expect(long).toMatchObject({ status: 400, reply: { kind: 'error', title: 'Too long', data: { code: 'web/too-long' } } });
    expect(JSON.stringify(long.reply)).toContain('A message is at most 2,000 characters.');
    expect((await sent({ text: '' })).reply).toMatchObject({ title: 'Nothing to send', data: { code: 'web/empty' } });
    expect((await sent({ text: 'hi', channel: 'Bad Channel!' })).reply).toMatchObject({ title: 'Bad channel', data: { code: 'web/bad-channel' } });
    for (const body of [{ text: 'a'.repeat(2001) }, { text: '' }, { text: 'hi', channel: 'Bad Channel!' }]) {
      expect(JSON.stringify((await sent(body)).reply)).not.toMatch(/must NOT|must match pattern|body\//);
    }
  });
});
