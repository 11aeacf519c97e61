/**
 * The most old-generation heap, in MB, that a newsbrief thread may use. Without a ceiling V8
 * sizes the heap from the host's RAM (4 GB on a 24 GB machine) and, sizing its collections
 * from that, lets garbage pile up: a 100,000-article bulk import peaked at ~450 MB of RSS
 * for a live heap of ~40 MB, against ~310 MB with this ceiling at the same speed
 * (docs/PERFORMANCE.md). 1 GB is ~10× the largest live heap any benchmark reaches.
 *
 * The worker threads get it in code (workers/workerPool.ts). The main thread's heap is fixed when
 * Node starts, so `npm start`, `npm run bench` and `npm run soak` pass it as
 * `--max-old-space-size` (tests/core/heapCeiling.test.ts keeps them at this number).
 */
export const HEAP_CEILING_MB = 1024;
