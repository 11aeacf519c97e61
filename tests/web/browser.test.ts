// The functions given to page.evaluate run in the browser, hence the DOM types.
/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { webChannel } from '../../src/bots/web/webChannel.ts';
import { findChromium } from './chromium.ts';
import { startWeb, type RunningWeb } from './webFixture.ts';

const OUTPUT = resolve(import.meta.dirname, '../../test-output/web');
const XSS = '<img src=x onerror=alert(1)>';
const chromiumPath = findChromium();

/** The browser test needs a Chromium; without one it says so and skips, never silently. */
const describeWithChromium = chromiumPath ? describe : describe.skip;
if (!chromiumPath) console.warn('[skipped] web chat in a browser: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH).');

const digest: Reply = {
  kind: 'digest',
  title: 'Daily briefing: Zorblat missiles',
  sections: [
    {
      heading: 'Freedonia lets Ukraine fire Zorblat missiles into Russia',
      quotes: [{ text: 'Freedonia has given Ukraine permission to strike military targets inside Russia.', sources: [{ outlet: 'Example Wire', url: 'https://news.example/freedonia-zorblat', publishedAt: '2024-09-14' }] }],
    },
  ],
  footer: '1 article from 1 outlet, 1 story',
};

// Generous limits: Chromium and a seeded database start slowly on a busy two-core machine.
describeWithChromium('the web chat in a browser', { timeout: 60_000 }, () => {
  let web: RunningWeb;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    web = await startWeb();
    const ingest = (title: string, text: string, slug: string) =>
      web.temp.core.ingestor.ingest({ title, text, url: `https://news.example/${slug}`, outlet: 'Example Wire', publishedAt: '2024-09-14' });
    ingest('Freedonia lets Ukraine fire Zorblat missiles into Russia', 'Freedonia has given Ukraine permission to strike military targets inside Russia with Zorblat missiles, two officials said on Friday. The decision follows months of pressure from allies.', 'freedonia-zorblat');
    ingest(XSS, 'A hostile feed put markup in this title about Quuxite exports. Nothing in it may run.', 'hostile');
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(web.url);
    await page.waitForFunction(() => document.getElementById('live')?.textContent === 'live');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
  });

  it('answers a typed question with quoted sources that link to the articles', async () => {
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('composer-input');
    await page.keyboard.type('did Freedonia allow Zorblat missile strikes inside Russia?');
    await page.keyboard.press('Enter');
    const answer = page.locator('.message--bot .reply--answer').last();
    await answer.waitFor();
    await expect.poll(() => answer.locator('blockquote').count()).toBeGreaterThan(0);
    const link = answer.locator('blockquote a[href="https://news.example/freedonia-zorblat"]').first();
    expect(await link.textContent()).toBe('Example Wire');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(await answer.locator('blockquote time').first().textContent()).toBe('2024-09-14');
    expect(await page.locator('.message--user').last().textContent()).toBe('did Freedonia allow Zorblat missile strikes inside Russia?');
  });

  it('shows a hostile feed title as plain text that cannot run', async () => {
    await page.fill('#composer-input', '/brief search Quuxite');
    await page.press('#composer-input', 'Enter');
    const result = page.locator('.message--bot .reply--answer').last();
    await expect.poll(() => result.textContent()).toContain(XSS);
    expect(await page.locator('#messages img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('shows a digest delivered to the channel live, then its edit in place, without a reload', async () => {
    await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
    const sent = await web.server.delivery.send({ key: 'digest:general:2024-09-14', channel: webChannel('general'), reply: digest });
    if (!sent.ok) throw new Error(sent.message);
    const live = page.locator('.message--live .reply--digest');
    await live.waitFor();
    expect(await live.locator('.reply-title').textContent()).toBe('Daily briefing: Zorblat missiles');
    expect(await live.locator('blockquote a').getAttribute('href')).toBe('https://news.example/freedonia-zorblat');
    await web.server.delivery.edit({ key: 'digest:general:2024-09-14', channel: webChannel('general'), reply: { ...digest, title: 'Daily briefing (corrected)' }, messageIds: sent.messageIds });
    await expect.poll(() => live.locator('.reply-title').textContent()).toBe('Daily briefing (corrected)');
    expect(await page.locator('.message--live').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    await page.screenshot({ path: resolve(OUTPUT, 'chat-desktop.png'), fullPage: true });
  });

  it('fills the side panel from the status, timeline, topics and feeds commands', async () => {
    for (const name of ['status', 'timeline', 'topics', 'feeds']) {
      await expect.poll(() => page.locator(`#panel-${name} .reply`).count()).toBe(1);
    }
  });

  it('keeps text contrast at WCAG AA and fits a phone screen without sideways scrolling', async () => {
    const ratios = await page.evaluate(() => {
      const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      const luminance = (rgb: string) => {
        const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.map(Number);
        return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
      };
      const background = (el: Element | null): string => {
        for (let node = el; node; node = node.parentElement) {
          const bg = getComputedStyle(node).backgroundColor;
          if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') return bg;
        }
        return 'rgb(255, 255, 255)';
      };
      const ratio = (el: Element) => {
        const [a, b] = [luminance(getComputedStyle(el).color), luminance(background(el))];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      };
      const selectors = ['.reply-text', '.reply-footer', '.quote-sources', 'blockquote a', '.hint', '.channel', 'button[type=submit]', '.panel-body', '.user-text', '.reply--digest .reply-title'];
      return Object.fromEntries(selectors.map((s) => [s, document.querySelector(s) ? ratio(document.querySelector(s)!) : null]));
    });
    for (const [selector, value] of Object.entries(ratios)) {
      expect(value, selector).not.toBeNull();
      expect(value!, selector).toBeGreaterThanOrEqual(4.5);
    }
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: resolve(OUTPUT, 'chat-phone.png'), fullPage: true });
  });
});
