import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localContext } from '../../src/core/commands/context.ts';
import { runCommand } from '../../src/core/commands/runCommand.ts';
import type { AnswerDocument } from '../../src/core/answer/answer.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

describe('/brief ask over the seed corpus', () => {
  let temp: TempCore;
  beforeAll(() => {
    temp = tempCore({ seed: true });
  });
  afterAll(() => temp.cleanup());

  const ask = async (question: string) => runCommand(`/brief ask ${question}`, localContext(temp.core));

  it('answers with the quoted sentence, its outlet and date, and an "as of" footer', async () => {
    const reply = await ask('How far can the Army Tactical Missile System reach?');
    const data = reply.data as AnswerDocument;
    expect(reply.kind).toBe('answer');
    expect(Object.keys(data).sort()).toEqual(['answer', 'asOf', 'citations', 'question', 'status']);
    expect(data.status).toBe('answered');
    expect(data.citations[0]).toMatchObject({ outlet: 'CNN', publishedAt: expect.stringMatching(/^2024-05-30/), quote: expect.stringContaining('300 kilometers') });
    expect(Object.keys(data.citations[0]!).sort()).toEqual(['outlet', 'publishedAt', 'quote', 'title', 'url']);
    // The answer text carries the quotes themselves, verbatim.
    for (const citation of data.citations) expect(data.answer).toContain(citation.quote);
    expect(reply.sections.at(-1)?.quotes?.[0]?.text).toBe(data.citations[0]!.quote);
    expect(reply.footer).toBe(`As of ${data.asOf!.slice(0, 10)}`);
  });

  it('dates the answer by the newest evidence it quotes', async () => {
    const data = (await ask('Who has been urging Biden to relax the curbs on American arms?')).data as AnswerDocument;
    expect(data.status).toBe('answered');
    const newest = data.citations.map((c) => c.publishedAt!).sort().at(-1);
    expect(data.asOf).toBe(newest);
  });

  it('finds "the White House" in sentences that say "Washington" or "the US" (aliases)', async () => {
    const data = (await ask('Did the White House let Kyiv fire American munitions over the frontier near Kharkiv?')).data as AnswerDocument;
    expect(data.status).toBe('answered');
    expect(data.citations[0]!.quote).toMatch(/Kharkiv/);
  });

  it('says plainly that the corpus has nothing on an off-topic question, with no quote', async () => {
    const reply = await ask('What is the capital of Peru?');
    const data = reply.data as AnswerDocument;
    expect(data).toMatchObject({ status: 'no-answer', asOf: null, citations: [] });
    expect(data.answer).toMatch(/nothing/i);
    expect(reply.sections.some((s) => s.quotes)).toBe(false);
  });

  it.each([
    ['10,000 characters', 'Did the US allow ATACMS strikes inside Russia? '.repeat(210).slice(0, 10_000)],
    ['FTS5 syntax', 'title:"ATACMS" OR NEAR(range*, 5) AND -Kharkiv ))) ( ^body: {col} *'],
    ['only stop words', 'what is it that they have done there?'],
    ['emoji and right-to-left text', '🚀🚀 هل سمحت الولايات المتحدة 🚀 ATACMS?'],
    ['quotes and backslashes', '"\\"" \'\' \\ "ATACMS'],
  ])('answers a question made of %s without failing', async (_kind, question) => {
    const reply = await ask(question);
    expect(reply.kind).toBe('answer');
    expect(['answered', 'no-answer']).toContain((reply.data as AnswerDocument).status);
  });
});
