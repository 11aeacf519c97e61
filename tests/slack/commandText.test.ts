import { describe, expect, it } from 'vitest';
import { commandText } from '../../src/bots/slack/commandText.ts';

describe('what Slack sends after /brief becomes the text the person typed', () => {
  it.each([
    ['ask A &amp; B &lt;3 &gt; 2', 'ask A & B <3 > 2'],
    ['feeds add <https://x.example/rss>', 'feeds add https://x.example/rss'],
    ['feeds add <https://x.example/rss|x.example/rss>', 'feeds add https://x.example/rss'],
    ['ask what did <@U123|dana> say in <#C9|policy-news>?', 'ask what did @dana say in #policy-news?'],
    ['ask about <!here>', 'ask about @here'],
    ['search &lt;@U1&gt; stays literal', 'search <@U1> stays literal'],
    ['ask did the US allow ATACMS?', 'ask did the US allow ATACMS?'],
  ])('%s → %s', (slack, typed) => {
    expect(commandText(slack)).toBe(typed);
  });
});
