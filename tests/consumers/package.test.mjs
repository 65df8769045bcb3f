// The package as a file set: package.json, the exports map, what npm
// publishes (the packed tarball), and the assemble script that writes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENUMERATIONS, PENDING_NAMES, PUBLIC_NAMES, SPEC_TABLE_NAMES } from './support/spec-values.mjs';
import { ROOT as root, freshProject, packageDir, packedTarball } from './support/packed.mjs';

const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const SPEC = join(root, 'spec', 'SPEC.md');
const ASSEMBLE = join(root, 'scripts', 'assemble-pkg.mjs');
const WASM_PACK_OUT = join(root, 'target', 'wasm-pack', 'web');
const hasInterop = existsSync(join(packageDir, 'interop.js'));
const EXPECTED_FILES = [
  'LICENSE', 'README.md', 'package.json',
  'index.js', 'index.cjs', 'index.d.ts', 'index.d.cts',
  'membrane_agent_session.js', 'membrane_agent_session.d.ts', 'membrane_agent_session.d.cts',
  ...(hasInterop ? ['interop.js', 'interop.d.ts', 'interop.d.cts'] : []),
].sort();

function cargoField(key) {
  const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
  return new RegExp(`^\\[package\\][\\s\\S]*?^${key}\\s*=\\s*"([^"]+)"`, 'm').exec(cargo)[1];
}

test('package.json: name, version, license, links to the repository, module kind, engines', () => {
  assert.equal(manifest.name, 'membrane-agent-session');
  assert.equal(manifest.version, cargoField('version'));
  assert.equal(manifest.license, 'MIT');
  assert.ok(manifest.description.length > 20, manifest.description);
  assert.equal(manifest.type, 'module');
  const repository = cargoField('repository');
  assert.deepEqual(manifest.repository, { type: 'git', url: repository });
  assert.equal(manifest.homepage, repository);
  assert.deepEqual(manifest.bugs, { url: `${repository}/issues` });
  // Importing changes nothing outside the package (see assemble-pkg.mjs).
  assert.equal(manifest.sideEffects, false);
  // index.cjs require()s an ES module: Node ^20.19 || >=22.12, each tested
  // (node-versions.test.mjs).
  assert.deepEqual(manifest.engines, { node: '^20.19.0 || >=22.12.0' });
});

test('exports map: import and require, each with its own types first', () => {
  assert.deepEqual(manifest.exports, {
    '.': {
      import: { types: './index.d.ts', default: './index.js' },
      require: { types: './index.d.cts', default: './index.cjs' },
    },
    './package.json': './package.json',
  });
  assert.equal(manifest.main, './index.cjs');
  assert.equal(manifest.module, './index.js');
  assert.equal(manifest.types, './index.d.cts', 'node10 resolution loads main (CommonJS): its types');
  for (const target of ['./index.js', './index.cjs', './index.d.ts', './index.d.cts']) {
    assert.ok(existsSync(join(packageDir, target)), `${target} exists`);
  }
});

test('the tarball: exactly the package files, LICENSE and README, one copy of the wasm', () => {
  const { files } = packedTarball();
  assert.deepEqual(files, EXPECTED_FILES);
  const { installed } = freshProject('files');
  let copies = 0;
  for (const file of files.filter((f) => f.endsWith('.js') || f.endsWith('.cjs'))) {
    const code = readFileSync(join(installed, file), 'utf8');
    // "AGFzbQ" is "\0asm", the first bytes of every wasm module, in base64.
    copies += code.split('AGFzbQ').length - 1;
    // Comments out (doc comments show user code: fetch, await).
    const statements = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    assert.equal(/new URL\(|import\.meta|\.wasm\b/.test(statements), false, `${file}: no reference to a separate asset`);
    assert.equal(/\bBuffer\b|\brequire\((?!'\.\/index\.js'\))|__dirname|\bawait\b/.test(statements), false,
      `${file}: nothing only Node has, no await`);
  }
  assert.equal(copies, 1, 'the wasm is inlined once, in membrane_agent_session.js');
  const license = readFileSync(join(installed, 'LICENSE'), 'utf8');
  assert.match(license, /^MIT License\n\nCopyright \(c\) 2026 membrane-agent-session contributors\n/);
});

test('the README is for npm users: no make commands, no links outside the package', () => {
  const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
  assert.equal(readme, readFileSync(join(root, 'npm', 'README.md'), 'utf8'));
  assert.equal(/^\s*make\b|`make /m.test(readme), false, 'no make commands');
  assert.equal(/\.\.\/|\]\((?!https?:|#)[^)]*\)/.test(readme), false, 'no relative links');
  assert.match(readme, /npm install membrane-agent-session/);
  for (const name of PUBLIC_NAMES) assert.ok(readme.includes(name), `the README shows ${name}`);
});

test('the pending names are exactly the ones the assemble script does not require yet', () => {
  const source = readFileSync(ASSEMBLE, 'utf8');
  const optional = [...source.matchAll(/\{ name: '(\w+)', required: false \}/g)].map((m) => m[1]);
  const interopNames = /const INTEROP_NAMES = \[([^\]]*)\]/.exec(source)[1].match(/\w+/g);
  const interopRequired = /const INTEROP_REQUIRED = (true|false);/.exec(source)[1] === 'true';
  assert.deepEqual([...optional, ...(interopRequired ? [] : interopNames)].sort(), [...PENDING_NAMES].sort());
  for (const name of PUBLIC_NAMES) assert.ok(readFileSync(SPEC, 'utf8').includes(name), `SPEC names ${name}`);
});

function assemble(input, output) {
  return spawnSync(process.execPath, [ASSEMBLE, input, output], { encoding: 'utf8' });
}

const noInput = existsSync(join(WASM_PACK_OUT, 'membrane_agent_session.js'))
  ? false
  : `${WASM_PACK_OUT} is absent (make pkg builds it with wasm-pack --target web)`;

test('the assemble script is idempotent and pkg/ is what it writes now', { skip: noInput }, () => {
  const work = mkdtempSync(join(tmpdir(), 'mas-assemble-'));
  try {
    const first = assemble(WASM_PACK_OUT, join(work, 'a'));
    assert.equal(first.status, 0, first.stderr);
    const second = assemble(WASM_PACK_OUT, join(work, 'a'));
    assert.equal(second.status, 0, second.stderr);
    const written = readdirSync(join(work, 'a')).sort();
    assert.deepEqual(written, readdirSync(packageDir).sort());
    for (const file of written) {
      assert.equal(readFileSync(join(work, 'a', file), 'utf8'), readFileSync(join(packageDir, file), 'utf8'),
        `pkg/${file} is up to date (run make pkg)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('the assemble script fails loudly, and writes nothing, when an input is missing', { skip: noInput }, () => {
  const work = mkdtempSync(join(tmpdir(), 'mas-assemble-'));
  try {
    cpSync(WASM_PACK_OUT, join(work, 'in'), { recursive: true });
    rmSync(join(work, 'in', 'membrane_agent_session_bg.wasm'));
    const run = assemble(join(work, 'in'), join(work, 'out'));
    assert.equal(run.status, 1);
    assert.match(run.stderr, /missing:[\s\S]*membrane_agent_session_bg\.wasm/);
    assert.equal(existsSync(join(work, 'out')), false, 'nothing half-written');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('the assemble script fails loudly when the build lacks a function the package promises', { skip: noInput }, () => {
  const work = mkdtempSync(join(tmpdir(), 'mas-assemble-'));
  try {
    cpSync(WASM_PACK_OUT, join(work, 'in'), { recursive: true });
    const glue = join(work, 'in', 'membrane_agent_session.js');
    // The glue without isTimestamp's export: it still loads, but lacks it.
    const source = readFileSync(glue, 'utf8').replace('export function isTimestamp(', 'function isTimestamp(');
    writeFileSync(glue, source);
    const run = assemble(join(work, 'in'), join(work, 'out'));
    assert.equal(run.status, 1, run.stdout);
    assert.match(run.stderr, /does not export the functions: isTimestamp/);
    assert.equal(existsSync(join(work, 'out')), false, 'nothing half-written');
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

// ---- the inlined module's decoder (scripts/base64-decoder.mjs) -------------------

test('the base64 decoder gives the bytes atob gives, for every length and padding', async () => {
  const { decoderSource } = await import('../../scripts/base64-decoder.mjs');
  // The glue's own function, with fromBase64 hidden so the wasm decoder runs.
  const wasmBytes = new Function('Uint8Array', `${decoderSource()}\nreturn wasmBytes;`)(
    class extends Uint8Array { static fromBase64 = undefined; },
  );
  let seed = 0x2545f491;
  const byte = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 255;
  const sizes = [...Array.from({ length: 40 }, (_, i) => i), 1000, 65_536 * 2 + 7, 150_001];
  for (const size of sizes) {
    const bytes = Uint8Array.from({ length: size }, byte);
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    const base64 = btoa(text);
    const decoded = wasmBytes(base64);
    assert.equal(decoded.length, size, `length of ${size} bytes`);
    assert.deepEqual(Uint8Array.from(decoded), bytes, `${size} bytes`);
  }
  // Every character of the alphabet, at every place in a group.
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let shift = 0; shift < 4; shift++) {
    const base64 = (alphabet.slice(shift) + alphabet.slice(0, shift));
    const expected = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    assert.deepEqual(Uint8Array.from(wasmBytes(base64)), expected, `alphabet shifted by ${shift}`);
  }
});

test('the base64 decoder inlined is scripts/base64.wat', (t) => {
  const wat2wasm = spawnSync('wat2wasm', [join(root, 'scripts', 'base64.wat'), '--output=-'], { maxBuffer: 1 << 20 });
  if (wat2wasm.error || wat2wasm.status !== 0) {
    t.skip('wat2wasm (wabt) is not installed: the bytes cannot be rebuilt here');
    return;
  }
  return import('../../scripts/base64-decoder.mjs').then(({ DECODER_BYTES }) => {
    assert.deepEqual(DECODER_BYTES, [...wat2wasm.stdout]);
    assert.ok(readFileSync(join(packageDir, 'membrane_agent_session.js'), 'utf8').includes(`new Uint8Array([${DECODER_BYTES.join(',')}])`),
      'the package inlines these bytes');
  });
});
