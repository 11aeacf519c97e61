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

describe('alerts: a condition, a claim left unconfirmed or Moscow’s word is no decision', () => {
  it.each([
    ['France would only let Ukraine fire SCALP missiles into Russia if Washington did the same, the minister said.', 'france:considering'],
    ['The UK will allow Ukraine to use Storm Shadow inside Russia only if the US agrees, officials said.', 'uk:considering'],
    ['Reports that Germany has allowed Ukraine to use Taurus missiles inside Russia have not been confirmed by Berlin.', 'germany:denied'],
    ['Claims that the US has lifted restrictions on ATACMS strikes inside Russia remain unconfirmed, officials said.', 'us:denied'],
    ['The Kremlin says Britain has allowed Ukraine to fire Storm Shadow missiles deep into Russia.', 'uk:considering'],
    ['Washington has authorised Ukraine to strike deep inside Russia with ATACMS, Russian state media reported.', 'us:considering'],
  ])('%s', (sentence, status) => {
    expect(changes(sentence)).toEqual([]);
    expect(statuses(sentence)).toContain(status);
  });

  it.each([
    ['France said it would let Ukraine fire SCALP missiles into Russia, even if Moscow objects.', 'france:announced:loosen'],
    ['Reports that Germany has allowed Ukraine to use Taurus missiles inside Russia have been confirmed by Berlin.', 'germany:enacted:loosen'],
    ['Britain has allowed Ukraine to fire Storm Shadow missiles deep into Russia, officials in London said.', 'uk:enacted:loosen'],
  ])('still alerts on the close real change: %s', (sentence, change) => expect(changes(sentence)).toEqual([change]));

  it('does not alert on a headline that reports what Russia says', () => {
    expect(headline('Moscow says Berlin has given Kyiv permission to fire Taurus into Russia').change).toBe(false);
    expect(headline('Berlin gives Kyiv permission to fire Taurus missiles into Russia').change).toBe(true);
  });
});

describe('alerts: a lifted restriction on something else is another policy', () => {
  it.each([
    'The State Department has lifted its ban on a Ukrainian National Guard unit receiving U.S. weapons and training.',
    'Washington has lifted restrictions on American defence firms sending technicians to Ukraine to service U.S. weapons.',
  ])('does not alert on: %s', (sentence) => expect(changes(sentence)).toEqual([]));

  it('does not alert on a headline about another ban', () => expect(headline('US ends ban on Ukrainian unit using American weapons').change).toBe(false));

  it.each([
    'The State Department has lifted its ban on Ukraine using U.S. weapons to strike targets in Russia.',
    'Washington has lifted restrictions on Ukraine’s use of U.S. weapons, officials said.',
  ])('still alerts on the strike permission: %s', (sentence) => expect(changes(sentence)).toEqual(['us:enacted:loosen']));
});

describe('alerts: a permission paused, halted or narrowed is a tightening', () => {
  it.each([
    'Washington has suspended its permission for Ukraine to strike inside Russia with ATACMS, officials said.',
    'The White House has paused Ukraine’s authorization to fire ATACMS deep into Russia during the talks.',
    'The Pentagon has halted its approval for Ukrainian ATACMS strikes inside Russia.',
    'The administration has tightened the restrictions on Ukraine’s use of ATACMS inside Russia, officials said.',
    'The administration has scaled back the permission it gave Ukraine to strike inside Russia with ATACMS.',
    'Ukraine is no longer permitted to use ATACMS against targets in Russia, the Pentagon said.',
  ])('%s', (sentence) => expect(changes(sentence)).toEqual(['us:enacted:tighten']));

  it.each([
    // Suspending or easing the ban loosens: the object decides the direction.
    ['Washington has suspended the ban on Ukraine using ATACMS inside Russia, officials said.', 'us:enacted:loosen'],
  ])('reads the direction from the object: %s', (sentence, change) => expect(changes(sentence)).toEqual([change]));

  it.each([
    'The White House has paused deliveries of ATACMS to Ukraine.',
    'Ukraine has halted its strikes inside Russia during the ceasefire talks.',
  ])('does not alert on a pause of something else: %s', (sentence) => expect(changes(sentence)).toEqual([]));
});

describe('alerts: a passive permission with its agent', () => {
  it('alerts on "has been allowed by … to strike"', () => {
    expect(changes('Ukraine has been permitted by the White House to fire ATACMS deep into Russia, officials said.')).toEqual(['us:enacted:loosen']);
  });

  it('does not alert when the agent refused it', () => {
    expect(changes('Ukraine has not been permitted by the White House to fire ATACMS deep into Russia, officials said.')).toEqual([]);
  });
});

describe('alerts: a decision still open is under consideration', () => {
  it.each([
    ['The White House has not yet decided whether to let Ukraine fire ATACMS deep into Russia, officials said.', 'us:considering'],
    ['Starmer is leaning toward allowing Ukraine to fire Storm Shadow missiles into Russia, officials said.', 'uk:considering'],
  ])('%s', (sentence, status) => {
    expect(changes(sentence)).toEqual([]);
    expect(statuses(sentence)).toContain(status);
  });

  it('still alerts once it is decided', () => {
    expect(changes('The White House has decided to let Ukraine fire ATACMS deep into Russia, officials said.')).toEqual(['us:enacted:loosen']);
  });
});
