import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/core.ts';
import { signature } from '../../src/core/stories/minHash.ts';
import { applyMigrations, loadMigrations } from '../../src/core/store/migrate.ts';

const TITLE = 'Ukraine strikes Russian depot with Western missiles';
const BODY = `Ukraine's military said on Tuesday it struck an ammunition depot in Russia's Bryansk region overnight using Western-supplied missiles, in what officials described as one of the deepest strikes of the war. The attack followed weeks of debate in Washington over whether to allow Kyiv to use long-range weapons inside Russian territory. Russian officials said air defences intercepted most of the missiles and that debris caused a fire but no casualties.`;

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** A data file as the release before migration 010 left it: one article, its story, an old-scheme signature. */
function fileBeforeUpgrade(): string {
  dir = mkdtempSync(join(tmpdir(), 'newsbrief-upgrade-'));
  const path = join(dir, 'old.db');
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  applyMigrations(db, loadMigrations().filter((m) => m.version < 10));
  const now = '2024-11-18T09:00:00.000Z';
  db.prepare("INSERT INTO articles (id, title, body, content_hash, fetched_at, updated_at, outlet) VALUES (7, ?, ?, 'h7', ?, ?, 'Reuters')").run(TITLE, BODY, now, now);
  db.prepare('INSERT INTO stories (id, first_article_id, created_at) VALUES (3, 7, ?)').run(now);
  db.prepare('UPDATE articles SET story_id = 3 WHERE id = 7').run();
  const oldScheme = Buffer.alloc(512, 0xab); // values no current signature would give
  db.prepare('INSERT INTO story_signatures (article_id, story_id, signature) VALUES (7, 3, ?)').run(oldScheme);
  db.close();
  return path;
}

describe('upgrading story signatures to the current MinHash', () => {
  it('signs stored articles again at the first start, keeping their stories, so a later copy still joins them', () => {
    const core = createCore({ dbPath: fileBeforeUpgrade() });
    const row = core.db.prepare('SELECT story_id, signature FROM story_signatures WHERE article_id = 7').get() as { story_id: number; signature: Buffer };
    expect(row.story_id).toBe(3);
    expect(new Uint32Array(row.signature.buffer.slice(row.signature.byteOffset, row.signature.byteOffset + 512))).toEqual(signature(`${TITLE}\n${BODY}`));
    expect(core.db.prepare("SELECT name FROM sqlite_master WHERE name = 'story_signatures_v1'").get()).toBeUndefined();

    const copy = core.ingestor.ingest({ title: 'Kyiv hits ammunition depot deep inside Russia', text: `${BODY.split('. ').slice(0, 2).join('. ')}. (Additional reporting by staff.)`, outlet: 'Yahoo News' });
    expect(copy).toMatchObject({ status: 'new', storyId: 3, duplicateOf: 7 });
    core.close();
  });

  it('does it once: a second start finds nothing left to sign', () => {
    const path = fileBeforeUpgrade();
    createCore({ dbPath: path }).close();
    const again = createCore({ dbPath: path });
    expect(again.db.prepare('SELECT COUNT(*) FROM story_signatures').pluck().get()).toBe(1);
    again.close();
  });
});
