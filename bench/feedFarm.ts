/**
 * A farm of local feed servers in a child process (bench/feedFarmServer.ts): many loopback
 * hosts, feeds of mixed sizes, a share of them changing between cycles, and the concurrency
 * the servers saw. Used by the feeds benchmark; nothing here reaches beyond 127.x.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface FarmOptions {
  /** [number of hosts, feeds on each] — e.g. [[5, 20], [25, 4], [300, 1]]. */
  readonly hosts: readonly (readonly [number, number])[];
  readonly seed?: number;
  /** Each host answers after a fixed delay drawn from [min, max] ms: a remote site's latency. */
  readonly delayMs?: readonly [number, number];
  /** How many changes each feed's text pool must last. */
  readonly cycles?: number;
  readonly startedAt?: string;
}

export interface FarmFeed {
  readonly url: string;
  readonly host: string;
  readonly size: 'small' | 'medium' | 'large';
}

export interface FarmStats {
  requests: number;
  notModified: number;
  bytes: number;
  /** Most requests in flight at once for one Host header, and overall, as the servers saw them. */
  maxPerHost: number;
  maxOverall: number;
  /** The answer delays summed over requests: divided by the overall limit, a floor on the cycle. */
  delayMs: number;
}

export type FarmRequest = { kind: 'change'; share: number } | { kind: 'stats' } | { kind: 'close' };
export type FarmReply =
  | { kind: 'ready'; feeds: FarmFeed[]; hosts: number; feedCount: number }
  | { kind: 'changed'; changed: number }
  | { kind: 'stats'; stats: FarmStats };

export interface FeedFarm {
  readonly feeds: readonly FarmFeed[];
  readonly hosts: number;
  /** Gives a share of the feeds new items; the others will answer 304. Returns how many changed. */
  change(share: number): Promise<number>;
  /** What the servers saw since the last call. */
  stats(): Promise<FarmStats>;
  close(): Promise<void>;
}

const SERVER = resolve(import.meta.dirname, 'feedFarmServer.ts');
const RUN_TS = resolve(import.meta.dirname, '../bin/run-ts.js');

export async function startFeedFarm(options: FarmOptions): Promise<FeedFarm> {
  const child: ChildProcess = fork(RUN_TS, [SERVER, JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <K extends FarmReply['kind']>(kind: K): Promise<Extract<FarmReply, { kind: K }>> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: FarmReply) => {
        if (message.kind !== kind) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<FarmReply, { kind: K }>);
      };
      const onExit = (code: number | null) => reject(new Error(`feed farm exited (${code}) before answering ${kind}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ask = <K extends FarmReply['kind']>(request: FarmRequest, kind: K) => {
    const answer = next(kind);
    child.send(request);
    return answer;
  };
  const ready = await next('ready');
  return {
    feeds: ready.feeds,
    hosts: ready.hosts,
    change: async (share) => (await ask({ kind: 'change', share }, 'changed')).changed,
    stats: async () => (await ask({ kind: 'stats' }, 'stats')).stats,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send({ kind: 'close' });
      }),
  };
}
