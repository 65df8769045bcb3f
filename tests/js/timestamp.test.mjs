// Timestamps: the package's isTimestamp against the pattern documented in
// SPEC.md (compiled by Node's own RegExp), on a smaller run of the proof in
// scripts/proof/timestamp-proof.mjs (the full run is 1,000,000 strings), and on
// the date-time cases of the JSON-Schema-Test-Suite and of Zod's tests,
// relabelled by SPEC where RFC 3339 or Zod's options differ.
import assert from "node:assert/strict";
import { test } from "node:test";
import { inspect } from "node:util";
import { isTimestamp } from "membrane-agent-session";
import { printSummary, runTimestampProof } from "../../scripts/proof/timestamp-proof.mjs";
import { JSON_SCHEMA_TEST_SUITE, ZOD_DATES, ZOD_DATETIME_TESTS } from "./data/datetime-cases.mjs";
import { timestampRegExp } from "./support/spec.mjs";
import { showString } from "./support/timestamp-strings.mjs";

const COUNT = Number(process.env.TIMESTAMP_PROOF_COUNT ?? 50_000);

test(`isTimestamp agrees with the documented pattern on ${COUNT} generated and mutated strings`, () => {
  const summary = runTimestampProof({ count: COUNT, seed: "timestamp-test" });
  printSummary(summary, (line) => console.log(line));
  assert.equal(summary.compared, COUNT);
  // The run must cover both answers and every kind of string, or it proves little.
  assert.ok(summary.oracleTrue > COUNT / 10, `too few valid strings: ${summary.oracleTrue}`);
  assert.ok(summary.oracleFalse > COUNT / 10, `too few invalid strings: ${summary.oracleFalse}`);
  for (const kind of ["feb-29-every-year", "valid", "calendar", "one-edit", "two-edits"]) {
    assert.ok(summary.byKind[kind]?.compared > 0, `no ${kind} strings`);
  }
  assert.deepEqual(summary.constructionMismatches, [], "the pattern disagrees with the calendar rules SPEC states");
  assert.deepEqual(summary.disagreements, [], "isTimestamp disagrees with the documented pattern");
});

test("the proof reports a disagreement when the oracle differs (it can fail)", () => {
  // The documented pattern with the seconds made mandatory, as Zod's z.iso.datetime() has it.
  const stricter = timestampRegExp().source.replace("(?::[0-5]\\d(?:\\.\\d+)?)?", ":[0-5]\\d(?:\\.\\d+)?");
  assert.notEqual(stricter, timestampRegExp().source);
  const summary = runTimestampProof({ count: 12_000, seed: "can-fail", oracleSource: stricter });
  assert.ok(summary.disagreements.length > 0);
});

function checkCase(data, valid, label) {
  const oracle = typeof data === "string" ? timestampRegExp().test(data) : false;
  assert.equal(oracle, valid, `${label}: the documented pattern says ${oracle} for ${showString(String(data))}; the relabel is wrong`);
  assert.equal(isTimestamp(data), valid, `${label}: isTimestamp(${typeof data === "string" ? showString(data) : JSON.stringify(data)})`);
}

test("JSON-Schema-Test-Suite draft2020-12 date-time cases, relabelled by SPEC", () => {
  let relabelled = 0;
  for (const c of JSON_SCHEMA_TEST_SUITE) {
    if (c.valid !== c.suiteValid) {
      relabelled++;
      assert.ok(c.relabel, `${JSON.stringify(c.data)}: relabelled without a reason`);
    }
    checkCase(c.data, c.valid, "JSON-Schema-Test-Suite");
  }
  console.log(`JSON-Schema-Test-Suite: ${JSON_SCHEMA_TEST_SUITE.length} cases, ${relabelled} relabelled by SPEC`);
});

test("Zod's datetime test cases, relabelled by SPEC", () => {
  let relabelled = 0;
  for (const c of ZOD_DATETIME_TESTS) {
    if (c.valid !== c.zodValid) {
      relabelled++;
      assert.ok(c.relabel, `${c.data} (${c.options}): relabelled without a reason`);
    }
    checkCase(c.data, c.valid, `Zod ${c.options}`);
  }
  for (const c of ZOD_DATES) checkCase(c.data, c.valid, `Zod date ${c.date}`);
  console.log(`Zod: ${ZOD_DATETIME_TESTS.length} date-time cases (${relabelled} relabelled by SPEC), ${ZOD_DATES.length} dates`);
});

test("isTimestamp never coerces: non-strings of every kind are not timestamps", () => {
  const valid = "2024-02-29T23:59Z";
  assert.equal(isTimestamp(valid), true);
  const kinds = [
    undefined, null, true, false, 0, -0, NaN, Infinity, 20240229, 1n,
    Symbol(valid), () => valid, [valid], { toString: () => valid }, { valueOf: () => valid },
    new String(valid), // a boxed string is an object, not a string
    new Date(Date.UTC(2024, 1, 29)), /2024-02-29T23:59Z/, new Map([[valid, valid]]),
    Object.create(null),
    new Proxy({}, { get() { throw new Error("trap"); }, getPrototypeOf() { throw new Error("trap"); } }),
  ];
  for (const v of kinds) {
    let answer;
    assert.doesNotThrow(() => { answer = isTimestamp(v); }, `isTimestamp threw for ${inspect(v)}`);
    assert.equal(answer, false, `isTimestamp(${inspect(v)}) should be false`);
  }
});

test("hand-picked edges: anchors, Unicode digits, designators, surrogates", () => {
  const cases = [
    ["2020-01-01T00:00Z", true],
    ["2020-01-01T00:00:00.000000000000Z", true],
    ["0000-02-29T00:00Z", true], // year 0 is divisible by 400
    ["1900-02-29T00:00Z", false],
    ["2020-01-01T00:00Z\n", false], // `$` is the end of the string
    ["\n2020-01-01T00:00Z", false],
    ["2020-01-01T00:00Z\u2028", false],
    ["2020-01-01T00:00Z\0", false],
    ["2020-01-01t00:00Z", false],
    ["2020-01-01T00:00z", false],
    ["2020-01-01 00:00Z", false],
    ["2020-01-01T00:00:00.Z", false],
    ["2020-01-01T00Z", false],
    ["2020-01-01T24:00Z", false],
    ["\uFF12020-01-01T00:00Z", false], // fullwidth digit
    ["2020-01-01T0\u0662:00Z", false], // Arabic-Indic digit
    ["2020-01-01T00:0\u{1D7D8}Z", false], // astral digit
    ["2020-01-01T00:00\uD800Z", false],
    ["2020-01-01T00:00Z\uDC00", false],
    ["\uFEFF2020-01-01T00:00Z", false],
    ["2020-01-01T00:00\u212A", false], // Kelvin sign, case-folds to k
    [" 2020-01-01T00:00Z", false],
    ["2020-01-01T00:00Z ", false],
    ["+2020-01-01T00:00Z", false],
    ["-2020-01-01T00:00Z", false],
    ["2020-1-01T00:00Z", false],
    ["2020-01-01T00:00:60Z", false],
    ["2020-01-01T00:00+00:00", false],
  ];
  for (const [s, valid] of cases) checkCase(s, valid, "edge");
});
