import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface LoopbackServer {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  readonly port: number;
  /** Requests the server has seen, in order. */
  readonly requests: { path: string; headers: IncomingMessage['headers'] }[];
  /** TCP connections accepted (a refused fetch must not even connect). */
  connections: number;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 speaking whatever each route says; unknown paths get 404. */
export async function loopbackServer(routes: Record<string, Route>): Promise<LoopbackServer> {
  const requests: LoopbackServer['requests'] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    const route = routes[(req.url ?? '').split('?')[0]!];
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    route(req, res);
  });
  const state = { connections: 0 };
  server.on('connection', (socket: Socket) => {
    state.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    get connections() {
      return state.connections;
    },
    set connections(value: number) {
      state.connections = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export const rss = (title: string, items: { guid?: string; title: string; link?: string; date?: string; description?: string }[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${title}</title><link>https://example.org/</link>
${items
  .map(
    (i) => `<item>${i.guid ? `<guid>${i.guid}</guid>` : ''}<title>${i.title}</title>${i.link ? `<link>${i.link}</link>` : ''}${i.date ? `<pubDate>${i.date}</pubDate>` : ''}<description>${i.description ?? `${i.title}. A report with enough words to stay after cleaning, as news summaries do.`}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
