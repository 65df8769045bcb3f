// flattenIssues and formatIssues (SPEC, "Interop"): on the package's real
// issues, against Zod 4's own z.flattenError, and on odd input (never a throw,
// no prototype pollution).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as z from "zod/v4";
import { createRandom } from "../js/support/prng.mjs";
import { flattenIssues, formatIssues, validateCreateAgentSession, parseAgentSession } from "./support/interop.mjs";

const issuesOf = (result) => {
  assert.equal(result.success, false, "the input must be refused");
  return result.issues;
};

/** fieldErrors as a plain list of entries (it has no prototype). */
const entries = (flat) => Object.entries(flat.fieldErrors);

test("flattenIssues sorts real issues into formErrors and fieldErrors by first path segment", () => {
  const issues = issuesOf(validateCreateAgentSession({
    prompt: "", modelId: "gpt", promt: "x", extra: 1,
    promptAttachments: [{ title: "ok", data: 1 }, { title: "" }],
  }));
  const flat = flattenIssues(issues);
  assert.deepEqual(Object.keys(flat), ["formErrors", "fieldErrors"]);
  assert.equal(Object.getPrototypeOf(flat.fieldErrors), null);
  const root = issues.filter((i) => i.path.length === 0).map((i) => i.message);
  assert.equal(root.length, 2, "one unrecognized_keys issue per unknown key");
  assert.deepEqual(flat.formErrors, root);
  assert.deepEqual(Object.keys(flat.fieldErrors).sort(), ["modelId", "prompt", "promptAttachments"]);
  assert.deepEqual(flat.fieldErrors.prompt, issues.filter((i) => i.path[0] === "prompt").map((i) => i.message));
  assert.equal(flat.fieldErrors.promptAttachments.length, 2, "title too short and data missing, both under the list");
  assert.deepEqual(
    flat.fieldErrors.promptAttachments,
    issues.filter((i) => i.path[0] === "promptAttachments").map((i) => i.message),
  );
  assert.equal(flat.fieldErrors.toString, undefined, "no inherited members to mistake for fields");
});

test("flattenIssues equals Zod 4's z.flattenError on the same issues (generated issue lists)", () => {
  const r = createRandom("flatten-vs-zod");
  const segments = ["prompt", "modelId", "promptAttachments", "a b", "", "0", 0, 3, "constructor", "toString", "__proto__", "ü"];
  let compared = 0;
  for (let n = 0; n < 500; n++) {
    const issues = Array.from({ length: r.int(6) }, (_, i) => ({
      code: "custom",
      message: `m${i} ${r.pick(["a", "b", "c"])}`,
      path: Array.from({ length: r.pick([0, 0, 1, 1, 2, 3]) }, () => r.pick(segments)),
    }));
    const ours = flattenIssues(issues);
    const zods = z.flattenError(new z.ZodError(issues));
    assert.deepEqual(ours.formErrors, zods.formErrors);
    assert.deepEqual(entries(ours), Object.entries(zods.fieldErrors), JSON.stringify(issues));
    compared++;
  }
  // And on the package's real issues.
  for (const input of [{ promt: 1 }, { prompt: 1, isExternal: "no", agentName: "x" }, null, []]) {
    const issues = issuesOf(validateCreateAgentSession(input));
    const zods = z.flattenError(new z.ZodError(issues));
    assert.deepEqual(flattenIssues(issues).formErrors, zods.formErrors);
    assert.deepEqual(entries(flattenIssues(issues)), Object.entries(zods.fieldErrors));
    compared++;
  }
  assert.equal(compared, 504);
});

test("flattenIssues: a path segment __proto__ is an ordinary key, nothing is polluted", () => {
  const before = Object.getOwnPropertyNames(Object.prototype).sort();
  const flat = flattenIssues([
    { message: "p", path: ["__proto__", "polluted"] },
    { message: "c", path: ["constructor"] },
    { message: "t", path: ["toString"] },
    { message: "p2", path: ["__proto__"] },
  ]);
  assert.deepEqual(Object.keys(flat.fieldErrors), ["__proto__", "constructor", "toString"]);
  assert.deepEqual(flat.fieldErrors["__proto__"], ["p", "p2"]);
  assert.ok(Array.isArray(Object.getOwnPropertyDescriptor(flat.fieldErrors, "__proto__").value));
  assert.deepEqual(flat.fieldErrors.constructor, ["c"]);
  assert.equal({}.polluted, undefined);
  assert.equal(Object.prototype.push, undefined);
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), before);
  assert.equal(JSON.stringify(flat.fieldErrors), '{"__proto__":["p","p2"],"constructor":["c"],"toString":["t"]}');
});

test("flattenIssues reads Standard Schema path segments ({ key }) and symbols", () => {
  const sym = Symbol("s");
  const flat = flattenIssues([
    { message: "a", path: [{ key: "prompt" }, { key: 1 }] },
    { message: "b", path: [sym] },
    { message: "c", path: [7] },
    { message: "d" }, // no path: about the whole value
    { message: "e", path: undefined },
  ]);
  assert.deepEqual(flat.formErrors, ["d", "e"]);
  assert.deepEqual(entries(flat), [["7", ["c"]], ["prompt", ["a"]], ["Symbol(s)", ["b"]]]);
});

test("flattenIssues and formatIssues never throw on odd input", () => {
  const hostileIssue = new Proxy({}, { get() { throw new Error("trap"); }, has() { throw new Error("trap"); } });
  const hostileList = new Proxy([{ message: "x", path: [] }], { get(t, k) { if (k === "length") throw new Error("trap"); return t[k]; } });
  const odd = [
    undefined, null, 0, "issues", {}, { issues: [{ message: "m", path: [] }] }, new Map(), hostileList,
    [null, undefined, 1, "s", Symbol("x")],
    [{ message: 5, path: "prompt" }],
    [{ path: [{ key: "k" }, null, undefined, true, 10n, {}] }],
    [hostileIssue],
    [{ get message() { throw new Error("getter"); }, path: ["prompt"] }],
    [{ message: "m", path: new Proxy(["a"], { get() { throw new Error("trap"); } }) }],
  ];
  for (const input of odd) {
    const flat = flattenIssues(input);
    assert.ok(Array.isArray(flat.formErrors));
    assert.equal(typeof flat.fieldErrors, "object");
    assert.equal(typeof formatIssues(input), "string");
  }
  // What they make of them (the choices documented in the README):
  assert.deepEqual(flattenIssues(undefined), flattenIssues([]));
  assert.deepEqual(flattenIssues({ issues: [{ message: "m", path: [] }] }).formErrors, [], "a non-array is no issues");
  assert.equal(formatIssues(null), "");
  assert.deepEqual(flattenIssues([null, 1, "s"]).formErrors, [], "non-objects are skipped");
  assert.deepEqual(flattenIssues([{ message: 5, path: "prompt" }]).formErrors, ["invalid input"], "a bad message or path still counts");
  assert.deepEqual(flattenIssues([hostileIssue]).formErrors, ["invalid input"]);
  assert.equal(formatIssues([{ path: [{ key: "k" }, null, undefined, true, 10n, {}] }]),
    "k[null][undefined][true][10][[object Object]]: invalid input");
});

test("formatIssues writes each path as JavaScript would, then the message", () => {
  const issues = [
    { message: "too short", path: ["promptAttachments", 2, "title"] },
    { message: "bad key", path: ["output", "weird key", 0, "ok", "0", ""] },
    { message: "whole value", path: [] },
    { message: "nested", path: [{ key: "a" }, { key: 1 }, "$b_2"] },
    { message: "symbol", path: [Symbol("s"), "x"] },
    { message: "quote", path: ['say "hi"', "ü", "-x"] },
  ];
  assert.equal(formatIssues(issues), [
    "promptAttachments[2].title: too short",
    'output["weird key"][0].ok["0"][""]: bad key',
    "whole value",
    "a[1].$b_2: nested",
    "[Symbol(s)].x: symbol",
    '["say \\"hi\\""]["ü"]["-x"]: quote',
  ].join("\n"));
  assert.equal(formatIssues([]), "");
});

test("formatIssues on real issues: one line per issue, in the package's order", () => {
  const issues = issuesOf(validateCreateAgentSession({ prompt: "", promptAttachments: [{ title: "t", data: 1 }, { title: 3, data: null }], promt: 1 }));
  const lines = formatIssues(issues).split("\n");
  assert.equal(lines.length, issues.length);
  for (const [i, issue] of issues.entries()) assert.ok(lines[i].endsWith(issue.message), lines[i]);
  assert.ok(lines.includes(`prompt: ${issues.find((i) => i.path[0] === "prompt").message}`));
  assert.ok(lines.includes(`promptAttachments[1].title: ${issues.find((i) => i.path[1] === 1).message}`));
  assert.ok(lines.includes(issues.find((i) => i.path.length === 0).message));

  const session = issuesOf(parseAgentSession('{"error":{"message":"m","causedByError":{"message":7}}}'));
  assert.ok(formatIssues(session).split("\n").includes(
    `error.causedByError.message: ${session.find((i) => i.path.join() === "error,causedByError,message").message}`,
  ));
});
