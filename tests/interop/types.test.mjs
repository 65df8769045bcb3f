// `tsc --strict` of TypeScript consumers of the interop declarations
// (types/interop.ts, with @standard-schema/spec's types; types/consumers.ts,
// with Hono's and TanStack Form's own typings) and of the
// compile-time promises of the generated declarations (types/generated.ts),
// each with a control run proving its @ts-expect-error lines are real errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const types = join(here, "types");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

function compile(project) {
  const run = spawnSync(process.execPath, [tsc, "-p", project, "--pretty", "false"], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const readConfig = (name) => JSON.parse(readFileSync(join(types, name), "utf8").replace(/^\s*\/\/.*$/gm, ""));

/**
 * Compiles `file` with `config` after removing its @ts-expect-error lines:
 * tsc must then fail on exactly the lines those comments guarded.
 */
function assertExpectedErrorsAreReal(file, config, minimum) {
  // Inside node_modules (ignored by git) so that the package resolves by name.
  const cache = join(root, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(join(cache, "mas-interop-types-"));
  try {
    const expected = [];
    const kept = [];
    for (const line of readFileSync(join(types, file), "utf8").split("\n")) {
      if (/^\s*\/\/ @ts-expect-error/.test(line)) expected.push(`${file}:${kept.length + 1}`);
      else kept.push(line);
    }
    assert.ok(expected.length >= minimum, `${file} has its must-fail lines (${expected.length})`);
    writeFileSync(join(work, file), kept.join("\n"));
    writeFileSync(join(work, "tsconfig.json"), JSON.stringify({ ...readConfig(config), files: [file] }));
    const { status, output } = compile(join(work, "tsconfig.json"));
    assert.notEqual(status, 0, `${file} without its @ts-expect-error lines must not compile`);
    const errorLines = new Set();
    for (const m of output.matchAll(/([\w.-]+)\((\d+),\d+\): error TS\d+/g)) errorLines.add(`${m[1]}:${m[2]}`);
    assert.deepEqual([...errorLines].sort(), [...expected].sort(), output);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

test("tsc --strict: the Standard Schema objects fit StandardSchemaV1 and the helpers type (moduleResolution bundler)", () => {
  const { status, output } = compile(join(types, "tsconfig.json"));
  assert.equal(status, 0, output);
});

test("tsc --strict: the same under moduleResolution nodenext", () => {
  const { status, output } = compile(join(types, "tsconfig.nodenext.json"));
  assert.equal(status, 0, output);
});

test("interop.ts: each @ts-expect-error guards a real error", () => {
  assertExpectedErrorsAreReal("interop.ts", "tsconfig.nodenext.json", 6);
});

test("tsc --strict: Hono infers the validated body, TanStack Form takes the schema (consumers.ts)", () => {
  const { status, output } = compile(join(types, "tsconfig.consumers.json"));
  assert.equal(status, 0, output);
});

test("consumers.ts: each @ts-expect-error guards a real error", () => {
  assertExpectedErrorsAreReal("consumers.ts", "tsconfig.consumers.json", 2);
});

test("tsc --strict: the generated declarations' compile-time promises (typed literal, branded Timestamp, readonly issues)", () => {
  const { status, output } = compile(join(types, "tsconfig.generated.json"));
  assert.equal(status, 0, output);
});

test("generated.ts: each @ts-expect-error guards a real error", () => {
  assertExpectedErrorsAreReal("generated.ts", "tsconfig.generated.json", 5);
});
