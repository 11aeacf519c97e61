import { anchorGroupsOf, guessedWeight, matchedByAnchors, selectivity, type Anchor } from './anchors.ts';
import { compileQuery, verify, type CompiledQuery, type MatchState, type SlotSource } from './compiledQuery.ts';
import { sharedLexicon, type Lexicon } from './lexicon.ts';
import type { Slot } from './slot.ts';
import type { QueryNode } from './queryAst.ts';
import { filled, grow } from './growArrays.ts';
import { MatchOrder } from './matchOrder.ts';
import { IntLists } from './intLists.ts';
import { RECORD, STAMP, TopicRecords } from './topicRecords.ts';
import { EXACT, filingOf, LONG_SECOND, POSTING, sameFiling, secondInPosting, type Filing } from './topicFiling.ts';
import type { Tokens } from './tokenize.ts';
import { FIRST_BLOCK, PHRASE_START, WordSlots } from './wordSlots.ts';

/** An entry's filing while it is not in the index. */
const NOT_FILED: Filing = { posted: [], second: [], confirm: EXACT };

interface Entry<K> {
  readonly key: K;
  readonly query: CompiledQuery;
  readonly node: QueryNode;
  /** Holding its anchor groups already is a match (matchedByAnchors): no program to run. */
  readonly exact: boolean;
  /** Where it is filed (topicFiling.ts); changes when re-anchored. */
  filing: Filing;
  /** Every slot it refers to, once per reference (for reference counting). */
  readonly slots: readonly Slot[];
  /** First-word slots of its phrases, which must record positions while it is indexed. */
  readonly phraseStarts: readonly Slot[];
  /** Its number: the index into the per-topic typed arrays. */
  readonly id: number;
}

/**
 * The percolator: topics are filed under their anchors (anchors.ts); an item's words select
 * the few candidate topics, which are then verified with their compiled query. Per item the
 * work is one typed-array read per word, the postings of the distinct words that some topic
 * uses, and the candidates' checks — about the same with 10 or 10,000 topics. Adding or
 * removing a topic touches only that topic's slots and postings.
 *
 * Everything read per word or per candidate lives in flat typed arrays (word → slot in
 * wordSlots.ts, slot → last item seen, slot → postings that carry their own checks, topic →
 * stamp): at 10,000 topics the cost is cache misses, not instructions.
 *
 * Matching gives exactly what `evaluate` gives for each query on its own (property test in
 * tests/topics). Not re-entrant: one item at a time.
 */
export class TopicIndex<K> {
  private readonly entries = new Map<K, Entry<K>>();
  private readonly entryById: (Entry<K> | null)[] = [];
  /** Gives each item's matches back in the order their topics were added. */
  private readonly matchOrder = new MatchOrder<K>();
  private readonly freeEntryIds: number[] = [];
  private readonly stemSlots = new Map<string, Slot>();
  private readonly prefixSlots = new Map<string, Slot>();
  private readonly slotById: (Slot | null)[] = [];
  private readonly freeSlotIds: number[] = [];
  /** Distinct prefix lengths in use, so a word is looked up only at lengths that exist. */
  private readonly prefixLengths = new Map<number, number>();
  /** Word id → the slots it marks, resolved lazily. */
  private readonly wordSlots = new WordSlots((word) => this.slotsOfWord(word));
  /** Per topic: its stamp (checked once per item) and its second anchor group. */
  private readonly records = new TopicRecords();
  /** Per slot: its postings (topic number, second group: see POSTING). */
  private readonly postingLists = new IntLists();
  /** Per topic: its compiled program (CompiledQuery.code), read by `verify`. */
  private readonly programs = new IntLists();
  /** Reused between items: the slots an item hit (see checkCandidates). */
  private hit: Int32Array = filled(1024, 0);
  private phraseStarts = filled(1024, 0);
  /** Per slot: in how many items it occurred, and the item number when it was created. */
  private slotHits = filled(1024, 0);
  private slotBorn = filled(1024, 0);
  /** When to look at the measured word frequencies again and re-file topics (then ×4). */
  private nextReanchor = 2000;
  private readonly weigh = (anchor: Anchor): number => this.measuredWeight(anchor);
  private readonly state: MatchState;
  /** Candidates verified so far (the benchmark reports them per item). */
  verifiedCount = 0;

  constructor(private readonly lexicon: Lexicon = sharedLexicon) {
    this.state = { item: 0, tokens: { words: [], generation: -1 }, seen: filled(1024, 0), lastAt: filled(1024, -1), previousAt: filled(4096, -1), slotCodes: new Int32Array(0), blocks: new Int32Array(0) };
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Adds (or replaces) a topic. The query must have anchors: parseQuery guarantees it. */
  add(key: K, query: QueryNode): void {
    this.remove(key);
    const groups = anchorGroupsOf(query, this.weigh);
    if (!groups) throw new Error(`topic ${String(key)} has no anchors; parseQuery refuses such queries`);
    const referenced: Slot[] = [];
    const slotOf = (kind: Slot['kind'], value: string): Slot => {
      const slot = this.slot(kind, value);
      slot.refs++;
      referenced.push(slot);
      return slot;
    };
    const source: SlotSource = { stemSlot: (stem) => slotOf('stem', stem), prefixSlot: (prefix) => slotOf('prefix', prefix) };
    const compiled = compileQuery(query, source, selectivity);
    const id = this.entryId();
    const { phraseStarts } = compiled;
    for (const slot of phraseStarts) {
      // A slot that starts its first phrase must record positions: its words resolve again.
      if (slot.phraseStarts++ === 0) this.wordSlots.invalidate();
      this.phraseStarts[slot.id]!++;
    }
    const entry: Entry<K> = { key, query: compiled, node: query, exact: matchedByAnchors(query), filing: NOT_FILED, slots: referenced, phraseStarts, id };
    this.entryById[id] = entry;
    this.matchOrder.add(id, key);
    this.records.reset(id);
    this.programs.set(id, compiled.code);
    this.file(entry, this.filingFor(entry, groups));
    this.entries.set(key, entry);
  }

  remove(key: K): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.entryById[entry.id] = null;
    this.matchOrder.remove(entry.id);
    this.freeEntryIds.push(entry.id);
    this.programs.clear(entry.id);
    this.unfile(entry);
    for (const slot of entry.phraseStarts) {
      if (--slot.phraseStarts === 0) this.wordSlots.invalidate();
      this.phraseStarts[slot.id]!--;
    }
    for (const slot of entry.slots) if (--slot.refs === 0) this.drop(slot);
    return true;
  }

  /** The keys of every topic the item matches, in the order the topics were added. */
  match(tokens: Tokens): K[] {
    const keys: K[] = [];
    this.matchInto(tokens, keys);
    return keys;
  }

  /**
   * `match`, appending the keys to `into`: a caller that gathers a whole batch's matches in
   * one array (a MatchPool worker) allocates nothing per item.
   */
  matchInto(tokens: Tokens, into: K[]): void {
    // No topics, no matches: reading the item's words would find nothing to mark.
    if (this.entries.size === 0) return;
    const { wordSlots } = this;
    wordSlots.startItem(tokens.generation);
    const state = this.state;
    if (state.item + 1 >= this.nextReanchor) this.reanchor();
    const item = ++state.item;
    state.tokens = tokens;
    const words = tokens.words;
    if (words.length > state.previousAt.length) state.previousAt = new Int32Array(words.length * 2);
    const { seen } = state;
    const hit = this.hit;
    let hits = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (word < 0) continue;
      const slotId = wordSlots.lookup(word);
      // Most words mark one slot that starts no phrase: note the first occurrence, that's all.
      if (slotId >= 0 && slotId < PHRASE_START) {
        if (seen[slotId] !== item) {
          seen[slotId] = item;
          hit[hits++] = slotId;
        }
      } else if (slotId >= PHRASE_START) {
        hits = this.occurAsPhraseStart(slotId ^ PHRASE_START, i, item, hits);
      } else if (slotId <= FIRST_BLOCK) {
        hits = this.occurInBlock(FIRST_BLOCK - slotId, i, item, hits);
      }
    }
    // How often words occur is only needed to choose anchors: a sample of the items will do.
    if ((item & 3) === 0) for (let h = 0; h < hits; h++) this.slotHits[hit[h]!]!++;
    // Resolving the item's words may have grown these; verification reads them as they are now.
    state.slotCodes = wordSlots.codes;
    state.blocks = wordSlots.blocks;
    this.checkCandidates(hits, item, into);
  }

  /** A word marks one slot, which starts a phrase: the slot is noted and records the position. */
  private occurAsPhraseStart(slotId: number, position: number, item: number, hits: number): number {
    const { seen, lastAt } = this.state;
    if (seen[slotId] === item) {
      this.state.previousAt[position] = lastAt[slotId]!;
    } else {
      this.state.previousAt[position] = -1;
      seen[slotId] = item;
      this.hit[hits++] = slotId;
    }
    lastAt[slotId] = position;
    return hits;
  }

  /**
   * A word whose slots are in a block (it marks several) occurs at `position`: each slot is
   * noted, and phrase starts record the position. Returns the hit count.
   */
  private occurInBlock(at: number, position: number, item: number, hits: number): number {
    const { seen, lastAt, previousAt } = this.state;
    const block = this.wordSlots.blocks;
    const end = at + 1 + block[at]!;
    for (let b = at + 1; b < end; b++) {
      const slotId = block[b]!;
      const first = seen[slotId] !== item;
      if (this.phraseStarts[slotId] !== 0) {
        previousAt[position] = first ? -1 : lastAt[slotId]!;
        lastAt[slotId] = position;
      }
      if (!first) continue;
      seen[slotId] = item;
      this.hit[hits++] = slotId;
    }
    return hits;
  }

  /**
   * Every topic filed under a slot this item hit is a candidate, checked once, as soon as it
   * is met: its second anchor group must be present, then its required word, then (unless
   * holding its anchors already is a match) its program. One pass, no candidate list in
   * between; the topic record (topicRecords.ts) is read only for topics filed under several
   * slots or with a long second group.
   */
  private checkCandidates(hits: number, item: number, into: K[]): void {
    const { hit, matchOrder, postingLists, programs } = this;
    const records = this.records.data;
    const postings = postingLists.data;
    const postingStart = postingLists.starts;
    const postingLength = postingLists.lengths;
    const seen = this.state.seen;
    const code = programs.data;
    const programStart = programs.starts;
    matchOrder.begin();
    for (let h = 0; h < hits; h++) {
      const slotId = hit[h]!;
      const end = postingStart[slotId]! + postingLength[slotId]!;
      for (let p = postingStart[slotId]!; p < end; p += POSTING) {
        const a = postings[p + 1]!;
        if (a >= 0 && seen[a] !== item) {
          const b = postings[p + 2]!;
          if (b < 0 || seen[b] !== item) continue;
        }
        const topic = postings[p]!;
        const id = topic >> 1;
        if ((topic & 1) === 1) {
          if (records[id * RECORD + STAMP] === item) continue;
          records[id * RECORD + STAMP] = item;
        }
        if (a === LONG_SECOND && !this.records.secondOccurred(id, seen, item)) continue;
        const confirm = postings[p + 3]!;
        if (confirm !== EXACT) {
          if (confirm >= 0 && seen[confirm] !== item) continue;
          this.verifiedCount++;
          if (!verify(code, programStart[id]!, this.state)) continue;
        }
        matchOrder.note(id);
      }
    }
    matchOrder.appendKeys(into);
  }

  /** The topic's filing for these anchor groups (topicFiling.ts). */
  private filingFor(entry: Entry<K>, groups: (readonly Anchor[])[]): Filing {
    return filingOf(groups, { exact: entry.exact, requiredSlot: entry.query.requiredSlot }, (anchor) => this.slot(anchor.kind, anchor.value).id);
  }

  /** Posts the topic under each slot of its first group, with its checks (see POSTING). */
  private file(entry: Entry<K>, filing: Filing): void {
    entry.filing = filing;
    const [a, b] = secondInPosting(filing.second);
    const topic = entry.id * 2 + (filing.posted.length > 1 ? 1 : 0);
    for (const slot of filing.posted) {
      this.postingLists.add(slot, topic);
      this.postingLists.add(slot, a);
      this.postingLists.add(slot, b);
      this.postingLists.add(slot, filing.confirm);
    }
    this.records.setSecond(entry.id, filing.second);
  }

  private unfile(entry: Entry<K>): void {
    for (const slot of entry.filing.posted) this.postingLists.removeWhere(slot, (topic) => topic >> 1 === entry.id, POSTING);
    this.records.clear(entry.id);
    entry.filing = NOT_FILED;
  }

  /**
   * Anchors chosen by guessed rarity can be common words in the actual stream. After 2,000
   * items (then 8,000, 32,000…) the index weighs anchors by how often their words occurred and
   * re-files the topics whose best anchors changed — only those, so it is never a rebuild.
   */
  private reanchor(): void {
    this.nextReanchor *= 4;
    for (const entry of this.entries.values()) {
      const filing = this.filingFor(entry, anchorGroupsOf(entry.node, this.weigh)!);
      if (sameFiling(filing, entry.filing)) continue;
      this.unfile(entry);
      this.file(entry, filing);
    }
  }

  /** log2(items seen / items containing it): 1 for a word in half the items, ~10 for 1 in 1,000. */
  private measuredWeight(anchor: Anchor): number {
    const slot = (anchor.kind === 'stem' ? this.stemSlots : this.prefixSlots).get(anchor.value);
    const observed = slot ? this.state.item - this.slotBorn[slot.id]! : 0;
    if (!slot || observed < 1000) return guessedWeight(anchor);
    // Hits are counted on one item in four (see match).
    return Math.log2((observed / 4 + 1) / (this.slotHits[slot.id]! + 1));
  }

  /** Which slots a word marks: its stem's, and those of prefixes it starts with. */
  private slotsOfWord(word: number): Slot[] {
    const { lexicon } = this;
    const found: Slot[] = [];
    const stemSlot = this.stemSlots.get(lexicon.word(lexicon.stemOf(word)));
    if (stemSlot) found.push(stemSlot);
    const text = lexicon.word(word);
    for (const length of this.prefixLengths.keys()) {
      const slot = length <= text.length ? this.prefixSlots.get(text.slice(0, length)) : undefined;
      if (slot) found.push(slot);
    }
    return found;
  }

  private entryId(): number {
    const id = this.freeEntryIds.pop() ?? this.entryById.length;
    if (id === this.entryById.length) this.entryById.push(null);
    return id;
  }

  private slot(kind: Slot['kind'], value: string): Slot {
    const map = kind === 'stem' ? this.stemSlots : this.prefixSlots;
    const existing = map.get(value);
    if (existing) return existing;
    const id = this.freeSlotIds.pop() ?? this.slotById.length;
    if (id === this.slotById.length) this.slotById.push(null);
    if (id >= this.state.seen.length) {
      this.state.seen = grow(this.state.seen, 0);
      this.hit = grow(this.hit, 0); // an item hits each slot at most once
      this.state.lastAt = grow(this.state.lastAt, -1);
      this.phraseStarts = grow(this.phraseStarts, 0);
      this.slotHits = grow(this.slotHits, 0);
      this.slotBorn = grow(this.slotBorn, 0);
    }
    this.state.seen[id] = 0;
    this.phraseStarts[id] = 0;
    this.slotHits[id] = 0;
    this.slotBorn[id] = this.state.item;
    const slot: Slot = { kind, value, id, refs: 0, phraseStarts: 0 };
    this.slotById[id] = slot;
    map.set(value, slot);
    if (kind === 'prefix') this.prefixLengths.set(value.length, (this.prefixLengths.get(value.length) ?? 0) + 1);
    this.wordSlots.invalidate();
    return slot;
  }

  private drop(slot: Slot): void {
    if (slot.kind === 'stem') {
      this.stemSlots.delete(slot.value);
    } else {
      this.prefixSlots.delete(slot.value);
      const count = (this.prefixLengths.get(slot.value.length) ?? 1) - 1;
      if (count === 0) this.prefixLengths.delete(slot.value.length);
      else this.prefixLengths.set(slot.value.length, count);
    }
    this.slotById[slot.id] = null;
    this.postingLists.clear(slot.id);
    this.freeSlotIds.push(slot.id);
    this.wordSlots.invalidate();
  }
}
