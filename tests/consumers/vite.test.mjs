// A Vite 8 app that installed the package from its tarball (as `npm install`
// would), with no plugin and no configuration file: a production build,
// opened in Chromium, and the dev server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertObservations } from './support/expectations.mjs';
import { startServer, stubApi } from './support/static-server.mjs';
import { chromiumMissing, launchChromium, observePage, servePage } from './support/chromium.mjs';
import { freshProject, pageHtml } from './support/packed.mjs';

// The app gets the package exactly as npm would install it: packed (so
// only what "files" lists) and unpacked into its own node_modules.
const { dir: app } = freshProject('vite', { files: { 'main.js': 'browser-main.js', 'index.html': { text: pageHtml('./main.js') } } });
const dist = join(app, 'dist');

let browser;
before(async () => { if (!chromiumMissing) browser = await launchChromium(); });
after(async () => { await browser?.close(); });

const filesIn = (dir) => readdirSync(dir, { recursive: true }).map(String);

test('vite build bundles the package and its wasm, with no plugin', async () => {
  const { build } = await import('vite');
  await build({ root: app, configFile: false, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  const files = filesIn(dist);
  assert.deepEqual(files.filter((f) => f.endsWith('.wasm')), [], `no separate wasm: the bytes are in the script: ${files.join(', ')}`);
  const scripts = files.filter((f) => f.endsWith('.js'));
  assert.equal(scripts.length, 1, `one script: ${files.join(', ')}`);
  const code = readFileSync(join(dist, scripts[0]), 'utf8');
  assert.equal(/readFileSync|__dirname|require\(|\bBuffer\b/.test(code), false, `${scripts[0]}: nothing of Node in the browser bundle`);
});

test('the built app runs the package in Chromium', { skip: chromiumMissing }, async () => {
  await servePage(browser, dist, (page, server) => {
    assertObservations(page.seen, { baseUrl: `${server.url}/api`, requests: server.requests });
    assert.deepEqual(page.responses.filter((r) => r.url.endsWith('.wasm')), [], 'no wasm to fetch');
  });
});

test('the Vite dev server runs the package in Chromium', { skip: chromiumMissing }, async () => {
  const { createServer } = await import('vite');
  const requests = [];
  const server = await createServer({
    root: app,
    configFile: false,
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    plugins: [{ name: 'stub-membrane-api', configureServer: (s) => { s.middlewares.use(stubApi(requests)); } }],
  });
  await server.listen();
  try {
    const url = server.resolvedUrls.local[0].replace(/\/$/, '');
    const page = await observePage(browser, `${url}/`);
    assert.equal(page.status, 'done', `${page.text}\n${page.problems.join('\n')}`);
    assert.deepEqual(page.problems, [], 'no console errors or warnings');
    assertObservations(page.seen, { baseUrl: `${url}/api`, requests });
  } finally {
    await server.close();
  }
});
