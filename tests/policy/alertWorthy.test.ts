import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/core/policy/analyzeArticle.ts';
import { isDecision } from '../../src/core/policy/articleAnalysis.ts';
import { ClaimExtractor } from '../../src/core/policy/claimExtractor.ts';
import { loadDefaultPolicies } from '../../src/core/policy/createPolicies.ts';

/**
 * The product rule behind alerts: a sentence that reports a tracked policy actually changed
 * (granted, widened, withdrawn) is a change; one that only asks, denies, predicts, hopes or
 * recaps is not. Each group pairs the sentences that must stay quiet with a close one that
 * must still fire, so no rule passes by silencing everything.
 */
const extractor = new ClaimExtractor(loadDefaultPolicies());
const changes = (sentence: string): string[] =>
  extractor
    .extract(sentence)
    .filter((c) => isDecision(c) && !c.background)
    .map((c) => `${c.policy}:${c.status}:${c.direction}`);
const statuses = (sentence: string): string[] => extractor.extract(sentence).map((c) => `${c.policy}:${c.status}`);
const headline = (title: string) => analyzeArticle(extractor, { title, text: 'Developing story.' });

describe('alerts: a question asserts no decision', () => {
  it.each([
    'Did Biden allow Ukraine to strike inside Russia? Not yet, officials say.',
    'Has the US lifted the ban on Ukraine striking Russia with ATACMS?',
    'Biden lifted restrictions on Ukraine’s use of US weapons inside Russia? That is what Moscow claims, but the Pentagon says no.',
    'Is Britain allowing Ukraine to fire Storm Shadow into Russia?',
  ])('does not alert on: %s', (sentence) => expect(changes(sentence)).toEqual([]));

  it('does not alert on a question headline, but does on the same decision stated', () => {
    expect(headline('Will Biden let Ukraine fire ATACMS into Russia?').change).toBe(false);
    expect(headline('Biden lets Ukraine fire ATACMS into Russia').change).toBe(true);
  });
});

describe('alerts: a decision inside a denial or rebuttal of reports is denied', () => {
  it('does not alert on a report that Washington denied lifting the ban', () => {
    expect(statuses('Washington denied reports that it had lifted restrictions on Ukraine’s use of ATACMS inside Russia.')).toEqual(['us:denied']);
  });

  it.each([
    'Reports that Biden had authorized ATACMS strikes inside Russia are false, the White House said.',
    'The White House dismissed as speculation reports that Biden would allow Ukraine to strike deep inside Russia.',
  ])('does not alert on: %s', (sentence) => expect(changes(sentence)).toEqual([]));

  it('alerts when the reports are confirmed', () => {
    expect(changes('The Pentagon confirmed reports that it had lifted restrictions on Ukraine’s use of ATACMS inside Russia.')).toEqual(['us:enacted:loosen']);
  });
});

describe('alerts: others’ predictions and hopes are not announcements', () => {
  it.each([
    ['Analysts said Washington would likely allow Ukraine to use ATACMS inside Russia eventually.', 'us:considering'],
    ['Experts said Washington would allow Ukraine to strike deep inside Russia.', 'us:considering'],
    ['Putin warned that Washington would soon allow Kyiv to strike deep inside Russia with Western missiles.', 'us:considering'],
    ['Ukraine hopes Trump will lift the restrictions on ATACMS strikes inside Russia.', 'us:considering'],
    ['Ukraine hopes Britain will allow it to fire Storm Shadow missiles into Russia.', 'uk:considering'],
    ['Russia claims the US has allowed Ukraine to strike deep inside Russia, but Washington has not confirmed it.', 'us:considering'],
  ])('%s', (sentence, status) => {
    expect(changes(sentence)).toEqual([]);
    expect(statuses(sentence)).toContain(status);
  });

  it('alerts when the actor itself says it will', () => {
    expect(changes('The White House said it would allow Ukraine to strike deep inside Russia with ATACMS.')).toEqual(['us:announced:loosen']);
    expect(changes('The US will let Kyiv fire ATACMS deep into Russia, the White House said on Monday.')).toEqual(['us:announced:loosen']);
  });
});

describe('alerts: a negation survives an aside', () => {
  it.each([
    'The US has not — despite months of pressure — allowed Ukraine to strike deep inside Russia.',
    'The administration has not, despite months of pressure from Kyiv and its European allies, authorized Ukraine to use ATACMS inside Russia.',
  ])('is a denial: %s', (sentence) => {
    expect(changes(sentence)).toEqual([]);
    expect(statuses(sentence)).toContain('us:denied');
  });

  it.each([
    'The US has, after months of pressure, allowed Ukraine to fire ATACMS into Russia.',
    'The US — after months of pressure — has allowed Ukraine to fire ATACMS into Russia.',
  ])('still alerts on the same aside around a decision: %s', (sentence) => expect(changes(sentence)).toEqual(['us:enacted:loosen']));
});

describe('alerts: recaps are background', () => {
  it.each([
    'Last year, the Biden administration authorized Ukraine to use ATACMS inside Russia; the Trump administration has kept that policy.',
    'The Biden administration authorized Ukraine to use ATACMS inside Russia in November 2024, a decision Trump criticized.',
    'In 2024, Biden allowed Ukraine to use ATACMS against targets inside Russia.',
    'A year ago, Biden authorized Ukraine to strike inside Russia with ATACMS.',
    'Before leaving office, Biden had allowed Ukraine to strike inside Russia with ATACMS.',
    'Ukraine has been allowed to fire ATACMS into Russia since November, but Trump has criticized the policy.',
    'Ukraine has been permitted to use British Storm Shadow missiles inside Russia for months, a UK defence source said.',
  ])('does not alert on: %s', (sentence) => {
    expect(changes(sentence)).toEqual([]);
    expect(extractor.extract(sentence).some((c) => c.background)).toBe(true);
  });

  it.each([
    'Officials said Biden had authorized Ukraine to use ATACMS against targets inside Russia.',
    'The Biden administration has lifted the ban on Ukraine using ATACMS inside Russia, officials said, reversing a policy in place since 2022.',
  ])('alerts on news told in the past or next to an old date: %s', (sentence) => expect(changes(sentence)).toEqual(['us:enacted:loosen']));
});

describe('alerts: the permission must be this policy', () => {
  it.each([
    'The US has always allowed Ukraine to use American weapons against Russian forces inside Ukraine.',
    'Ukraine is allowed to use US weapons against Russian troops on its own territory, the Pentagon said.',
    'The US allowed Ukraine to use its drones against Russian forces in occupied Crimea.',
    'Biden authorized Ukraine to use anti-personnel mines against Russian forces, officials said.',
    'The White House lifted restrictions on intelligence sharing with Ukraine, officials said.',
    'The US has allowed Israel to use US weapons against Iranian targets, and Ukraine hopes for the same against Russia.',
    'Zelensky’s office said the president had authorized strikes on Russian airfields with Ukrainian-made drones.',
    'Putin said the president had allowed Russia’s forces to strike Ukrainian energy sites with long-range missiles.',
  ])('does not alert on: %s', (sentence) => expect(changes(sentence)).toEqual([]));

  it.each([
    'The US has allowed Ukraine to use American weapons against Russian forces across the border.',
    'Biden authorized Ukraine to use ATACMS against Russian and North Korean forces in Kursk.',
    'The White House lifted restrictions on Ukraine’s use of US weapons against targets in Russia.',
    'The president has authorized Ukraine to use ATACMS inside Russia, a White House official said.',
    'Zelensky said the president had authorized strikes inside Russia with US-made ATACMS.',
  ])('alerts on the close real change: %s', (sentence) => expect(changes(sentence)).toEqual(['us:enacted:loosen']));
});

describe('alerts: real changes in the forms news uses', () => {
  it.each([
    ['The Trump administration has withdrawn permission for Ukraine to fire ATACMS into Russia.', 'us:enacted:tighten'],
    ['Washington has green-lit Ukrainian strikes in Kursk with ATACMS, officials said.', 'us:enacted:loosen'],
    ['The Pentagon has blocked Ukraine from using ATACMS against targets inside Russia, the Wall Street Journal reported.', 'us:enacted:tighten'],
    ['The restrictions on Ukraine’s use of US weapons inside Russia have been lifted, officials said.', 'us:enacted:loosen'],
    ['Ukraine has received US permission to strike targets inside Russia with ATACMS, officials said.', 'us:enacted:loosen'],
    ['The US has cleared Ukraine to use ATACMS against targets inside Russia, officials said.', 'us:enacted:loosen'],
    ['Ukraine can now use ATACMS to strike inside Russia, the Pentagon said, after President Biden changed course.', 'us:enacted:loosen'],
    ['The decision to allow Ukraine to strike inside Russia with ATACMS was made on Sunday, officials said.', 'us:enacted:loosen'],
    ['Biden finally gave in to pressure and let Ukraine fire ATACMS into Russia, officials said.', 'us:enacted:loosen'],
  ])('%s', (sentence, change) => expect(changes(sentence)).toEqual([change]));

  it.each([
    'The US still bars Ukraine from using ATACMS inside Russia.',
    'Ukraine has not received US permission to strike targets inside Russia with ATACMS.',
    'Ukraine has asked for permission to strike targets inside Russia with ATACMS.',
    'A decision to allow Ukraine to strike deep inside Russia with ATACMS is expected within days, officials said.',
    'Pressure on Biden to allow Ukraine to strike inside Russia with ATACMS grows.',
  ])('the standing ban, a request or a pending decision is no change: %s', (sentence) => expect(changes(sentence)).toEqual([]));

  it.each([
    ['Trump bans Ukraine from striking deep inside Russia with US missiles', 'us', 'enacted'],
    ['Biden ends ban on Ukraine using US weapons inside Russia', 'us', 'enacted'],
    ['Biden reverses course, allowing Ukraine to use ATACMS inside Russia', 'us', 'enacted'],
    ['UK to let Ukraine fire Storm Shadow missiles into Russia', 'uk', 'announced'],
    ['Germany to allow Ukraine to use its weapons against targets in Russia', 'germany', 'announced'],
  ])('alerts on the headline "%s"', (title, policy, status) => {
    const analysis = headline(title);
    expect(analysis.change).toBe(true);
    expect(analysis.claims.map((c) => `${c.policy}:${c.status}`)).toContain(`${policy}:${status}`);
  });

  it('does not read a proposal or a call as a headline decision', () => {
    expect(headline('Calls for Biden to let Ukraine strike inside Russia with ATACMS grow').change).toBe(false);
    expect(headline('Time for Washington to let Ukraine strike inside Russia with ATACMS').change).toBe(false);
  });

  it('reads a decision at the end of a run-on paragraph longer than 2,000 characters', () => {
    const filler = 'Ukrainian officials said the front line near Pokrovsk remained under heavy pressure, with Russian troops attacking in small groups, ';
    const runOn = `${filler.repeat(20)}and the Biden administration has authorized Ukraine to use ATACMS to strike targets deep inside Russia, officials said.`;
    expect(runOn.length).toBeGreaterThan(2_000);
    expect(analyzeArticle(extractor, { text: runOn }).change).toBe(true);
  });
});
