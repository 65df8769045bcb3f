// Hostile input at scale (issue 8): every call answers with a failure —
// never a throw, a trap or unbounded memory — and lists at most MAX_ISSUES
// (100) issues, the last one (`too_many_issues`) saying that more were found.
// How long each takes is measured by `make bench` ("Hostile scale"), never
// asserted here.
import assert from "node:assert/strict";
import { test } from "node:test";
import * as pkg from "membrane-agent-session";

const MAX_ISSUES = 100;
const stillWorks = () => assert.equal(pkg.validateCreateAgentSession({ prompt: "p" }).success, true);

function assertCapped(result, firstPath) {
  assert.equal(result.success, false);
  assert.equal(result.issues.length, MAX_ISSUES + 1, "100 issues and the summary");
  assert.deepEqual(result.issues[0].path, firstPath);
  const last = result.issues.at(-1);
  assert.equal(last.code, "too_many_issues");
  assert.deepEqual(last.path, []);
  assert.equal(last.maximum, MAX_ISSUES);
  assert.equal(typeof last.omitted, "number");
  assert.equal(last.readAll, false, "reading stopped early");
  assert.match(last.message, /more not listed/);
  return last;
}

test("a sparse promptAttachments with length 1e7 answers, capped", () => {
  const input = { prompt: "p", promptAttachments: [] };
  input.promptAttachments.length = 1e7;
  assertCapped(pkg.validateCreateAgentSession(input), ["promptAttachments", 0]);
  stillWorks();
});

test("three million holes answer, capped", () => {
  const input = { prompt: "p", promptAttachments: new Array(3e6) };
  const result = pkg.validateCreateAgentSession(input);
  assertCapped(result, ["promptAttachments", 0]);
  assert.equal(result.issues[0].received, "undefined");
  stillWorks();
});

test("100,000 empty titles answer, capped, in order", () => {
  const input = { prompt: "p", promptAttachments: Array.from({ length: 1e5 }, () => ({ title: "", data: null })) };
  const result = pkg.validateCreateAgentSession(input);
  assertCapped(result, ["promptAttachments", 0, "title"]);
  assert.deepEqual(result.issues[99].path, ["promptAttachments", 99, "title"]);
  stillWorks();
});

test("a long list of problems in response text is capped too", () => {
  const text = JSON.stringify({ items: Array.from({ length: 5000 }, () => ({})) });
  const result = pkg.parseAgentSessionList(text);
  assert.equal(result.success, false);
  assert.equal(result.issues.length, MAX_ISSUES + 1);
  assert.equal(result.issues.at(-1).code, "too_many_issues");
  stillWorks();
});

test("a few problems are all listed, with no summary", () => {
  const result = pkg.validateCreateAgentSession({ prompt: "", promptAttachments: [{ title: "" }, 1] });
  assert.equal(result.success, false);
  assert.ok(result.issues.length < MAX_ISSUES);
  assert.ok(result.issues.every((i) => i.code !== "too_many_issues"));
});
