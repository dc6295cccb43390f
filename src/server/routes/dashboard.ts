import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A built file, held in memory with its headers (and gzipped once, when that is worth it). */
interface StaticFile {
  body: Buffer;
  gzipped?: Buffer;
  contentType: string;
  cacheControl: string;
}

export interface DashboardOptions {
  /** The built dashboard; by default `dist/dashboard/` of the package this module belongs to. */
  directory?: string;
}

/**
 * Nothing but the gateway's own origin: no CDN, no web font, no inline script or style sheet, and the
 * page may not be framed (clickjacking). The data calls go to the same origin with the admin key.
 */
export const dashboardContentSecurityPolicy =
  "default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'";

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Hashed names never change content, so browsers keep them for a year; everything else revalidates. */
const immutable = 'public, max-age=31536000, immutable';

/**
 * `GET /ui` and `/ui/*`: the web dashboard, as `npm run build` left it in `dist/dashboard/`. The files
 * are read once, here, and served from memory (gzipped when the browser accepts it). Any `/ui/...`
 * path that is not a file gets `index.html`, so a reload on a client-side route works; a missing
 * `/ui/assets/...` file is a 404, since HTML in place of a script only hides the mistake. Without a
 * build, every path answers 503 with a page that says how to make one.
 *
 * The routes are public (src/server/auth/route-access.ts): the page holds no data, and every data
 * call it makes is authorized on its own.
 */
export function registerDashboard(app: FastifyInstance, options: DashboardOptions = {}): void {
  const directory = options.directory ?? findBuiltDashboard();
  const files = readDashboardFiles(directory);
  const index = files.get('index.html');

  const serve = async (request: FastifyRequest<{ Params: { '*'?: string } }>, reply: FastifyReply) => {
    reply.headers({
      'content-security-policy': dashboardContentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    if (!index) {
      return reply
        .code(503)
        .headers({ 'cache-control': 'no-store', 'content-type': 'text/html; charset=utf-8' })
        .send(missingBuildPage);
    }
    const path = request.params['*'] ?? '';
    const file = files.get(path) ?? (path.startsWith('assets/') ? undefined : index);
    if (!file) return reply.callNotFound();
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    reply.headers({
      'content-type': file.contentType,
      'cache-control': file.cacheControl,
      vary: 'accept-encoding',
    });
    if (file.gzipped && acceptsGzip) return reply.header('content-encoding', 'gzip').send(file.gzipped);
    return reply.send(file.body);
  };

  app.get('/ui', serve);
  app.get('/ui/*', serve);
}

/** `dist/dashboard/` beside this package's `package.json`, whether this module runs from `src/` or `dist/`. */
function findBuiltDashboard(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return join(folder, 'dist', 'dashboard');
}

function readDashboardFiles(directory: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(join(directory, 'index.html'))) return files;
  for (const entry of readdirSync(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const name = relative(directory, path).split(sep).join('/');
    const body = readFileSync(path);
    const contentType = contentTypes[extname(name)] ?? 'application/octet-stream';
    const isText = /^(text\/|application\/json|image\/svg)/.test(contentType);
    files.set(name, {
      body,
      ...(isText && body.length > 1024 ? { gzipped: gzipSync(body, { level: 9 }) } : {}),
      contentType,
      cacheControl:
        name === 'index.html' ? 'no-cache' : name.startsWith('assets/') ? immutable : 'public, max-age=3600',
    });
  }
  return files;
}

const missingBuildPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Arbiter dashboard not built</title></head>
<body>
<h1>The dashboard is not built</h1>
<p>This gateway has no <code>dist/dashboard/</code>. Run <code>npm run build</code> (or <code>npm install</code>,
which runs it) in the Arbiter folder, then restart the gateway.</p>
</body>
</html>
`;
