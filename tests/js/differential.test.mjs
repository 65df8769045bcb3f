// Differential test against Membrane's own SDK (@membranehq/sdk 0.28.3, a
// pinned dev dependency): its Zod schemas `CreateAgentSession` and
// `AgentSession` validate the same data as this package. Generated requests
// and responses (seeded, so every run sees the same cases), valid and invalid,
// go to both; the verdicts and the sets of issues (code and path) must agree.
//
// Where SPEC deliberately differs from the SDK, the difference is excused by a
// NAMED rule below, each quoting the sentence of SPEC that decides it (the
// test checks the quote is really in SPEC.md). An issue that no rule explains
// is a disagreement and fails the test. When both accept, the parsed data must
// be equal too.
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { test, after } from "node:test";
import { inspect } from "node:util";
import { AgentSession, CreateAgentSession } from "@membranehq/sdk";
import { generateRequest, generateResponse, REQUEST_KEYS, TIMESTAMP_FIELDS } from "./support/generate.mjs";
import { assertNoTokenLeaks, build, parse, validate } from "./support/package.mjs";
import { createRandom } from "./support/prng.mjs";
import { specEnums, specSays, timestampRegExp } from "./support/spec.mjs";

const CASES = Number(process.env.DIFFERENTIAL_CASES ?? 20_000); // of each kind
const SDK_VERSION = "0.28.3";
const SPEC_TIMESTAMP = timestampRegExp();
const ENUMS = specEnums();

// SPEC's enum members the SDK does not have: exactly the two SPEC names.
const SDK_ENUMS = {
  WorkspaceElementType: CreateAgentSession.shape.workspaceElementType.unwrap().options,
  ModelId: CreateAgentSession.shape.modelId.unwrap().options,
  AgentName: CreateAgentSession.shape.agentName.unwrap().options,
  AgentSessionStatus: AgentSession.shape.status.options,
  AgentSessionState: AgentSession.shape.state.unwrap().options,
};
const NEWER_MEMBERS = new Set(
  Object.entries(ENUMS).flatMap(([name, values]) => values.filter((v) => !SDK_ENUMS[name].includes(v))),
);

// ---- where a value sits in the input ------------------------------------

/** Follows `path` in `root`: { exists, own, value, ancestors } (never runs getters of
 * generated inputs: they have none). */
function at(root, path) {
  let value = root;
  let exists = true;
  let own = true;
  const ancestors = [];
  for (const key of path) {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) {
      return { exists: false, own: false, value: undefined, ancestors };
    }
    ancestors.push(value);
    exists = key in value;
    own = own && Object.prototype.hasOwnProperty.call(value, key);
    value = value[key];
  }
  return { exists, own, value, ancestors };
}

const samePath = (p, q) => p.length === q.length && p.every((x, i) => x === q[i]);
const hasLoneSurrogate = (v) => typeof v === "string" && !v.isWellFormed();
const hasLoneSurrogateKey = (v) => v !== null && typeof v === "object" && Object.keys(v).some(hasLoneSurrogate);
const isAttachmentField = (p, field) => p.length === 3 && p[0] === "promptAttachments" && Number.isInteger(p[1]) && p[2] === field;
const isErrorField = (p, field) =>
  p.length >= 2 && p[0] === "error" && p[p.length - 1] === field && p.slice(1, -1).every((k) => k === "causedByError");

/** Is `path` inside a place SPEC calls "any JSON value"? */
function inAnyJsonPlace(kind, p) {
  if (kind === "request") return p.length >= 3 && isAttachmentField(p.slice(0, 3), "data");
  if (p[0] === "output") return p.length >= 2;
  if (p[0] !== "error") return false;
  let j = 1;
  while (p[j] === "causedByError") j++;
  if (p[j] === "data" || p[j] === "stack") return true;
  return p[j] === "logs" && p.length > j + 1;
}

function isNonJsonValue(found) {
  const v = found.value;
  if (v === undefined || typeof v === "bigint" || typeof v === "function" || typeof v === "symbol") return true;
  if (typeof v === "number") return !Number.isFinite(v);
  if (v !== null && typeof v === "object") {
    if (found.ancestors.includes(v)) return true; // a cycle
    const proto = Object.getPrototypeOf(v);
    return !Array.isArray(v) && proto !== Object.prototype && proto !== null;
  }
  return false;
}

/** Own keys of the object at `path` that SPEC's table does not name (undefined values are absent). */
function unknownKeys(input, path) {
  const found = at(input, path).value;
  if (found === null || typeof found !== "object") return null;
  const known = path.length === 0 ? REQUEST_KEYS : ["title", "data"];
  return Object.keys(found).filter((k) => !known.includes(k) && found[k] !== undefined);
}

// ---- the named rules ------------------------------------------------------
// Each rule excuses issues found on one side only ("ours" = this package, "sdk").
// `spec` holds sentences copied from SPEC.md; `optional` marks a rule whose
// difference SPEC allows but does not require (it may never fire).

const RULES = [
  {
    name: "newer-enum-members",
    spec: ["it adds `external-event-type` to the element types and `anthropic/claude-haiku-4.5` to the model ids"],
    sdk: (i, c) => i.code === "invalid_value" && NEWER_MEMBERS.has(c.at(i.path).value),
  },
  {
    name: "seconds-optional-timestamps",
    spec: ["it makes seconds optional in timestamps"],
    // z.iso.datetime() in the SDK's Zod (4.x) requires seconds; everything else in
    // its pattern is SPEC's pattern (checked in "the timestamp patterns differ only in seconds").
    sdk: (i, c) => {
      const v = c.at(i.path).value;
      return c.kind === "response" && i.code === "invalid_format" && i.path.length === 1 &&
        TIMESTAMP_FIELDS.includes(i.path[0]) && typeof v === "string" && SPEC_TIMESTAMP.test(v) && /T\d\d:\d\dZ$/.test(v);
    },
  },
  {
    name: "unknown-request-keys",
    spec: ["A key that is not in the table is an error (`unrecognized_keys`), so that a typo such as `promt` is caught instead of silently dropped."],
    // One issue may name several keys or each key may have its own issue: together
    // the issues at a path must name exactly the object's own keys that SPEC's table lacks.
    ours: (i, c) => {
      if (c.kind !== "request" || i.code !== "unrecognized_keys") return false;
      if (!(i.path.length === 0 || (i.path.length === 2 && i.path[0] === "promptAttachments"))) return false;
      const expected = unknownKeys(c.input, i.path);
      const named = c.oursAt(i.path, "unrecognized_keys").flatMap((j) => (Array.isArray(j.keys) ? j.keys : [null]));
      return expected !== null && expected.length > 0 &&
        [...new Set(named)].sort().join("\u0000") === [...expected].sort().join("\u0000");
    },
  },
  {
    name: "empty-attachment-title",
    spec: ["title: string, at least 1 character"],
    ours: (i, c) => c.kind === "request" && i.code === "too_small" && isAttachmentField(i.path, "title") && c.at(i.path).value === "",
  },
  {
    name: "undefined-attachment-data-is-absent",
    // The SDK requires the `data` key but accepts `data: undefined`.
    spec: ["data: any JSON value, null included — the key is required", "A key whose value is `undefined` is absent."],
    ours: (i, c) => c.kind === "request" && i.code === "invalid_type" && isAttachmentField(i.path, "data") &&
      c.at(i.path).exists && c.at(i.path).value === undefined,
  },
  {
    name: "absent-workspaceElementType-in-response",
    spec: ["Optional: `workspaceElementType` WorkspaceElementType"],
    // (Zod reports a missing enum value as invalid_value.)
    sdk: (i, c) => c.kind === "response" && (i.code === "invalid_type" || i.code === "invalid_value") &&
      samePath(i.path, ["workspaceElementType"]) && c.at(i.path).value === undefined,
  },
  {
    name: "missing-key-is-invalid_type",
    // Zod reports a missing enum-typed key as invalid_value; SPEC makes every missing
    // required key invalid_type. Same path, different code.
    spec: ["`invalid_type` (`expected`; also for a missing required key)"],
    ours: (i, c) => i.code === "invalid_type" && c.at(i.path).value === undefined && c.sdkHas(i.path, "invalid_value"),
    sdk: (i, c) => i.code === "invalid_value" && c.at(i.path).value === undefined && c.oursHas(i.path, "invalid_type"),
  },
  {
    name: "length-checked-only-on-strings",
    // Zod 4 runs `.min(1)` even after the type check failed, so a function (length 0)
    // or an empty array in a string field also gets too_small. SPEC's lengths are
    // lengths of strings.
    spec: ["Length counts Unicode code points."],
    sdk: (i, c) => i.code === "too_small" && typeof c.at(i.path).value !== "string" && c.oursHas(i.path, "invalid_type"),
  },
  {
    name: "error-type-is-any-string",
    // The SDK has an enum of 14 error types; SPEC says string.
    spec: ["ErrorData: `message` string (required); optional `type` string"],
    sdk: (i, c) => c.kind === "response" && i.code === "invalid_value" && isErrorField(i.path, "type"),
    // …and so a non-string there is invalid_type for SPEC, invalid_value for the SDK.
    ours: (i, c) => c.kind === "response" && i.code === "invalid_type" && isErrorField(i.path, "type") &&
      typeof c.at(i.path).value !== "string" && c.sdkHasPath(i.path),
  },
  {
    name: "number-too-large",
    spec: ["a number too large for a double is an issue."],
    ours: (i, c) => c.kind === "response" && c.mode === "text" && i.code === "invalid_type" && inAnyJsonPlace("response", i.path) &&
      Math.abs(c.at(i.path).value) === Infinity,
  },
  {
    name: "json-values-only",
    spec: ["means what `JSON.stringify` can carry faithfully: cycles, `BigInt`, functions and symbols are issues at their path, not exceptions."],
    ours: (i, c) => i.code === "invalid_type" && inAnyJsonPlace(c.kind, i.path) && isNonJsonValue(c.at(i.path)),
  },
  {
    name: "lone-surrogates-reported",
    optional: true,
    spec: ["A JS string that UTF-8 cannot carry (a lone surrogate) is either kept exactly or reported as an issue — never swapped for U+FFFD."],
    // A key UTF-8 cannot carry is reported at the object holding it (the
    // key itself cannot be named without altering it).
    ours: (i, c) => i.code === "invalid_format" && i.format === "well-formed-unicode" &&
      (hasLoneSurrogate(c.at(i.path).value) || hasLoneSurrogate(i.path[i.path.length - 1]) ||
        hasLoneSurrogateKey(c.at(i.path).value)),
    // The SDK's own verdict on that same string (say, an enum near-miss) is then moot.
    sdk: (i, c) => (c.oursHas(i.path, "invalid_format") &&
      (hasLoneSurrogate(c.at(i.path).value) || hasLoneSurrogate(i.path[i.path.length - 1]))) ||
      i.path.some((p, n) => hasLoneSurrogate(p) && c.oursHas(i.path.slice(0, n), "invalid_format")),
  },
  {
    name: "own-properties-only",
    spec: ["Only an object's own properties count; inherited ones are ignored."],
    // The SDK reads inherited properties; this package must not.
    sdk: (i, c) => c.at(i.path).exists && !c.at(i.path).own,
    ours: (i, c) => i.code === "invalid_type" && c.at(i.path).exists && !c.at(i.path).own,
  },
];

// ---- comparing ------------------------------------------------------------

const keyOf = (i) => `${i.code}@${JSON.stringify(i.path)}`;

function sdkIssues(result) {
  return result.success ? [] : result.error.issues.map((i) => ({ ...i, path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)) }));
}

/** Removes keys whose value is undefined (SPEC: such a key is absent), recursively in attachments. */
function dropUndefined(data) {
  const out = {};
  for (const [k, v] of Object.entries(data)) {
    if (v === undefined) continue;
    out[k] = k === "promptAttachments" && Array.isArray(v) ? v.map((a) => dropUndefined(a)) : v;
  }
  return out;
}

const tally = {
  compared: 0, requests: 0, responsesText: 0, responsesObject: 0, builds: 0,
  bothValid: 0, bothInvalid: 0, exact: 0, excluded: 0, notJsonText: 0,
  byRule: Object.fromEntries(RULES.map((r) => [r.name, 0])),
  disagreements: [],
};

function compare(kind, mode, input, ours, sdk, describe) {
  tally.compared++;
  const oursList = ours.success ? [] : ours.issues;
  const ctx = {
    kind, mode, input,
    at: (path) => at(input, path),
    sdkHasPath: (path) => sdk.some((i) => samePath(i.path, path)),
    sdkHas: (path, code) => sdk.some((i) => samePath(i.path, path) && i.code === code),
    oursHas: (path, code) => oursList.some((i) => samePath(i.path, path) && i.code === code),
    oursAt: (path, code) => oursList.filter((i) => samePath(i.path, path) && i.code === code),
  };
  const oursKeys = new Set(oursList.map(keyOf));
  const sdkKeys = new Set(sdk.map(keyOf));
  const fired = new Set();
  const unexplained = [];
  for (const [side, list, other] of [["ours", oursList, sdkKeys], ["sdk", sdk, oursKeys]]) {
    for (const issue of list) {
      if (other.has(keyOf(issue))) continue;
      const rule = RULES.find((r) => r[side] && r[side](issue, ctx));
      if (rule) fired.add(rule.name);
      else unexplained.push({ side, code: issue.code, path: issue.path, message: issue.message });
    }
  }
  if (unexplained.length) {
    tally.disagreements.push({ kind, mode, describe, unexplained, ours: oursList, sdk, input });
    return false;
  }
  // Counted once the data (when both accept) has been compared too: see settle().
  pending = { fired, valid: ours.success };
  return true;
}

let pending = null;

/** Counts the case just compared; `dataProblem` is a data mismatch found after the verdicts agreed. */
function settle(kind, mode, describe, input, dataProblem) {
  const p = pending;
  pending = null;
  if (!p) return;
  if (dataProblem) {
    tally.disagreements.push({ kind, mode, describe, unexplained: [{ side: "data", message: dataProblem }], input });
  } else if (p.fired.size) {
    tally.excluded++;
    for (const name of p.fired) tally.byRule[name]++;
  } else {
    tally.exact++;
    if (p.valid) tally.bothValid++;
    else tally.bothInvalid++;
  }
}

/** null if equal, else the difference. */
function dataMismatch(ours, expected) {
  try {
    assert.deepStrictEqual(ours, expected);
    return null;
  } catch (error) {
    return error.message.slice(0, 1500);
  }
}

function showDisagreement(d) {
  return [
    `${d.kind} (${d.mode}) — ${d.describe}`,
    `  input: ${inspect(d.input, { depth: 6, breakLength: 160 }).slice(0, 1500)}`,
    ...d.unexplained.map((u) => `  only ${u.side}: ${u.code ?? ""} ${JSON.stringify(u.path ?? "")} ${u.message ?? ""}`),
    d.ours ? `  ours: ${JSON.stringify(d.ours.map(keyOf))}` : "",
    d.sdk ? `  sdk:  ${JSON.stringify(d.sdk.map(keyOf))}` : "",
  ].join("\n");
}

/** Disagreements counted by kind of unexplained issue, with one example each. */
function groupDisagreements() {
  const groups = new Map();
  for (const d of tally.disagreements) {
    for (const u of d.unexplained) {
      const path = JSON.stringify((u.path ?? []).map((p) => (typeof p === "number" ? "#" : p)));
      const sig = `${d.kind}/${d.mode} only ${u.side}: ${u.code ?? ""} ${u.side === "data" || u.side === "build" ? "" : path}`;
      const g = groups.get(sig) ?? { n: 0, example: d.describe };
      g.n++;
      groups.set(sig, g);
    }
  }
  return [...groups].sort((a, b) => b[1].n - a[1].n).map(([sig, g]) => `    ${String(g.n).padStart(6)}  ${sig}   e.g. ${g.example}`);
}

// ---- the tests ------------------------------------------------------------

test(`the SDK is @membranehq/sdk ${SDK_VERSION} and SPEC's newer enum members are the two SPEC names`, () => {
  // The SDK's exports map hides its package.json: walk up from its entry point.
  let dir = dirname(createRequire(import.meta.url).resolve("@membranehq/sdk"));
  while (!existsSync(join(dir, "package.json")) || JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name !== "@membranehq/sdk") {
    assert.notEqual(dirname(dir), dir, "the SDK's package.json was not found");
    dir = dirname(dir);
  }
  const pkgJson = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  assert.equal(pkgJson.version, SDK_VERSION);
  assert.deepEqual([...NEWER_MEMBERS].sort(), ["anthropic/claude-haiku-4.5", "external-event-type"]);
  for (const [name, values] of Object.entries(SDK_ENUMS)) {
    assert.deepEqual(values.filter((v) => !ENUMS[name].includes(v)), [], `${name}: the SDK has a member SPEC lacks`);
  }
});

test("every rule quotes SPEC.md word for word", () => {
  for (const rule of RULES) {
    for (const sentence of rule.spec) assert.ok(specSays(sentence), `rule ${rule.name}: not in SPEC.md: ${sentence}`);
  }
});

test("the timestamp patterns differ only in seconds (the seconds-optional rule is exact)", async () => {
  const { timestampCases } = await import("./support/timestamp-strings.mjs");
  const zodDatetime = AgentSession.shape.createdAt;
  let differ = 0;
  for (const { s } of timestampCases(40_000, "zod-vs-spec")) {
    const spec = SPEC_TIMESTAMP.test(s);
    const zod = zodDatetime.safeParse(s).success;
    if (spec === zod) continue;
    differ++;
    assert.ok(spec && !zod && /T\d\d:\d\dZ$/.test(s), `SPEC ${spec}, SDK ${zod} for ${JSON.stringify(s)}: not a seconds difference`);
  }
  assert.ok(differ > 0);
});

test(`requests: ${CASES} generated cases against CreateAgentSession`, () => {
  const r = createRandom("differential-requests");
  for (let n = 0; n < CASES; n++) {
    const { input, mutations } = generateRequest(r);
    const describe = `request #${n}: ${mutations.join(", ") || "valid by construction"}`;
    tally.requests++;
    const ours = validate(input);
    const sdkResult = CreateAgentSession.safeParse(input);
    const agreed = compare("request", "object", input, ours, sdkIssues(sdkResult), describe);
    const problem = agreed && ours.success && sdkResult.success ? dataMismatch(ours.data, dropUndefined(sdkResult.data)) : null;
    settle("request", "object", describe, input, problem);
    if (n % 5 === 0) {
      // The builder must give the validator's verdict, and a body equal to JSON.stringify of the data.
      tally.builds++;
      const built = build(input, { token: `differential-token-${n}-XYZ` });
      if (built.success !== ours.success) {
        tally.disagreements.push({ kind: "build", mode: "object", describe, input, unexplained: [{ side: "build", message: `build ${built.success}, validate ${ours.success}` }] });
      } else if (built.success) {
        if (built.data.body !== JSON.stringify(ours.data)) {
          tally.disagreements.push({ kind: "build", mode: "object", describe, input, unexplained: [{ side: "build", message: "body is not JSON.stringify(validated data)" }] });
        }
      } else {
        const a = new Set(built.issues.map(keyOf));
        const b = new Set(ours.issues.map(keyOf));
        if (a.size !== b.size || [...a].some((k) => !b.has(k))) {
          tally.disagreements.push({ kind: "build", mode: "object", describe, input, unexplained: [{ side: "build", message: `build issues ${[...a]} vs validate ${[...b]}` }] });
        }
      }
    }
  }
});

test(`responses: ${CASES} generated texts (and the objects they parse to) against AgentSession`, () => {
  const r = createRandom("differential-responses");
  for (let n = 0; n < CASES; n++) {
    const { text, mutations } = generateResponse(r);
    const describe = `response #${n}: ${mutations.join(", ") || "valid by construction"}`;
    let json;
    let parsed = false;
    try {
      json = JSON.parse(text);
      parsed = true;
    } catch {
      // not JSON: SPEC says invalid_json at the root, nothing else
    }
    tally.responsesText++;
    const oursText = parse(text);
    if (!parsed) {
      tally.notJsonText++;
      const expected = [{ code: "invalid_json", path: [] }];
      compare("response", "text", text, oursText, expected, describe);
      settle("response", "text", describe, text, null);
      continue;
    }
    const sdkResult = AgentSession.safeParse(json);
    const sdk = sdkIssues(sdkResult);
    const textAgreed = compare("response", "text", json, oursText, sdk, describe);
    settle("response", "text", describe, json,
      textAgreed && oursText.success && sdkResult.success ? dataMismatch(oursText.data, sdkResult.data) : null);
    // A string is raw response text to parseAgentSession, so a JSON string has no object form.
    if (typeof json === "string") continue;
    tally.responsesObject++;
    const oursObject = parse(json);
    const objectAgreed = compare("response", "object", json, oursObject, sdk, describe);
    settle("response", "object", describe, json,
      objectAgreed && oursObject.success && sdkResult.success ? dataMismatch(oursObject.data, sdkResult.data) : null);
  }
});

after(() => {
  const lines = [
    `differential vs @membranehq/sdk ${SDK_VERSION}: ${tally.compared} cases compared ` +
      `(${tally.requests} requests, ${tally.responsesText} response texts of which ${tally.notJsonText} not JSON, ${tally.responsesObject} response objects; ${tally.builds} builds checked)`,
    `  agreed exactly: ${tally.exact} (both valid ${tally.bothValid}, both invalid with the same issues ${tally.bothInvalid})`,
    `  agreed after excluding named SPEC differences: ${tally.excluded}`,
    ...RULES.map((rule) => `    ${rule.name.padEnd(40)} ${tally.byRule[rule.name]}`),
    `  disagreements: ${tally.disagreements.length} (by unexplained issue:)`,
    ...groupDisagreements(),
    ...tally.disagreements.slice(0, 12).map(showDisagreement),
  ];
  console.log(lines.join("\n"));
  if (process.env.DIFFERENTIAL_DUMP) {
    // Every disagreement, one JSON line each, for a closer look.
    const rows = tally.disagreements.map((d) => JSON.stringify({
      kind: d.kind, mode: d.mode, describe: d.describe, unexplained: d.unexplained,
      ours: d.ours?.map(keyOf), sdk: d.sdk?.map(keyOf),
      input: inspect(d.input, { depth: 8, breakLength: Infinity }),
    }));
    writeFileSync(process.env.DIFFERENTIAL_DUMP, rows.join("\n") + "\n");
    console.log(`  all disagreements written to ${process.env.DIFFERENTIAL_DUMP}`);
  }
});

test("no disagreement, every rule exercised, both verdicts well represented", () => {
  // Requests and response texts are all compared; response objects only
  // where the generated text is JSON (most of them).
  assert.ok(tally.compared >= 2.9 * CASES, "the generation tests did not run");
  assert.ok(tally.bothValid > tally.compared / 20, `too few cases valid on both sides: ${tally.bothValid}`);
  assert.ok(tally.bothInvalid > tally.compared / 20, `too few cases invalid on both sides: ${tally.bothInvalid}`);
  for (const rule of RULES) {
    if (!rule.optional) assert.ok(tally.byRule[rule.name] > 0, `rule ${rule.name} never fired: dead rule or missing generator`);
  }
  assert.equal(tally.disagreements.length, 0, `${tally.disagreements.length} unexplained disagreements (first ones printed above/below)\n` +
    tally.disagreements.slice(0, 5).map(showDisagreement).join("\n"));
  assertNoTokenLeaks();
});
