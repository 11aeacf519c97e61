import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

const PUBLIC_DIR = new URL('../public/', import.meta.url);

/**
 * The page is four small files, read once at start and served from memory by name. A fixed
 * table (not a static-file plugin) means no path from a URL can ever reach another file.
 */
const ASSETS: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'render.js': 'text/javascript; charset=utf-8',
};

/** No inline script or style anywhere: an injected `onerror=` could not run even if it got in. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function registerPageRoutes(app: FastifyInstance): void {
  const files = new Map(Object.entries(ASSETS).map(([name, type]) => [name, { type, body: readFileSync(new URL(name, PUBLIC_DIR)) }]));
  const send = (name: string) => {
    const file = files.get(name)!;
    return { type: file.type, body: file.body };
  };
  app.get('/', async (_request, reply) => {
    const file = send('index.html');
    return reply.type(file.type).header('content-security-policy', CSP).header('cache-control', 'no-store').send(file.body);
  });
  app.get<{ Params: { name: string } }>('/assets/:name', async (request, reply) => {
    if (!files.has(request.params.name)) return reply.callNotFound();
    const file = send(request.params.name);
    return reply.type(file.type).header('cache-control', 'no-cache').send(file.body);
  });
}
