// A loopback-only static server for the browser tests, with a stub of
// Membrane's POST /api/agent/sessions that records what it receives and
// answers with SAMPLE_SESSION.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { SAMPLE_SESSION } from './page-checks.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

export const API_PATH = '/api/agent/sessions';

/** Connect-style handler for the stub API; also used as Vite dev middleware. */
export function stubApi(requests) {
  return (req, res, next) => {
    const path = new URL(req.url, 'http://stub').pathname;
    if (path !== API_PATH) {
      if (next) return next();
      res.writeHead(404).end();
      return undefined;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method, path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (req.method !== 'POST') {
        res.writeHead(405).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(SAMPLE_SESSION));
    });
    return undefined;
  };
}

/**
 * Serves each mount (URL prefix -> directory) on 127.0.0.1 at a free port.
 * The longest matching prefix wins; nothing outside a mount's directory is
 * ever served.
 */
export async function startServer({ mounts = {} } = {}) {
  const requests = [];
  const api = stubApi(requests);
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://static').pathname);
    if (path === API_PATH) return api(req, res);
    const prefix = prefixes.find((p) => path.startsWith(p));
    if (req.method !== 'GET' || prefix === undefined) return res.writeHead(404).end();
    const root = resolve(mounts[prefix]);
    let file = resolve(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) return res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      return res.end(body);
    } catch {
      return res.writeHead(404).end();
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}
