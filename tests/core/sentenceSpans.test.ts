import { describe, expect, it } from 'vitest';
import { fromSpans, toSpans } from '../../src/core/ingest/sentenceSpans.ts';
import { splitParagraphs } from '../../src/core/text/sentences.ts';

describe('sentences sent back from a prepare worker as places in the body', () => {
  it('gives back exactly the sentences the splitter made, repeated sentences included', () => {
    const paragraphs = ['Kyiv said so. Kyiv said so.', 'The U.S. agreed on Monday. “We will,” he said. Done…', 'Üñíçødé too — 100 km.'];
    const body = paragraphs.join('\n\n');
    const sentences = splitParagraphs(paragraphs).map((sentence, position) => ({ ...sentence, position }));
    const wire = toSpans(body, sentences);
    expect(wire.loose).toEqual([]);
    expect(fromSpans(body, wire)).toEqual(sentences);
  });

  it('carries as text a sentence that is not in the body as it stands', () => {
    const body = 'One.  Two.';
    const sentences = [{ text: 'One.', position: 0, paragraph: 0 }, { text: 'Two (edited).', position: 1, paragraph: 0 }, { text: 'Two.', position: 2, paragraph: 0 }];
    const wire = toSpans(body, sentences);
    expect(wire.loose).toEqual(['Two (edited).']);
    expect(fromSpans(body, wire)).toEqual(sentences);
  });
});
