import { afterEach, describe, expect, it } from 'vitest';
import { tempCore, type TempCore } from '../support/tempCore.ts';

describe('numbers a question names', () => {
  let temp: TempCore | undefined;
  afterEach(() => temp?.cleanup());

  it('answers about the 2006 World Cup from a 2006 report, but not a question about 2018', () => {
    temp = tempCore();
    temp.core.ingestor.ingest({
      title: 'Germany to open the 2006 World Cup in Munich',
      text: 'Hosts Germany will play the opening match of the 2006 World Cup in Munich, the organisers said on Monday.',
      outlet: 'Reuters',
      publishedAt: '2004-11-10',
    });
    expect(temp.core.answers.ask('Where will the hosts play the opening match of the 2006 World Cup?').document.status).toBe('answered');
    const other = temp.core.answers.ask('Where will the hosts play the opening match of the 2018 World Cup?');
    expect(other.document).toMatchObject({ status: 'no-answer', citations: [] });
  });

  it('answers about September from a September report, but not a question about November', () => {
    temp = tempCore();
    temp.core.ingestor.ingest({
      title: 'Ukraine fires ATACMS at Kursk targets',
      text: 'Ukraine fired ATACMS missiles at military targets in the Kursk region, officials said.',
      outlet: 'Reuters',
      publishedAt: '2024-09-20',
    });
    expect(temp.core.answers.ask('Did Ukraine fire ATACMS at Kursk in September?').document.status).toBe('answered');
    expect(temp.core.answers.ask('Did Ukraine fire ATACMS at Kursk in November?').document).toMatchObject({ status: 'no-answer', citations: [] });
  });
});
