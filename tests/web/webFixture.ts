import { createWebServer, type WebServer, type WebServerOptions } from '../../src/bots/web/webServer.ts';
import { tempCore, type TempCore } from '../support/tempCore.ts';

export interface RunningWeb {
  readonly temp: TempCore;
  readonly server: WebServer;
  /** http://127.0.0.1:<port>/ */
  readonly url: string;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

/** A real web chat on 127.0.0.1 and a free port, over a real SQLite file (seeded with data/corpus unless told not to). */
export async function startWeb(options: Partial<Omit<WebServerOptions, 'core'>> & { seed?: boolean } = {}): Promise<RunningWeb> {
  const { seed = true, ...serverOptions } = options;
  const temp = tempCore({ seed });
  const server = createWebServer({
    core: temp.core,
    host: '127.0.0.1',
    port: 0,
    rateLimitPerMinute: 30,
    maxBodyBytes: 16 * 1024,
    ...serverOptions,
  });
  const url = await server.listen();
  return {
    temp,
    server,
    url,
    post: (path, body, headers = {}) =>
      fetch(new URL(path, url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    async stop() {
      await server.close();
      temp.cleanup();
    },
  };
}

/** Reads server-sent events from a streaming fetch until `count` events arrived. */
export async function readEvents(response: Response, count: number): Promise<{ id: string; event: string; data: unknown }[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: { id: string; event: string; data: unknown }[] = [];
  let buffer = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const field = (name: string) => frame.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
      const data = field('data');
      if (data !== undefined) events.push({ id: field('id') ?? '', event: field('event') ?? 'message', data: JSON.parse(data) });
    }
  }
  await reader.cancel();
  return events;
}
