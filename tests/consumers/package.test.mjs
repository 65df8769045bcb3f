// The package as a file set: package.json, the exports map, what npm would
// publish, and the assemble script that writes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENUMERATIONS, SPEC_TABLE_NAMES } from './support/spec-values.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const packageDir = dirname(createRequire(import.meta.url).resolve('membrane-agent-session/package.json'));
const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const SPEC = join(root, 'spec', 'SPEC.md');
const GENERATED = ['package.json', 'index.cjs', 'index.mjs', 'browser.js', 'index.d.ts', 'index.d.cts',
  'node/package.json', 'web/package.json'];

test('package.json: name, version from Cargo.toml, license, description', () => {
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  const version = /^\[package\][\s\S]*?^version\s*=\s*"([^"]+)"/m.exec(cargo)[1];
  assert.equal(manifest.name, 'membrane-agent-session');
  assert.equal(manifest.version, version);
  assert.equal(manifest.license, 'MIT');
  assert.ok(manifest.description.length > 20, manifest.description);
  assert.equal(manifest.type, 'module');
  assert.ok(Array.isArray(manifest.sideEffects) && manifest.sideEffects.includes('./browser.js'),
    'browser.js loads the wasm at top level: a bundler must keep it');
});

test('exports map: types first, node import/require, browser and default', () => {
  const entry = manifest.exports['.'];
  assert.equal(Object.keys(entry)[0], 'types');
  assert.deepEqual(Object.keys(entry), ['types', 'node', 'browser', 'default']);
  assert.deepEqual(entry.node, { import: './index.mjs', require: './index.cjs' });
  assert.equal(entry.browser, './browser.js');
  assert.equal(entry.default, './browser.js');
  const targets = [entry.types.import, entry.types.require, entry.node.import, entry.node.require,
    entry.browser, manifest.main, manifest.module, manifest.types];
  for (const target of targets) assert.ok(existsSync(join(packageDir, target)), `${target} exists`);
});

test('npm would publish every file an entry needs, and nothing of the build tree', () => {
  const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--offline', '--ignore-scripts'],
    { cwd: packageDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  const published = report.files.map((f) => f.path).sort();
  for (const needed of ['package.json', 'index.cjs', 'index.mjs', 'browser.js', 'index.d.ts', 'index.d.cts',
    'node/package.json', 'node/membrane_agent_session.js', 'node/membrane_agent_session.d.ts',
    'node/membrane_agent_session_bg.wasm', 'web/package.json', 'web/membrane_agent_session.js',
    'web/membrane_agent_session.d.ts', 'web/membrane_agent_session_bg.wasm']) {
    assert.ok(published.includes(needed), `${needed} is published: ${published.join(', ')}`);
  }
  if (existsSync(join(root, 'README.md'))) assert.ok(published.includes('README.md'));
  assert.equal(published.some((f) => f.endsWith('.gitignore') || f.startsWith('target/')), false, published.join(', '));
});

test('the assemble script is idempotent and pkg/ is what it writes now', () => {
  const work = mkdtempSync(join(tmpdir(), 'mas-assemble-'));
  try {
    for (const half of ['node', 'web']) cpSync(join(packageDir, half), join(work, half), { recursive: true });
    const assemble = () => execFileSync(process.execPath, [join(root, 'scripts', 'assemble-pkg.mjs'), work],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assemble();
    const first = Object.fromEntries(GENERATED.map((f) => [f, readFileSync(join(work, f), 'utf8')]));
    assemble();
    for (const file of GENERATED) {
      assert.equal(readFileSync(join(work, file), 'utf8'), first[file], `${file} is the same on a second run`);
      assert.equal(readFileSync(join(packageDir, file), 'utf8'), first[file],
        `pkg/${file} is up to date (run scripts/assemble-pkg.mjs)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('the assemble script fails loudly when an input is missing', () => {
  const work = mkdtempSync(join(tmpdir(), 'mas-assemble-'));
  try {
    for (const half of ['node', 'web']) cpSync(join(packageDir, half), join(work, half), { recursive: true });
    rmSync(join(work, 'web', 'membrane_agent_session_bg.wasm'));
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'assemble-pkg.mjs'), work], { encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /missing:[\s\S]*web[/\\]membrane_agent_session_bg\.wasm/);
    assert.equal(existsSync(join(work, 'browser.js')), false, 'nothing half-written');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('the expected values in these tests are SPEC\'s table', () => {
  const spec = readFileSync(SPEC, 'utf8');
  for (const [name, values] of Object.entries(ENUMERATIONS)) {
    const row = new RegExp(`^\\|\\s*${SPEC_TABLE_NAMES[name]} \\((\\d+)\\)\\s*\\|([^|]+)\\|`, 'm').exec(spec);
    assert.ok(row, `SPEC has a row for ${SPEC_TABLE_NAMES[name]}`);
    assert.deepEqual(row[2].split(',').map((v) => v.trim()), values);
    assert.equal(Number(row[1]), values.length);
  }
});
