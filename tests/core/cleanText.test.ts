import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/core/text/cleanText.ts';
import { describeWithShared, SEEDS_DIR } from '../support/shared.ts';

const seed = (name: string) => readFileSync(join(SEEDS_DIR, name), 'utf8');
const cleaned = (name: string) => cleanText(seed(name)).paragraphs.join('\n');

describeWithShared('cleaning the raw seed articles', () => {
  it('removes photo captions with agency credits and their caption headings', () => {
    const fox = cleaned('001_ba84e7c5fd65f387.txt');
    const nbc = cleaned('002_69e00bd8fafe38ff.txt');
    for (const text of [fox, nbc]) {
      expect(text).not.toMatch(/Getty Images|REUTERS\/|\/ ?AP\)|AFP/);
    }
    expect(fox).not.toContain("Ukraine children's hospital");
    expect(fox).not.toContain('Ukrainian soldiers Kursk invasion');
    expect(fox).not.toMatch(/^Ukraine military$/m);
  });

  it('removes app promotions, all-caps related-story lines, the video player and the stray %d', () => {
    const fox = cleaned('001_ba84e7c5fd65f387.txt');
    const nbc = cleaned('002_69e00bd8fafe38ff.txt');
    expect(fox).not.toContain('CLICK HERE TO GET THE FOX NEWS APP');
    expect(fox).not.toContain('RUSSIA, CHINA HOLD BIGGEST WARGAMES');
    expect(fox).not.toContain('ROMANIA AND LATVIA CONFIRM');
    expect(nbc).not.toContain('YouTube player');
    expect(nbc).not.toMatch(/^%d$/m);
  });

  it("removes the republishing blog's editorial preface and note but keeps the article's first line", () => {
    const nbc = cleaned('002_69e00bd8fafe38ff.txt');
    expect(nbc).not.toContain('hegemonic control');
    expect(nbc).not.toContain('(mb)');
    expect(nbc).not.toContain('originally published on NBCNews.com');
    expect(nbc.split('\n')[0]).toBe('Let Ukraine use Western weapons to strike targets inside Russia.');
  });

  it('removes bylines and datelines but not the sentence they prefix', () => {
    const cnn = cleaned('000_e561d991953d17c1.txt');
    expect(cnn).not.toContain('By Jennifer Hansler');
    expect(cnn.split('\n')[0]).toMatch(/^Pressure is building on President Joe Biden/);
  });

  it('keeps every named quotation intact', () => {
    const all = ['000_e561d991953d17c1.txt', '001_ba84e7c5fd65f387.txt', '002_69e00bd8fafe38ff.txt', '003_a745eb15039c50e0.txt', '004_f8d1325b0194e9f8.txt']
      .map(cleaned)
      .join('\n');
    for (const quote of [
      '“we’re working that out right now.”',
      '"We’re working that out right now," he said',
      '“We’re working that out now.”',
      '“A change in policy cannot come soon enough,” they wrote.',
      '"There’s no one capability that will, in and of itself, be decisive in this campaign."',
      '“The president recently directed his team to ensure that Ukraine is able to use US supplied-weapons for counterfire purposes in Kharkiv',
      '“It is not about geography. It is about common sense,” he said.',
      'We cannot, and this is a fact, risk the support of partners,” Ukrainian President Volodymyr Zelenskyy said Tuesday.',
      '“Ukrainian soil is being attacked from bases in Russia,” Macron said',
    ]) {
      expect(all).toContain(quote);
    }
  });

  it('keeps every line that is a real sentence', () => {
    for (const name of ['000_e561d991953d17c1.txt', '003_a745eb15039c50e0.txt', '004_f8d1325b0194e9f8.txt']) {
      const removed = cleanText(seed(name)).removed.map((r) => r.line);
      expect(removed.filter((line) => line.split(' ').length > 12 && !/Getty|AP\)|AFP|\(mb\)/.test(line))).toEqual([]);
    }
  });
});

describe('cleaning short texts', () => {
  it('keeps a one-line brief or a headline-only item as the text, since it is the news itself', () => {
    expect(cleanText('Breaking: Biden lifts ban').paragraphs).toEqual(['Breaking: Biden lifts ban']);
    const title = 'Pentagon approves ATACMS use inside Russia';
    expect(cleanText(title, { title }).paragraphs).toEqual([title]);
    expect(cleanText('Moscow reacts', { title: 'Kremlin warns of response' }).paragraphs).toEqual(['Moscow reacts']);
    expect(cleanText('RUSSIA WARNS WASHINGTON\n\nBy Jane Doe').paragraphs).toEqual(['RUSSIA WARNS WASHINGTON']);
  });

  it('still removes headings, credits and placeholders inside a body that has prose', () => {
    const body = 'Pentagon Approves Strikes Inside Russia\n\nGetty Images\n\nThe Pentagon said on Tuesday that Ukraine may now use ATACMS against targets inside Russia.\n\nMore to come\n\n%s';
    expect(cleanText(body).paragraphs).toEqual(['The Pentagon said on Tuesday that Ukraine may now use ATACMS against targets inside Russia.']);
  });

  it('leaves nothing of a text that is only real boilerplate: a bare photo credit and a placeholder', () => {
    expect(cleanText('Getty Images\n\n%s\n\nYouTube player', { title: 'Nothing here' }).paragraphs).toEqual([]);
  });
});
