/**
 * The feed farm's server process (started by bench/feedFarm.ts over IPC): one HTTP server per
 * loopback address (127.0.x.y, each a host of its own to the poller), feeds of mixed sizes
 * with real AG News text, conditional GET (ETag, or Last-Modified for every third feed), a
 * per-host answer delay, and a count of requests in flight per Host header and overall.
 * A separate process so that serving costs the poller nothing, as a remote site would.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateCorpus, seededRandom } from './corpusGenerator.ts';
import type { FarmFeed, FarmOptions, FarmReply, FarmRequest, FarmStats } from './feedFarm.ts';

interface FeedState {
  readonly path: string;
  readonly size: FarmFeed['size'];
  readonly items: number;
  /** Where this feed's items start in the text pool: feeds never share an item's text. */
  readonly base: number;
  /** New items per change. */
  readonly step: number;
  readonly byLastModified: boolean;
  version: number;
  body?: { version: number; xml: string };
}

const SIZES: Record<FarmFeed['size'], { items: number; paragraphs: number; step: number }> = {
  small: { items: 10, paragraphs: 1, step: 1 },
  medium: { items: 25, paragraphs: 3, step: 2 },
  large: { items: 50, paragraphs: 20, step: 4 },
};

const options = JSON.parse(process.argv[2] ?? '{}') as FarmOptions;
const random = seededRandom(options.seed ?? 11);
const CYCLES_AHEAD = options.cycles ?? 60;

// Hosts: a few big publishers with many feeds, some with a handful, a long tail with one.
const layout: number[] = [];
for (const [hosts, feedsEach] of options.hosts) for (let h = 0; h < hosts; h++) layout.push(feedsEach);
const feedCount = layout.reduce((a, b) => a + b, 0);

const feedsByHost: FeedState[][] = [];
let pool = 0;
let index = 0;
for (const feedsEach of layout) {
  const feeds: FeedState[] = [];
  for (let f = 0; f < feedsEach; f++, index++) {
    const roll = random();
    const size: FarmFeed['size'] = roll < 0.6 ? 'small' : roll < 0.9 ? 'medium' : 'large';
    const spec = SIZES[size];
    feeds.push({ path: `/feeds/${index}.xml`, size, items: spec.items, base: pool, step: spec.step, byLastModified: index % 3 === 0, version: 0 });
    pool += spec.items + spec.step * CYCLES_AHEAD;
  }
  feedsByHost.push(feeds);
}
const texts = generateCorpus(pool, { seed: options.seed ?? 11, duplicateShare: 0.05 }).articles;
const START = Date.parse(options.startedAt ?? new Date().toISOString());

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const modifiedAt = (feed: FeedState) => new Date(START + feed.version * 60_000).toUTCString();

/** The feed at its version: the newest `items` of its sequence, newest first. */
function xmlOf(feed: FeedState): string {
  if (feed.body?.version === feed.version) return feed.body.xml;
  const newest = feed.items + feed.version * feed.step - 1;
  const paragraphs = SIZES[feed.size].paragraphs;
  const items: string[] = [];
  for (let n = newest; n > newest - feed.items; n--) {
    const article = texts[feed.base + n]!;
    const text = article.text.split('\n\n').slice(0, paragraphs).join('\n\n');
    const date = new Date(START + (n - feed.items) * 60_000).toUTCString(); // one a minute, newer with n
    items.push(
      `<item><guid isPermaLink="false">${feed.path}#${n}</guid><title>${escape(article.title ?? `Item ${n}`)}</title>` +
        `<link>https://${article.outlet?.replace(/\W/g, '').toLowerCase()}.example${feed.path.replace('.xml', '')}/${n}</link>` +
        `<pubDate>${date}</pubDate><description>${escape(text)}</description></item>`,
    );
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Farm feed ${feed.path}</title><link>https://farm.example${feed.path}</link>\n${items.join('\n')}\n</channel></rss>`;
  feed.body = { version: feed.version, xml };
  return xml;
}

let stats: FarmStats = emptyStats();
function emptyStats(): FarmStats {
  return { requests: 0, notModified: 0, bytes: 0, maxPerHost: 0, maxOverall: 0, delayMs: 0 };
}
const inFlight = new Map<string, number>();
let overall = 0;

function serve(feeds: Map<string, FeedState>, delayMs: number) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const host = req.headers.host ?? '';
    const now = (inFlight.get(host) ?? 0) + 1;
    inFlight.set(host, now);
    overall++;
    stats.requests++;
    stats.delayMs += delayMs;
    stats.maxPerHost = Math.max(stats.maxPerHost, now);
    stats.maxOverall = Math.max(stats.maxOverall, overall);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight.set(host, inFlight.get(host)! - 1);
      overall--;
    };
    res.on('finish', finish);
    res.on('close', finish);
    setTimeout(() => {
      const feed = feeds.get(req.url ?? '');
      if (!feed) return void res.writeHead(404).end('not found');
      const etag = `"v${feed.version}"`;
      const fresh = feed.byLastModified ? req.headers['if-modified-since'] === modifiedAt(feed) : req.headers['if-none-match'] === etag;
      if (fresh) {
        stats.notModified++;
        return void res.writeHead(304).end();
      }
      const xml = xmlOf(feed);
      stats.bytes += Buffer.byteLength(xml);
      const validators = feed.byLastModified ? { 'last-modified': modifiedAt(feed) } : { etag };
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', ...validators }).end(xml);
    }, delayMs);
  };
}

const servers: Server[] = [];
const feedsOut: FarmFeed[] = [];
const delays = options.delayMs ?? [20, 150];
for (let h = 0; h < feedsByHost.length; h++) {
  const address = `127.0.${1 + Math.floor(h / 250)}.${1 + (h % 250)}`;
  const feeds = new Map(feedsByHost[h]!.map((f) => [f.path, f]));
  const delay = Math.round(delays[0]! + random() * (delays[1]! - delays[0]!));
  const server = createServer(serve(feeds, delay));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  for (const feed of feedsByHost[h]!) feedsOut.push({ url: `http://${address}:${port}${feed.path}`, host: `${address}:${port}`, size: feed.size });
}

const allFeeds = feedsByHost.flat();
const reply = (message: FarmReply) => process.send!(message);
process.on('message', (message: FarmRequest) => {
  if (message.kind === 'change') {
    // Exactly that share of feeds, drawn afresh each time (seeded), gains new items; the rest will answer 304.
    const order = allFeeds.map((feed) => ({ feed, key: random() })).sort((a, b) => a.key - b.key);
    const changed = Math.round(message.share * allFeeds.length);
    for (const { feed } of order.slice(0, changed)) feed.version++;
    reply({ kind: 'changed', changed });
  } else if (message.kind === 'stats') {
    reply({ kind: 'stats', stats });
    stats = emptyStats();
  } else if (message.kind === 'close') {
    for (const server of servers) server.closeAllConnections();
    Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))).then(() => process.exit(0));
  }
});
// A benchmark that dies must not leave 330 servers behind.
process.on('disconnect', () => process.exit(0));
reply({ kind: 'ready', feeds: feedsOut, hosts: servers.length, feedCount });
