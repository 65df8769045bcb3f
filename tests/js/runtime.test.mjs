// Runtimes older than String.prototype.isWellFormed (Chrome < 111, Firefox
// < 119, Safari < 16.4): nothing may throw, and a lone surrogate is still
// reported, never replaced. Run in a fresh Node with the method deleted
// before the package is imported.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";

const CHILD = `
delete String.prototype.isWellFormed;
const m = await import("membrane-agent-session");
const lone = m.validateCreateAgentSession({ prompt: "a\\ud800b" });
const pair = m.validateCreateAgentSession({ prompt: "a\\ud83d\\ude00b", promptAttachments: [{ title: "\\udc00", data: null }] });
const text = m.parseAgentSession('{"id":"\\ud800"}');
const fine = m.validateCreateAgentSession({ prompt: "\\ufffd is a real character" });
console.log(JSON.stringify({ lone, pair, text, fine, had: typeof String.prototype.isWellFormed }));
`;

test("without String.prototype.isWellFormed, lone surrogates are still issues and nothing throws", () => {
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", CHILD], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  const { lone, pair, text, fine, had } = JSON.parse(run.stdout.trim().split("\n").pop());
  assert.equal(had, "undefined", "the method was really gone");
  assert.equal(lone.success, false);
  assert.deepEqual(lone.issues.map((i) => [i.code, i.format, i.path]), [["invalid_format", "well-formed-unicode", ["prompt"]]]);
  assert.equal(pair.success, false);
  assert.deepEqual(pair.issues.map((i) => [i.code, i.path]), [["invalid_format", ["promptAttachments", 0, "title"]]]);
  assert.equal(text.success, false);
  assert.ok(text.issues.some((i) => i.code === "invalid_format" && i.path.join() === "id"), JSON.stringify(text.issues));
  assert.equal(fine.success, true, "a real U+FFFD is kept");
  assert.equal(fine.data.prompt, "\ufffd is a real character");
});
