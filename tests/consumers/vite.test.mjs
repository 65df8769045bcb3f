// A Vite 8 app that installed the package from its tarball (as `npm install`
// would), with no wasm plugin: a production build, opened in Chromium, and
// the dev server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertObservations } from './support/expectations.mjs';
import { startServer, stubApi } from './support/static-server.mjs';
import { chromiumMissing, launchChromium, observePage } from './support/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = dirname(createRequire(import.meta.url).resolve('membrane-agent-session/package.json'));
const work = mkdtempSync(join(tmpdir(), 'mas-vite-'));
const app = join(work, 'app');
const dist = join(work, 'dist');

let browser;
before(async () => {
  // The app gets the package exactly as npm would install it: packed (so
  // only what "files" lists) and unpacked into its own node_modules.
  cpSync(join(here, 'vite-app'), app, { recursive: true });
  cpSync(join(here, 'support', 'page-checks.js'), join(app, 'page-checks.js'));
  const [{ filename }] = JSON.parse(execFileSync('npm',
    ['pack', packageDir, '--pack-destination', work, '--json', '--offline', '--ignore-scripts'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  const installed = join(app, 'node_modules', 'membrane-agent-session');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, filename), '-C', installed, '--strip-components=1']);
  if (!chromiumMissing) browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

const filesIn = (dir) => readdirSync(dir, { recursive: true }).map(String);

test('vite build bundles the package and its wasm, with no plugin', async () => {
  const { build } = await import('vite');
  await build({ root: app, configFile: false, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  const files = filesIn(dist);
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one wasm asset: ${files.join(', ')}`);
  assert.ok(readFileSync(join(dist, wasm[0])).equals(readFileSync(join(packageDir, 'web', 'membrane_agent_session_bg.wasm'))),
    'the emitted wasm is the web build');
  for (const js of files.filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(join(dist, js), 'utf8');
    assert.equal(/readFileSync|__dirname|require\(/.test(code), false, `${js}: the Node build leaked into the browser bundle`);
  }
});

test('the built app runs the package in Chromium', { skip: chromiumMissing }, async () => {
  const server = await startServer({ mounts: { '/': dist } });
  try {
    const page = await observePage(browser, `${server.url}/`);
    assert.equal(page.status, 'done', page.text);
    assert.deepEqual(page.problems, [], 'no console errors or warnings');
    assertObservations(page.seen, { baseUrl: `${server.url}/api`, requests: server.requests });
    assert.ok(page.responses.some((r) => r.url.endsWith('.wasm') && r.status === 200), 'the wasm asset was fetched');
  } finally {
    await server.close();
  }
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
