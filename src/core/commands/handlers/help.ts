import type { Handler } from '../handler.ts';
import { SUBCOMMANDS, USAGE } from '../grammar.ts';

const WHAT: Readonly<Record<string, string>> = {
  ask: 'Answer a question from the corpus, quoting the sentences it relies on.',
  digest: 'What changed since the last digest (or today / this week), one entry per story.',
  status: 'The current state of each tracked policy, with its evidence.',
  timeline: 'Every change of a tracked policy, in order.',
  search: 'Find articles in the corpus.',
  topics: 'The topics this channel follows (admins change them).',
  feeds: 'The feeds the bot polls (admins change them).',
  subscribe: 'A daily digest at your hour, or alerts when a policy changes (admins).',
  unsubscribe: 'Stop a digest or alerts (admins).',
  preview: 'Show exactly what a digest or an alert would post here.',
  help: 'This list.',
};

export const help: Handler<'help'> = (command) => {
  const topic = command.topic && USAGE[command.topic] ? command.topic : undefined;
  const names = topic ? [topic] : SUBCOMMANDS;
  return {
    kind: 'info',
    title: topic ? `/brief ${topic}` : 'newsbrief — follow one policy story across many outlets',
    sections: [
      {
        fields: names.map((name) => ({ name: USAGE[name]!, value: WHAT[name] ?? '' })),
      },
      ...(topic ? [] : [{ text: 'Example: /brief ask did the US allow ATACMS strikes inside Russia?' }]),
    ],
    ephemeral: true,
  };
};
