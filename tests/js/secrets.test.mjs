// Secrets: SPEC says the token "never appears in an issue message, an error,
// a log line or a `toCurl` output unless `revealToken: true` is asked for".
// Many calls with distinctive tokens — valid and invalid requests, valid and
// invalid tokens, base URLs that themselves carry the token, tampered
// HttpRequests given to toCurl — and every issue message, every toCurl output
// without revealToken and the text of every thrown error is collected (by
// ./support/package.mjs) and searched for every token passed in.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { generateRequest, generateResponse } from "./support/generate.mjs";
import {
  assertNoTokenLeaks, build, buildGet, buildInterrupt, buildList, buildSend, GOOD_RESPONSE_TEXT, observedStats, parse,
  parseInterrupt, parseList, pkg, registerSecret, toCurl, tokensIn, validate,
} from "./support/package.mjs";
import { createRandom } from "./support/prng.mjs";

const ROUNDS = Number(process.env.SECRETS_ROUNDS ?? 3000);
const PRINTABLE = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0x21 + i)).join("");

function distinctiveToken(r, n) {
  let t = `sk_${n}_`;
  for (let i = 0; i < 20; i++) t += r.chance(0.8) ? r.pick([..."ABCDEFGHJKMNPQRSTUVWXYZ23456789"]) : r.pick([...PRINTABLE]);
  return t;
}

/** Ways to spoil a token so that the builder must refuse it (and must not quote it). */
const SPOIL = [
  (t) => `${t}\r\nX-Injected: yes`, (t) => `${t}\n`, (t) => ` ${t}`, (t) => `${t} `, (t) => `${t}\0`,
  (t) => `${t}\t`, (t) => `${t}é`, (t) => `${t}\u2028`, (t) => `${t}\x7F`, (t) => `Bearer ${t}`,
  (t) => `${t}\uD800`, (t) => `${t}😀`, (t) => `${t.slice(0, 6)} ${t.slice(6)}`,
];

/** Base URLs that carry the token where a careless message would echo it. */
const LEAKY_BASE_URLS = [
  (t) => `https://user:${t}@h.example`, (t) => `https://${t}@h.example`, (t) => `https://h.example/?token=${t}`,
  (t) => `https://h.example/#${t}`, (t) => `http://h.example/${t}`, (t) => `ftp://h.example/${t}`,
  (t) => `https://h.example/${t}\\x`, (t) => `${t}`, (t) => `https://h.example\n${t}`,
];

/** toCurl of each request; how many it refused, each with a TypeError (never another throw). */
function curlRefusals(requests) {
  let refused = 0;
  for (const request of requests) {
    try {
      toCurl(request);
    } catch (error) {
      assert.ok(error instanceof TypeError, `toCurl threw ${String(error)}`);
      refused++;
    }
  }
  return refused;
}

/** Builder options around `token`: as given, spoiled, in a leaky base URL, or beside an unknown key. */
function optionsFor(r, token) {
  const roll = r.int(4);
  if (roll === 0) return { token };
  if (roll === 1) {
    const spoiled = r.pick(SPOIL)(token);
    registerSecret(spoiled);
    return { token: spoiled };
  }
  if (roll === 2) return { token, baseUrl: r.pick(LEAKY_BASE_URLS)(token) };
  return { token, baseUrl: r.pick(["https://h.example/v1", "http://localhost:8080"]), ...(r.chance(0.3) ? { tokn: 1 } : {}) };
}

test(`${ROUNDS} rounds of build/toCurl/validate/parse with distinctive tokens leak no token`, () => {
  const r = createRandom("secrets");
  let revealed = 0;
  let refused = 0;
  let curlErrors = 0;
  for (let n = 0; n < ROUNDS; n++) {
    const token = distinctiveToken(r, n);
    registerSecret(token);
    const { input } = r.chance(0.5) ? generateRequest(r) : { input: { prompt: "hello" } };
    const options = optionsFor(r, token);
    const built = build(input, options);
    if (!built.success) {
      refused++;
      continue;
    }
    const req = built.data;
    assert.equal(req.headers.Authorization, `Bearer ${options.token}`);
    toCurl(req);
    toCurl(req, {});
    toCurl(req, { revealToken: false });
    toCurl(req, { revealToken: undefined });
    toCurl(req, { revealToken: "true" });
    toCurl(req, { revealToken: 1 });
    // Only an own `revealToken: true` may reveal: not one inherited from a prototype.
    toCurl(req, Object.create({ revealToken: true }));
    // Revealing must work, which also shows the scan would see a leak.
    const shown = pkg.toCurl(req, { revealToken: true });
    const quoted = options.token.replaceAll("'", "'\\''"); // as the single-quoted shell word holds it
    assert.ok(shown.includes(quoted), `revealToken: true did not reveal the token: ${shown.slice(0, 200)}`);
    if (!options.token.includes("'")) assert.deepEqual(tokensIn(shown).includes(options.token), true);
    revealed++;
    // Tampered HttpRequests: toCurl may refuse them with a TypeError, never quoting the token.
    const other = distinctiveToken(r, `other${n}`);
    registerSecret(other);
    const tampered = [
      { ...req, url: 5 }, { ...req, body: { token } }, { ...req, method: "GET" }, { ...req, headers: null },
      { ...req, headers: { ...req.headers, Authorization: `Bearer ${other}` } },
      { ...req, headers: { ...req.headers, Authorization: `Bearer ${token}\r\nX: 1` } },
      { ...req, headers: { ...req.headers, Authorization: 5 } },
      { ...req, headers: { Authorization: `Bearer ${token}` } },
    ];
    curlErrors += curlRefusals(tampered);
  }
  // Validation and parsing messages are collected too (no token is involved, but nothing may echo one).
  const rr = createRandom("secrets-more");
  for (let n = 0; n < ROUNDS; n++) {
    validate(generateRequest(rr).input);
    parse(generateResponse(rr).text);
  }
  console.log(`secrets: ${ROUNDS} tokens; ${revealed} requests built, ${refused} refused, ${curlErrors} toCurl TypeErrors; ${JSON.stringify(observedStats())}`);
  assert.ok(revealed > ROUNDS / 8 && refused > ROUNDS / 8, "the rounds did not cover both outcomes");
});

const LIFECYCLE_ROUNDS = Number(process.env.SECRETS_LIFECYCLE_ROUNDS ?? 1500);

/** Lifecycle params, valid or carrying `secret` where it is refused (so no message may quote it). */
function lifecycleCall(r, secret) {
  const bad = r.chance(0.5);
  const pick = r.int(4);
  if (pick === 0) {
    const params = { id: r.pick(["s1", "a/b", "../x", "é"]), ...(r.chance(0.5) ? { wait: true } : {}), ...(r.chance(0.5) ? { timeout: 30 } : {}) };
    if (bad) Object.assign(params, r.pick([{ timeout: secret }, { wait: secret }, { id: `${secret}\uD800` }, { id: "..", timeout: 99 }]));
    return [buildGet, params, "GET"];
  }
  if (pick === 1) {
    const params = { ...(r.chance(0.5) ? { limit: 100 } : {}), ...(r.chance(0.5) ? { cursor: "c" } : {}) };
    if (bad) Object.assign(params, r.pick([{ workspaceElementType: secret }, { limit: secret }, { cursor: `${secret}\uDC00` }, { limit: 0 }]));
    return [buildList, params, "GET"];
  }
  if (pick === 2) {
    const params = { id: "s", input: r.pick(["hi", "continue", ""]), ...(r.chance(0.5) ? { attachments: [{ title: "t", data: { k: 1 } }] } : {}) };
    if (bad) Object.assign(params, r.pick([{ synthetic: secret }, { input: `${secret}\uD800` }, { attachments: [{ title: `${secret}\uDBFF`, data: 1 }] }, { attachments: secret }, { input: 5 }]));
    return [buildSend, params, "POST"];
  }
  const params = { id: r.pick(["s", "s 1", "%"]) };
  if (bad) Object.assign(params, r.pick([{ id: `${secret}\uDE00` }, { wait: true }, { id: "." }]));
  return [buildInterrupt, params, "POST"];
}

test(`${LIFECYCLE_ROUNDS} rounds of the lifecycle builders, toCurl and parsers with distinctive tokens leak no token`, () => {
  const r = createRandom("secrets-lifecycle");
  let built = 0;
  let refused = 0;
  let curlErrors = 0;
  for (let n = 0; n < LIFECYCLE_ROUNDS; n++) {
    const token = distinctiveToken(r, `L${n}`);
    registerSecret(token);
    const secretValue = distinctiveToken(r, `V${n}`).replace(/[^A-Za-z0-9_]/g, "x");
    registerSecret(secretValue);
    const [builder, params, method] = lifecycleCall(r, secretValue);
    const options = optionsFor(r, token);
    const result = builder(params, options);
    if (!result.success) {
      refused++;
      continue;
    }
    built++;
    const req = result.data;
    assert.equal(req.method, method);
    assert.equal(req.headers.Authorization, `Bearer ${options.token}`);
    for (const curlOptions of [undefined, {}, { revealToken: false }, { revealToken: "true" }, { revealToken: 1 }, Object.create({ revealToken: true })]) {
      toCurl(req, curlOptions);
    }
    const shown = pkg.toCurl(req, { revealToken: true });
    assert.ok(shown.includes(options.token.replaceAll("'", "'\\''")), "revealToken: true did not reveal the token");
    // Tampered requests: a body on a GET, another method, broken headers.
    const other = distinctiveToken(r, `Lother${n}`);
    registerSecret(other);
    const tampered = [
      { ...req, body: "{}" }, { ...req, method: "DELETE" }, { ...req, url: `${req.url}\n${token}` },
      { ...req, headers: { ...req.headers, Authorization: `Bearer ${other}` } },
      { ...req, headers: { ...req.headers, Authorization: `Bearer ${token}\r\nX: 1` } },
      { method: req.method, url: req.url, headers: { Authorization: `Bearer ${token}` } },
    ];
    curlErrors += curlRefusals(tampered);
    // Answers that hold the secret where it is refused.
    const item = GOOD_RESPONSE_TEXT.slice(0, -1) + `,"status":"${secretValue}","state":"${secretValue}"}`;
    parseList(`{"items":[${GOOD_RESPONSE_TEXT},${item}],"cursor":${r.chance(0.5) ? 5 : '"c"'}}`);
    parseList(`{"items":"${secretValue}"}`);
    parseInterrupt(`{"interrupted":"${secretValue}"}`);
    parseInterrupt(`${secretValue}`);
  }
  console.log(`secrets (lifecycle): ${LIFECYCLE_ROUNDS} tokens; ${built} requests built, ${refused} refused, ${curlErrors} toCurl TypeErrors`);
  assert.ok(built > LIFECYCLE_ROUNDS / 8 && refused > LIFECYCLE_ROUNDS / 8, "the rounds did not cover both outcomes");
});

test("the checker itself finds a token in a text (it can fail)", () => {
  registerSecret("canary-token-0123456789");
  assert.deepEqual(tokensIn("message with canary-token-0123456789 inside"), ["canary-token-0123456789"]);
  assert.deepEqual(tokensIn("message without it"), []);
});

after(() => {
  assertNoTokenLeaks();
});
