#!/usr/bin/env node
// The timestamp proof: the package's `isTimestamp` against
// `new RegExp(<the pattern documented in SPEC.md>)` — read from SPEC.md at run
// time, so Node's own ECMAScript regex engine is the oracle — over generated
// and mutated strings (see tests/js/support/timestamp-strings.mjs).
//
// A sample of the strings also goes through `parseAgentSession` as a
// response's `createdAt` (as an object and as JSON text), so the rule used by
// the response parser is proved too, not only the exported predicate.
//
// usage: node scripts/proof/timestamp-proof.mjs [count] [--seed=S] [--sample-every=N]
//   count defaults to 1,000,000; exits 1 on any disagreement.
import { pathToFileURL } from "node:url";
import { isTimestamp, parseAgentSession } from "membrane-agent-session";
import { readSpec, timestampPatternSource } from "../../tests/js/support/spec.mjs";
import { showString, timestampCases } from "../../tests/js/support/timestamp-strings.mjs";

const BASE_RESPONSE = {
  id: "as_1",
  workspaceId: "ws_1",
  workspaceElementId: "el_1",
  type: "agent",
  status: "queued",
  prompt: "p",
  lastActivityAt: "2026-01-01T00:00:00Z",
  hasWorker: false,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
};

function createdAtRejected(result) {
  return !result.success && result.issues.some((i) => i.path.length === 1 && i.path[0] === "createdAt");
}

/**
 * Runs the proof over `count` strings; returns counts and the disagreements
 * (each { s, kind, oracle, got, via }). Never throws on a disagreement.
 */
export function runTimestampProof({
  count = 1_000_000,
  seed = "timestamp-proof",
  sampleEvery = 25,
  // Only for the test that proves the proof can fail: a different oracle.
  oracleSource = timestampPatternSource(),
} = {}) {
  const oracle = new RegExp(oracleSource);
  const summary = {
    spec: readSpec().path,
    pattern: oracle.source,
    compared: 0,
    oracleTrue: 0,
    oracleFalse: 0,
    byKind: {},
    throughParser: 0,
    constructionChecked: 0,
    disagreements: [],
    constructionMismatches: [],
  };
  const note = (list, entry) => {
    if (list.length < 1000) list.push(entry);
  };
  let i = 0;
  for (const { s, kind, expected } of timestampCases(count, seed)) {
    const want = oracle.test(s);
    let got;
    try {
      got = isTimestamp(s);
    } catch (error) {
      got = `threw ${String(error)}`;
    }
    summary.compared++;
    want ? summary.oracleTrue++ : summary.oracleFalse++;
    const k = (summary.byKind[kind] ??= { compared: 0, valid: 0 });
    k.compared++;
    if (want) k.valid++;
    if (got !== want) note(summary.disagreements, { s, kind, oracle: want, got, via: "isTimestamp" });
    if (expected !== undefined) {
      summary.constructionChecked++;
      if (expected !== want) note(summary.constructionMismatches, { s, kind, calendar: expected, oracle: want });
    }
    if (i++ % sampleEvery === 0) {
      summary.throughParser++;
      const asObject = parseAgentSession({ ...BASE_RESPONSE, createdAt: s });
      if (createdAtRejected(asObject) === want) {
        note(summary.disagreements, { s, kind, oracle: want, got: !want, via: "parseAgentSession(object).createdAt" });
      }
      const asText = parseAgentSession(JSON.stringify({ ...BASE_RESPONSE, createdAt: s }));
      if (createdAtRejected(asText) === want) {
        note(summary.disagreements, { s, kind, oracle: want, got: !want, via: "parseAgentSession(text).createdAt" });
      }
    }
  }
  return summary;
}

export function printSummary(summary, log = console.log) {
  log(`timestamp proof — pattern from ${summary.spec}`);
  log(`  strings compared: ${summary.compared} (pattern says valid: ${summary.oracleTrue}, invalid: ${summary.oracleFalse})`);
  for (const [kind, k] of Object.entries(summary.byKind)) {
    log(`    ${kind.padEnd(18)} ${String(k.compared).padStart(8)} strings, ${k.valid} valid`);
  }
  log(`  also through parseAgentSession (object and text): ${summary.throughParser} strings`);
  log(`  calendar-by-construction vs pattern: ${summary.constructionChecked} checked, ${summary.constructionMismatches.length} mismatches`);
  log(`  disagreements with the package: ${summary.disagreements.length}`);
  for (const d of summary.disagreements.slice(0, 20)) {
    log(`    ${showString(d.s)} [${d.kind}] via ${d.via}: pattern ${d.oracle}, package ${d.got}`);
  }
  for (const d of summary.constructionMismatches.slice(0, 20)) {
    log(`    calendar says ${d.calendar}, pattern says ${d.oracle}: ${showString(d.s)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const hit = args.find((a) => a.startsWith(`--${name}=`));
    return hit ? hit.slice(name.length + 3) : fallback;
  };
  const positional = args.filter((a) => !a.startsWith("--"));
  const count = positional.length ? Number(positional[0].replace(/[_,]/g, "")) : 1_000_000;
  if (!Number.isInteger(count) || count < 1) {
    console.error(`usage: timestamp-proof.mjs [count] [--seed=S] [--sample-every=N]  (bad count ${positional[0]})`);
    process.exit(2);
  }
  const started = Date.now();
  const summary = runTimestampProof({
    count,
    seed: option("seed", "timestamp-proof"),
    sampleEvery: Number(option("sample-every", 25)),
  });
  printSummary(summary);
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const failed = summary.disagreements.length > 0 || summary.constructionMismatches.length > 0;
  process.exit(failed ? 1 : 0);
}
