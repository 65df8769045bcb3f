// webpack 5 with no configuration file: the CLI's defaults (src/index.js ->
// dist/main.js), `--mode production`, for the browser (run in Chromium; also
// an app that require()s the package) and with `--target node` (run in
// Node). The package comes from its tarball.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assertObservations } from './support/expectations.mjs';
import { startServer } from './support/static-server.mjs';
import { chromiumMissing, launchChromium, servePage } from './support/chromium.mjs';
import { freshProject, pageHtml, readText, run, runNodeConsumer, tool } from './support/packed.mjs';
import { assertFewObservations } from './support/few.mjs';

const webpack = (cwd, ...args) => run(tool('webpack'), ['--mode', 'production', ...args], { cwd });

let browser;
before(async () => { if (!chromiumMissing) browser = await launchChromium(); });
after(async () => { await browser?.close(); });

function assertNoWasmAsset(dist) {
  const files = readdirSync(dist, { recursive: true }).map(String);
  assert.deepEqual(files.filter((f) => f.endsWith('.wasm')), [], `no separate wasm: ${files.join(', ')}`);
  return files;
}

test('webpack, browser target: the bundle runs the package in Chromium', { skip: chromiumMissing }, async () => {
  const { dir } = freshProject('webpack-web', {
    files: { 'src/index.js': 'browser-main.js', 'index.html': { text: pageHtml('./dist/main.js', { module: false }) } },
    checksAt: 'src/page-checks.js',
  });
  await webpack(dir);
  const dist = join(dir, 'dist');
  assertNoWasmAsset(dist);
  const bundle = readText(join(dist, 'main.js'));
  assert.equal(/readFileSync|__dirname|require\("fs"\)/.test(bundle), false, 'nothing of Node in the browser bundle');
  await servePage(browser, dir, (page, server) => {
    assertObservations(page.seen, { baseUrl: `${server.url}/api`, requests: server.requests });
  });
});

test('webpack, browser target, two imports: sideEffects:false keeps the instantiation', { skip: chromiumMissing }, async () => {
  const { dir } = freshProject('webpack-few', { files: { 'src/index.js': 'browser-few.js', 'index.html': { text: pageHtml('./dist/main.js', { module: false }) } } });
  await webpack(dir);
  assertNoWasmAsset(join(dir, 'dist'));
  await servePage(browser, dir, (page) => {
    assertFewObservations(page.seen);
  });
});

test('webpack --target node: the bundle runs in Node', async () => {
  const { dir } = freshProject('webpack-node', {
    files: { 'src/index.js': 'node-main.js' },
    checksAt: 'src/page-checks.js',
  });
  await webpack(dir, '--target', 'node');
  assertNoWasmAsset(join(dir, 'dist'));
  const server = await startServer();
  try {
    const baseUrl = `${server.url}/api`;
    const { seen } = await runNodeConsumer(join(dir, 'dist', 'main.js'), { cwd: dir, env: { MAS_BASE_URL: baseUrl } });
    assertObservations(seen, { baseUrl, requests: server.requests });
  } finally {
    await server.close();
  }
});

test('require() in a browser bundle (webpack) gives the functions, not a Promise', { skip: chromiumMissing }, async () => {
  const { dir } = freshProject('webpack-require', {
    files: { 'src/index.js': 'require-browser.js', 'index.html': { text: pageHtml('./dist/main.js', { module: false }) } },
    checksAt: 'src/page-checks.js',
  });
  await webpack(dir);
  assertNoWasmAsset(join(dir, 'dist'));
  await servePage(browser, dir, (page, server) => {
    const { requireKind, ...seen } = page.seen;
    assert.deepEqual(requireKind, { isPromise: false, type: 'function' });
    assertObservations(seen, { baseUrl: `${server.url}/api`, requests: server.requests });
  });
});
