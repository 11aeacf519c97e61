import { afterEach, describe, expect, it } from 'vitest';
import { AnswerService } from '../../src/core/answer/answerService.ts';
import type { PolicyStatusLookup } from '../../src/core/answer/policyStatusLookup.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

function ingestTwoReports(temp: TempCore): void {
  temp.core.ingestor.ingest({
    title: 'Germany weighs Taurus deliveries',
    text: 'Berlin has not yet decided whether to deliver Taurus cruise missiles to Kyiv, a government spokesman said.',
    outlet: 'DW',
    publishedAt: '2024-03-01',
  });
  temp.core.ingestor.ingest({
    title: 'Germany and the Taurus question',
    text: 'Berlin has still not decided whether to deliver Taurus cruise missiles to Kyiv, the chancellor said on Friday.',
    outlet: 'Der Spiegel',
    publishedAt: '2024-11-01',
  });
}

describe('answers about now', () => {
  let temp: TempCore | undefined;
  afterEach(() => temp?.cleanup());

  it('puts the newer of two equally relevant reports first when the question asks for the latest', () => {
    temp = tempCore();
    ingestTwoReports(temp);
    const answer = temp.core.answers.ask('What is the latest on Berlin sending Taurus cruise missiles to Kyiv?');
    expect(answer.quotes[0]!.sources[0]!.outlet).toBe('Der Spiegel');
    expect(answer.document.asOf).toMatch(/^2024-11-01/);
  });

  it('puts the policy tracker’s status line first for a question about the current state', () => {
    temp = tempCore();
    ingestTwoReports(temp);
    const asked: string[] = [];
    const tracker: PolicyStatusLookup = {
      statusLineFor: (question) => {
        asked.push(question);
        return { line: 'Taurus deliveries: prohibited, since 2024-03-01 (DW)', asOf: '2024-12-01T00:00:00.000Z' };
      },
    };
    const answers = new AnswerService(temp.core.db, temp.core.articles, temp.core.logger);
    answers.usePolicyStatus(tracker);
    const current = answers.ask('Is Berlin still refusing to send Taurus missiles to Kyiv?');
    expect(current.policyLine).toBe('Taurus deliveries: prohibited, since 2024-03-01 (DW)');
    expect(current.document.answer.split('\n')[0]).toBe(current.policyLine);
    expect(current.document.asOf).toBe('2024-12-01T00:00:00.000Z');
    // A question about a past event gets quotes only.
    const past = answers.ask('When did a government spokesman first comment on Taurus deliveries to Kyiv?');
    expect(past.policyLine).toBeUndefined();
    expect(asked).toHaveLength(1);
  });

  it('still answers with quotes when the policy tracker fails, and logs the failure', () => {
    temp = tempCore();
    ingestTwoReports(temp);
    const answers = new AnswerService(temp.core.db, temp.core.articles, temp.core.logger);
    answers.usePolicyStatus({ statusLineFor: () => { throw new Error('tracker down'); } });
    const answer = answers.ask('Is Berlin still refusing to send Taurus missiles to Kyiv?');
    expect(answer.document.status).toBe('answered');
    expect(answer.policyLine).toBeUndefined();
  });
});
