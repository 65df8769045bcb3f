// The package as a user gets it: `npm pack` of pkg/ (so only what "files"
// lists), unpacked into the node_modules of a fresh project in a temp dir.
// Packed once per test process; every consumer test installs from it.
//
// The consumers use the bundlers installed at the repo root (never an
// `npm install` per test): the tools run from node_modules/.bin with the
// project as their working directory.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..', '..');
export const BIN = join(ROOT, 'node_modules', '.bin');
export const APPS = join(here, '..', 'apps');
export const PACKAGE_NAME = 'membrane-agent-session';
export const packageDir = dirname(createRequire(import.meta.url).resolve(`${PACKAGE_NAME}/package.json`));

const scratch = mkdtempSync(join(tmpdir(), 'mas-consumer-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

// `npm pack` takes seconds (most of it npm starting), and every test file
// runs in its own process: the tarball is kept in the temp dir under a hash
// of pkg/'s content, so one build of the package is packed once.
function contentHash(dir) {
  const hash = createHash('sha256');
  for (const entry of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const file = join(dir, entry);
    if (!statSync(file).isFile()) continue;
    hash.update(`${entry}\0`).update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

let packed;
/** Packs pkg/ once: `{ file, files }`, the tarball and the paths it holds. */
export function packedTarball() {
  if (packed) return packed;
  const cache = join(tmpdir(), 'mas-packed', contentHash(packageDir));
  const reportFile = join(cache, 'report.json');
  if (!existsSync(reportFile)) {
    const work = mkdtempSync(join(scratch, 'pack-'));
    const [report] = JSON.parse(execFileSync('npm',
      ['pack', packageDir, '--pack-destination', work, '--json', '--offline', '--ignore-scripts'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
    writeFileSync(join(work, 'report.json'), JSON.stringify(report));
    mkdirSync(dirname(cache), { recursive: true });
    try {
      renameSync(work, cache); // atomic: another process sees all of it or none
    } catch (error) {
      if (!existsSync(reportFile)) throw error; // else another process won the race
    }
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  packed = { file: join(cache, report.filename), files: report.files.map((f) => f.path).sort(), report };
  return packed;
}

/**
 * A fresh project in a temp dir: its package.json, the package installed
 * from the tarball, the shared checks (page-checks.js, at `checksAt`) and the given app
 * files (name -> file under tests/consumers/apps, or { text }).
 * `links` are packages of the repo's node_modules the project may resolve
 * (a plugin the user would have installed), linked, not copied.
 */
export function freshProject(name, { packageJson = {}, files = {}, links = [], checksAt = 'page-checks.js' } = {}) {
  const dir = mkdtempSync(join(scratch, `${name}-`));
  writeFileSync(join(dir, 'package.json'),
    JSON.stringify({ name: `consumer-${name}`, version: '1.0.0', private: true, ...packageJson }, null, 2));
  const installed = join(dir, 'node_modules', PACKAGE_NAME);
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', packedTarball().file, '-C', installed, '--strip-components=1']);
  for (const link of links) {
    const target = join(dir, 'node_modules', link);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', link), target, 'dir');
  }
  mkdirSync(dirname(join(dir, checksAt)), { recursive: true });
  cpSync(join(here, 'page-checks.js'), join(dir, checksAt));
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    if (typeof source === 'string') cpSync(join(APPS, source), join(dir, file));
    else writeFileSync(join(dir, file), source.text);
  }
  return { dir, installed };
}

/**
 * Runs a command to completion (bounded), resolving to its output; rejects
 * with the command, its status and its output when it fails.
 */
export function run(command, args, { cwd, env = {}, timeout = 180_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      if (status === 0) resolve({ stdout, stderr });
      else reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) ended with ${signal ?? status}\n${stdout}\n${stderr}`));
    });
  });
}

/** A tool of the repo's node_modules/.bin. */
export const tool = (name) => join(BIN, name);

/** Runs `node file` and parses the JSON line the consumer printed last. */
export async function runNodeConsumer(file, { cwd, env = {}, node = process.execPath } = {}) {
  const { stdout, stderr } = await run(node, [file], { cwd, env, timeout: 60_000 });
  const last = stdout.trim().split('\n').pop();
  try {
    return { seen: JSON.parse(last), stderr };
  } catch {
    throw new Error(`${file} printed no JSON line:\n${stdout}\n${stderr}`);
  }
}

/** An HTML page that loads `src` (a module script or a classic one). */
export function pageHtml(src, { module = true, title = 'consumer' } = {}) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head>
<body>
  <pre id="observations"></pre>
  <script ${module ? 'type="module" ' : ''}src="${src}"></script>
</body>
</html>
`;
}

export const readText = (file) => readFileSync(file, 'utf8');
