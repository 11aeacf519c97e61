import type { Logger } from 'pino';
import type { Db } from '../store/database.ts';
import { signature } from './minHash.ts';

const OLD_TABLE = 'story_signatures_v1';
/** Rows read at a time: better-sqlite3 cannot write while a read is still iterating. */
const CHUNK = 1_000;

interface OldRow {
  article_id: number;
  story_id: number;
  title: string;
  body: string;
}

/**
 * Signs again, with the current MinHash, every article whose signature an older scheme made
 * (migration 010 set those aside in `story_signatures_v1`), keeping the story each belongs
 * to; then drops the old table. A no-op once done. Without it, new articles could not join
 * the stories of articles stored before the upgrade. Returns how many were signed.
 */
export function upgradeSignatures(db: Db, logger: Logger): number {
  const pending = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(OLD_TABLE);
  if (!pending) return 0;
  const started = performance.now();
  const read = db.prepare(
    `SELECT s.article_id, s.story_id, a.title, a.body FROM ${OLD_TABLE} s JOIN articles a ON a.id = s.article_id
     WHERE s.article_id > ? ORDER BY s.article_id LIMIT ${CHUNK}`,
  );
  const write = db.prepare('INSERT OR REPLACE INTO story_signatures (article_id, story_id, signature) VALUES (?, ?, ?)');
  let signed = 0;
  db.transaction(() => {
    for (let after = 0; ; ) {
      const rows = read.all(after) as OldRow[];
      if (rows.length === 0) break;
      for (const row of rows) {
        const sig = signature(`${row.title}\n${row.body}`);
        write.run(row.article_id, row.story_id, Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength));
      }
      signed += rows.length;
      after = rows.at(-1)!.article_id;
    }
    db.exec(`DROP TABLE ${OLD_TABLE}`);
  })();
  // A new database passes through migration 010 too, with nothing to sign: no news for the log.
  if (signed > 0) logger.info({ articles: signed, ms: Math.round(performance.now() - started) }, 'story signatures upgraded to the current MinHash');
  return signed;
}
