import { afterEach, describe, expect, it } from 'vitest';
import { checkBind, isLoopbackHost } from '../../src/bots/web/bindSafety.ts';
import { renderWebReply, safeUrl } from '../../src/bots/web/webReply.ts';
import { startWeb, type RunningWeb } from './webFixture.ts';

describe('web chat safety', () => {
  let web: RunningWeb | undefined;
  afterEach(async () => {
    await web?.stop();
    web = undefined;
  });

  it('refuses a body over the cap with 413 and says why', async () => {
    web = await startWeb({ seed: false, maxBodyBytes: 1024 });
    const response = await web.post('/api/command', { text: `/brief ask ${'x'.repeat(1500)}` });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ kind: 'error', data: { code: 'web/too-large' } });
  });

  it('rate-limits commands per client and answers 429 with a Reply', async () => {
    web = await startWeb({ seed: false, rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await web.post('/api/command', { text: '/brief help' })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await web.post('/api/command', { text: '/brief help' });
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect(await limited.json()).toMatchObject({ kind: 'error', title: 'Slow down', data: { code: 'web/rate-limited' } });
  });

  it('accepts commands only as JSON (a form post from another site cannot drive the bot)', async () => {
    web = await startWeb({ seed: false });
    const form = await fetch(new URL('/api/command', web.url), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '/brief help' });
    expect(form.status).toBeGreaterThanOrEqual(400);
    const crossSite = await web.post('/api/command', { text: '/brief help' }, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ data: { code: 'web/cross-origin' } });
    expect((await web.post('/api/command', { channel: 'general' })).status).toBe(400);
    expect((await web.post('/api/command', { text: '/brief help', channel: '../etc' })).status).toBe(400);
  });

  it('refuses requests for a host name that is not loopback (DNS rebinding)', async () => {
    web = await startWeb({ seed: false });
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(new URL('/healthz', web!.url), { headers: { host: 'attacker.example:3000' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('checks WEB_TOKEN on every request when set: header, query (then a cookie) or refused', async () => {
    web = await startWeb({ seed: false, token: 's3cret-token' });
    expect((await fetch(new URL('/healthz', web.url))).status).toBe(401);
    expect((await fetch(new URL('/', web.url))).status).toBe(401);
    expect((await fetch(new URL('/api/events', web.url))).status).toBe(401);
    expect((await fetch(new URL('/metrics', web.url), { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(new URL('/healthz', web.url), { headers: { authorization: 'Bearer s3cret-token' } })).status).toBe(200);
    const page = await fetch(new URL('/?token=s3cret-token', web.url));
    expect(page.status).toBe(200);
    const cookie = page.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    const withCookie = await web.post('/api/command', { text: '/brief help' }, { cookie: cookie.split(';')[0]! });
    expect(withCookie.status).toBe(200);
  });

  it('knows which bind addresses are loopback, and refuses a public one without a token', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com', '10.0.0.1']) expect(isLoopbackHost(host)).toBe(false);
    const refused = checkBind('0.0.0.0', undefined);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('web/token-required');
      expect(refused.error.message).toMatch(/WEB_TOKEN/);
    }
    expect(checkBind('0.0.0.0', 'a-token').ok).toBe(true);
  });

  it('never turns a javascript: or data: link from a feed into a link', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,<script>')).toBeUndefined();
    expect(safeUrl('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    const reply = renderWebReply({
      kind: 'answer',
      title: 'x',
      sections: [{ sources: [{ outlet: 'Evil', url: 'javascript:alert(1)' }] }],
      links: [{ label: 'bad', url: 'vbscript:x' }, { label: 'good', url: 'https://example.com' }],
    });
    expect(reply.sections[0]?.sources?.[0]?.url).toBeUndefined();
    expect(reply.links).toEqual([{ label: 'good', url: 'https://example.com/' }]);
  });
});
