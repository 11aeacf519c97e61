import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/core/policy/analyzeArticle.ts';
import { extractArticleClaims } from '../../src/core/policy/articleAnalysis.ts';
import { ClaimExtractor, ukraineMentions, type Claim } from '../../src/core/policy/claimExtractor.ts';
import { loadDefaultPolicies } from '../../src/core/policy/createPolicies.ts';
import { mayCarryClaim } from '../../src/core/policy/claimStatus.ts';
import { compilePolicy } from '../../src/core/policy/policyMatcher.ts';

const extractor = new ClaimExtractor(loadDefaultPolicies());
const claims = (sentence: string, aboutUkraine = false): Claim[] => extractor.extract(sentence, { aboutUkraine });
const brief = (sentence: string, aboutUkraine = false) =>
  claims(sentence, aboutUkraine).map((c) => ({ policy: c.policy, status: c.status, ...(c.state ? { state: c.state } : {}) }));

describe('claims: a decision taken is enacted', () => {
  it.each([
    ['President Joe Biden has given permission to Ukraine to strike inside Russian territory with American munitions, though he has restricted their use so Kyiv can only hit targets over the border close to Kharkiv.', 'limited'],
    ['In a major change, President Joe Biden has lifted a ban on Ukraine using U.S. long-range missiles to strike targets deep inside Russia, according to reports.', 'permitted'],
    ['He quietly lifted restrictions on Ukraine’s use of long-range U.S. weapons this week.', 'permitted'],
    ['The Pentagon authorized Ukraine to fire ATACMS at targets in the Kursk region.', 'permitted'],
    ['Washington gave Kyiv the go-ahead to strike Russian territory with ATACMS.', 'permitted'],
    ['Biden has signed off on Ukraine using ATACMS in Russia.', 'permitted'],
    ['The US is now allowing Ukraine to strike targets across the border with American weapons.', 'limited'],
  ])('%s', (sentence, state) => {
    expect(brief(sentence)).toEqual([{ policy: 'us', status: 'enacted', state }]);
    expect(claims(sentence)[0]).toMatchObject({ direction: 'loosen', background: false, quote: sentence });
  });

  it('names the actor, the weapon and the scope the sentence used', () => {
    const [claim] = claims('President Joe Biden has given permission to Ukraine to strike inside Russian territory with American munitions, though he has restricted their use so Kyiv can only hit targets over the border close to Kharkiv.');
    expect(claim).toMatchObject({ actor: 'President Joe Biden', subject: 'American munitions', scope: 'over the border' });
  });
});

describe('claims: a decision stated for the future is announced', () => {
  it('"will allow" is announced', () => {
    expect(brief('The US will allow Ukraine to use ATACMS against targets deep inside Russia.')).toEqual([{ policy: 'us', status: 'announced', state: 'permitted' }]);
  });

  it('reported speech: "said it would allow" is the announcement of a decision', () => {
    expect(brief('The White House said it would allow Ukraine to strike targets deep inside Russia with ATACMS.')).toEqual([{ policy: 'us', status: 'announced', state: 'permitted' }]);
  });
});

describe('claims: hedges are deliberation, not decisions', () => {
  it.each([
    'Biden could soon allow Ukraine to use ATACMS inside Russia.',
    'Biden is expected to allow Ukraine to strike targets in Kursk with ATACMS.',
    'The US may permit Ukraine to hit targets deep inside Russia, officials said.',
    'Such a step would allow Ukraine to hit targets deep inside Russia with US weapons.',
    'Officials said the White House could announce as soon as this week that it will allow Ukraine to use ATACMS in Kursk.',
  ])('%s', (sentence) => {
    expect(brief(sentence).map((c) => c.status)).toEqual(['considering']);
  });

  it.each([
    ['The White House is finalizing plans to ease restrictions on how Ukraine can use U.S. long-range missiles to hit targets deep inside Russian territory.'],
    ['The U.K. is also considering whether to allow Ukraine to strike deeper inside Russia with its own long-range system, the Storm Shadow.'],
  ])('deliberation is considering: %s', (sentence) => {
    expect(brief(sentence).map((c) => c.status)).toEqual(['considering']);
  });

  it('"we are working that out" in reply to a question is considering, and the question itself asserts nothing', () => {
    expect(brief('On Tuesday, asked if the US will lift the restrictions, Biden answered, “we’re working that out right now.”', true)).toEqual([{ policy: 'us', status: 'considering' }]);
  });
});

describe('claims: pressure from others is urged', () => {
  it.each([
    'On Tuesday, the bipartisan congressional Ukraine caucus called on Biden to allow Ukraine to strike targets inside Russia with the long-range weapons.',
    'A group of key House Republicans also urged Biden to ease the restrictions on Ukraine in a letter on Monday.',
    'Pressure is building on President Joe Biden to loosen the restrictions on Ukraine’s use of US-provided weapons to strike deep inside Russia.',
    'Ukraine should be allowed to use US weapons against bases inside Russia, Senator Smith said.',
  ])('%s', (sentence) => {
    expect(brief(sentence).map((c) => `${c.policy}:${c.status}`)).toEqual(['us:urged']);
  });

  it('a call on two governments is a signal for each', () => {
    const sentence = 'Former officials authored a letter calling on the U.S. and U.K. to allow Ukraine unrestricted use of their weapons to strike Russian territory.';
    expect(brief(sentence).map((c) => `${c.policy}:${c.status}`)).toEqual(['us:urged', 'uk:urged']);
  });
});

describe('claims: negations and explicit no-change are denied', () => {
  it.each([
    'The US has not authorized Ukraine to strike deep inside Russia with ATACMS.',
    'Two US officials later told CNN that the Biden administration is not anticipating any policy changes when it comes to lifting restrictions on Ukraine.',
    'The administration is also standing firm in not allowing Ukraine to use the long-range missiles known as ATACMS to fire into Russia.',
    'The Biden administration has so far barred Ukraine from using the missiles to strike deep into Russian territory.',
    'Washington won’t let Ukraine fire ATACMS deep into Russia, the Pentagon said.',
    'The Pentagon said its policy on the use of US weapons inside Russia had not changed.',
    'The US is unlikely to allow Ukraine to strike deep inside Russia with ATACMS, officials said.',
  ])('%s', (sentence) => {
    expect(brief(sentence).map((c) => `${c.policy}:${c.status}`)).toEqual(['us:denied']);
  });

  it('"has yet to allow" after a recap is a denial next to background evidence', () => {
    const found = claims('Although the US has shifted its policy to allow limited cross-border strikes into Russia using US-provided weapons, the administration has yet to allow longer-range strikes.');
    expect(found.map((c) => [c.status, c.background, c.state])).toEqual([
      ['enacted', true, 'limited'],
      ['denied', false, 'permitted'],
    ]);
  });
});

describe('claims: recaps are background', () => {
  it.each([
    'ATACMS are already in the hands of Ukraine’s military, which the U.S. has allowed to strike targets inside Russia close to the border.',
    'In May, the Biden administration decided to let Ukraine use certain weapons to hit inside Russia, but prevented Kyiv from using long-range missiles.',
    'After Biden allowed Ukraine to strike across the border near Kharkiv, Russian attacks on the city slowed.',
  ])('%s', (sentence) => {
    const [claim] = claims(sentence);
    expect(claim).toMatchObject({ policy: 'us', status: 'enacted', background: true });
  });
});

describe('claims: other actors and other stories', () => {
  it('France allowing its own missiles is a French decision, not a US change', () => {
    const sentence = 'French President Emmanuel Macron outlined that French weapons sent to Ukraine, including long-range missiles, were permitted to target bases inside Russia.';
    expect(brief(sentence)).toEqual([{ policy: 'france', status: 'enacted', state: 'permitted' }]);
  });

  it('Germany refusing Taurus is Germany’s denial even where the US is named', () => {
    const sentence = 'The decision has caused European allies of the U.S. to chafe at Germany, which said months ago it would not allow Ukraine to use German long-range Taurus missiles.';
    expect(brief(sentence).map((c) => `${c.policy}:${c.status}`)).toEqual(['germany:denied']);
  });

  it.each([
    'B-2 bombers dropped GBU-57 bunker-buster bombs on Iran’s nuclear sites after Trump authorized the U.S. attack.',
    'Trump said he would not allow Iran to obtain a nuclear weapon and authorized strikes on its missile sites.',
    'The United States has authorized a range of new and more powerful weapons for Ukraine.',
    'The official added that a frozen conflict would simply allow Russia’s military to rebuild and attack Ukraine again.',
    'Trump admin mulls Russian icebreakers for Arctic oil as talks on Ukraine continue.',
  ])('no Ukraine strike policy in: %s', (sentence) => {
    expect(claims(sentence, true)).toEqual([]);
  });

  it('an aid package of ATACMS is a delivery, not a permission', () => {
    expect(claims('The Pentagon authorized a new package of ATACMS for Ukraine.').filter((c) => c.status === 'enacted')).toEqual([]);
  });
});

describe('claims: hostile articles', () => {
  it('an article repeating one sentence 3,000 times yields one claim, and a 1 MB run-on text is read from its start', () => {
    const repeated = analyzeArticle(extractor, { text: 'Biden allowed Ukraine to strike deep inside Russia with ATACMS. '.repeat(3000) });
    expect(repeated.claims).toHaveLength(1);
    const runOn = analyzeArticle(extractor, { text: 'Biden allowed Ukraine to strike Russia with ATACMS and '.repeat(20_000) });
    expect(runOn.claims.length).toBeLessThanOrEqual(1);
    expect(runOn.claims[0]?.quote.length ?? 0).toBeLessThanOrEqual(600);
  });
});

describe('claims: one scan of an article finds the lines worth parsing', () => {
  const lines = (texts: string[]) => [...extractor.claimableLines(texts, texts.join(' '))];

  it('skips the lines that name no target, restriction or weapon', () => {
    expect(lines(['Shares rose in Tokyo.', 'Ukraine fired ATACMS at Kursk.', 'The coach was sacked.', 'Rain is expected.'])).toEqual([1]);
    expect(lines(['Shares rose in Tokyo.', 'The coach was sacked.'])).toEqual([]);
  });

  it('finds a gate phrase that spans white space the article did not collapse', () => {
    expect(lines(['Nothing here.', 'Officers  stood\nacross   the\tborder.', 'Kyiv asked for a green \n light.'])).toEqual([1, 2]);
  });

  it('marks both lines when a phrase runs across the join between them', () => {
    expect(lines(['Nothing here, just red', 'lines for Kyiv.', 'The end.'])).toEqual([0, 1]);
  });

  it('gives an article the same claims whether or not its white space was collapsed', () => {
    const sentence = 'President Joe Biden has given permission to Ukraine to strike inside Russian territory with American munitions.';
    const spaced = sentence.replace(/ /g, ' \n  ');
    const analysed = (text: string) => extractArticleClaims(extractor, { title: 'Markets', sentences: [{ text: 'Shares rose.', position: 0 }, { text, position: 1 }] });
    expect(analysed(spaced)).toHaveLength(1);
    expect(analysed(spaced)).toEqual(analysed(sentence));
  });
});

describe('claims: only sentences with a word that can carry a claim are parsed', () => {
  it.each(['Washington dropped its objections.', 'It is letting Kyiv decide.', 'London withdrew the permission.', 'Paris signalled a shift.', 'They wanna strike.', 'Berlin stood firm.', 'ALLOWED AT LAST'])(
    'sees a claim word in "%s"',
    (sentence) => expect(mayCarryClaim(sentence)).toBe(true),
  );

  it('sees none in a sentence that only mentions the border and the US', () => {
    expect(mayCarryClaim('It was built to straddle the frontier between Canada and the US.')).toBe(false);
  });

  it('does not read "deliberately" as deliberation', () => {
    // compromise gives "deliberately" the lemma "deliberate"; the word itself carries no claim.
    const sentence = 'A cross-border meeting place was built deliberately to straddle the frontier between Canada and the US.';
    expect(claims(sentence, true)).toEqual([]);
  });
});

describe('claims: what counts as a country’s weapon', () => {
  const uk = compilePolicy(loadDefaultPolicies().find((p) => p.id === 'uk')!);
  const us = compilePolicy(loadDefaultPolicies().find((p) => p.id === 'us')!);

  it('takes a missile or air defense system for a weapon', () => {
    expect(us.ownSubject('Kyiv fired US-made rocket launcher systems at the airfield.')?.text).toBe('US-made rocket launcher systems');
    expect(us.ownSubject('Ukraine used American air defense systems.')?.text).toBe('American air defense systems');
  });

  it('does not take a pension or banking system for one', () => {
    expect(uk.ownSubject("Britain's pension system could easily be replaced, a report says.")).toBeUndefined();
    expect(claims("Britain's pension system still bans early withdrawals.")).toEqual([]);
  });
});

describe('claims: the one-scan gate misses no line', () => {
  it('marks every line that makes a claim on its own, over random articles of gate words, white space and odd Unicode', () => {
    const words = ['Ukraine', 'Russia', 'ATACMS', 'allowed', 'lifted', 'ban', 'red', 'lines', 'across', 'the', 'border', 'green', 'light', 'Biden', 'US', 'strike', '\n', '\t', '  ', 'İ', 'ß', '🚀', 'Україна', ''];
    const line = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ unit: 'grapheme', maxLength: 5 })), { maxLength: 12 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (texts) => {
        const marked = extractor.claimableLines(texts, texts.join(' '));
        return texts.every((text, i) => marked.has(i) || extractor.extract(text, { aboutUkraine: true }).length === 0);
      }),
      { numRuns: 200 },
    );
  });

  it('marks every line that makes a claim in an article that never names Ukraine, with only weapon words as its gate', () => {
    const words = ['Russia', 'Kursk', 'ATACMS', 'Storm', 'Shadow', 'allowed', 'lifted', 'ban', 'limits', 'Biden', 'US', 'U.S.', 'American', "Britain's", 'French', 'weapons', 'missiles', 'provided', 'by', 'strike', 'inside', '\n', '  ', 'ß', '🚀', ''];
    const jumble = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ unit: 'grapheme', maxLength: 5 })), { maxLength: 12 }).map((w) => w.join(' '));
    // Decisions written out, so that many lines do claim: with only a jumble, few would.
    const decision = fc
      .tuple(
        fc.constantFrom('Biden', 'The US', 'Washington', 'London', 'The president'),
        fc.constantFrom('allowed', 'has given permission to', 'will let', 'refused to allow'),
        fc.constantFrom('the army', 'its forces', 'the ally'),
        fc.constantFrom('to strike', 'to fire at', 'to use'),
        fc.constantFrom('Russia', 'Kursk', 'targets inside Russia', 'Moscow', 'airfields'),
        fc.constantFrom('with ATACMS', 'with US-provided weapons', 'with Storm Shadow missiles', 'with American munitions', 'with weapons', ''),
      )
      .map((parts) => `${parts.filter(Boolean).join(' ')}.`);
    const line = fc.oneof(jumble, decision);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (texts) => {
        fc.pre(ukraineMentions(texts.join(' ')) === 0);
        const marked = extractor.claimableLines(texts, texts.join(' '), false);
        return texts.every((text, i) => marked.has(i) || extractor.extract(text, { aboutUkraine: false }).length === 0);
      }),
      { numRuns: 200 },
    );
  });

  it('reads no line of an article that never names Ukraine for its target or restriction words alone', () => {
    const texts = ['Russia extended its limits on grain exports.', 'The ban on Moscow flights stays.', 'US-provided weapons arrived.'];
    expect([...extractor.claimableLines(texts, texts.join(' '), false)]).toEqual([2]);
    expect([...extractor.claimableLines(texts, texts.join(' '), true)]).toEqual([0, 1, 2]);
  });
});
