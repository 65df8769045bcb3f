// One set of assertions for what `runChecks` (page-checks.js) saw, whichever
// way the package was loaded. Each expectation quotes SPEC, not the package.
import assert from 'node:assert/strict';
import { DEFAULT_BASE_URL, ENUMERATIONS, assertPublicNames } from './spec-values.mjs';
import { BROKEN_REQUEST, SAMPLE_REQUEST, SAMPLE_SESSION, TOKEN } from './page-checks.js';

const samePath = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function findIssue(issues, code, path) {
  const issue = issues.find((i) => i.code === code && samePath(i.path, path));
  assert.ok(issue, `expected an issue ${code} at ${JSON.stringify(path)}; got ${JSON.stringify(issues, null, 1)}`);
  return issue;
}

function assertIssueShapes(issues) {
  assert.ok(Array.isArray(issues) && issues.length > 0, `expected issues, got ${JSON.stringify(issues)}`);
  for (const issue of issues) {
    assert.equal(typeof issue.code, 'string', JSON.stringify(issue));
    assert.ok(Array.isArray(issue.path), `path must be an array: ${JSON.stringify(issue)}`);
    assert.ok(issue.path.every((p) => typeof p === 'string' || typeof p === 'number'), JSON.stringify(issue));
    assert.equal(typeof issue.message, 'string', JSON.stringify(issue));
    assert.ok(issue.message.length > 0, JSON.stringify(issue));
  }
}

function assertFailure(result, what) {
  assert.equal(result?.success, false, `${what} should fail: ${JSON.stringify(result)}`);
  assert.equal('data' in result, false, `${what}: a failure carries no data`);
  assertIssueShapes(result.issues);
  return result.issues;
}

function assertSuccess(result, what) {
  assert.equal(result?.success, true, `${what} should succeed: ${JSON.stringify(result)}`);
  assert.equal('issues' in result, false, `${what}: a success carries no issues`);
  return result.data;
}

/**
 * @param seen what runChecks returned
 * @param baseUrl the base URL runChecks was given (the stub server's /api)
 * @param requests what the stub server received, as recorded by static-server.mjs
 */
export function assertObservations(seen, { baseUrl, requests }) {
  // The public surface is SPEC's list, no more (no init, no helpers).
  assertPublicNames(assert, seen.exportNames);

  for (const [name, values] of Object.entries(ENUMERATIONS)) {
    assert.deepEqual(seen.arrays[name], values, `${name}: SPEC's values in SPEC's order`);
    assert.equal(seen.frozen[name], true, `${name} is frozen`);
  }

  assert.deepEqual(seen.guards, {
    isModelId: [true, false, false],
    isWorkspaceElementType: [true, false],
    isAgentName: [true, false],
    isAgentSessionStatus: [true, false],
    isAgentSessionState: [true, false],
    isTimestamp: [true, false, false, false, false, true],
  });

  // A valid request validates to itself.
  assert.deepEqual(assertSuccess(seen.valid, 'the sample request'), SAMPLE_REQUEST);

  // Every problem, each at its path, in one call.
  const issues = assertFailure(seen.invalid, 'the broken request');
  const unknownKey = findIssue(issues, 'unrecognized_keys', []);
  assert.deepEqual(unknownKey.keys, Object.keys(BROKEN_REQUEST).filter((k) => k === 'promt'));
  assert.equal(unknownKey.suggestion, 'prompt');
  findIssue(issues, 'invalid_type', ['prompt']);
  const model = findIssue(issues, 'invalid_value', ['modelId']);
  assert.deepEqual(model.values, ENUMERATIONS.MODEL_IDS);
  assert.equal(model.suggestion, 'anthropic/claude-opus-4.6');
  assert.equal(findIssue(issues, 'invalid_type', ['isExternal']).expected, 'boolean');
  assert.equal(findIssue(issues, 'too_small', ['promptAttachments', 1, 'title']).minimum, 1);
  assert.equal(issues.length, 5, `exactly the five problems: ${JSON.stringify(issues, null, 1)}`);

  findIssue(assertFailure(seen.notAnObject, 'a string as the request'), 'invalid_type', []);

  // The built request is ready for fetch, and fetch really sent it.
  const request = assertSuccess(seen.built, 'building the sample request');
  assert.equal(request.method, 'POST');
  assert.equal(request.url, `${baseUrl}/agent/sessions`);
  assert.deepEqual(request.headers, {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    Authorization: `Bearer ${TOKEN}`,
  });
  assert.equal(typeof request.body, 'string');
  assert.deepEqual(JSON.parse(request.body), SAMPLE_REQUEST);
  assert.equal(assertSuccess(seen.builtWithDefaultBaseUrl, 'building with the default base URL').url,
    `${DEFAULT_BASE_URL}/agent/sessions`);

  if (requests) {
    assert.equal(requests.length, 1, `the stub server got one request: ${JSON.stringify(requests)}`);
    const [sent] = requests;
    assert.equal(sent.method, 'POST');
    assert.equal(sent.path, new URL(request.url).pathname);
    assert.equal(sent.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(sent.headers['content-type'], 'application/json');
    assert.equal(sent.headers.accept, 'application/json');
    assert.equal(sent.body, request.body);
  }

  const optionIssues = assertFailure(seen.badOptions, 'bad builder options');
  findIssue(optionIssues, 'invalid_format', ['options', 'token']);
  findIssue(optionIssues, 'invalid_format', ['options', 'baseUrl']);
  assert.ok(!JSON.stringify(optionIssues).includes(TOKEN), 'no issue repeats the token');

  assert.ok(seen.curl.startsWith('curl '), seen.curl);
  assert.ok(seen.curl.includes(request.url), seen.curl);
  assert.ok(seen.curl.includes('$MEMBRANE_TOKEN'), seen.curl);
  assert.ok(!seen.curl.includes(TOKEN), 'toCurl hides the token by default');
  assert.ok(seen.curlRevealed.includes(TOKEN), 'toCurl shows the token when asked');

  // The answer, parsed: `state` defaults to busy, unknown keys are dropped.
  assert.equal(seen.response.status, 200);
  const session = assertSuccess(seen.response.parsed, 'parsing the stub answer');
  const { serverOnlyField, ...known } = SAMPLE_SESSION;
  assert.deepEqual(session, { ...known, state: 'busy' });
  assert.deepEqual(assertSuccess(seen.parsedObject, 'parsing an object'), session);

  findIssue(assertFailure(seen.parsedNotJson, 'text that is not JSON'), 'invalid_json', []);
  const broken = assertFailure(seen.parsedBroken, 'a session that breaks SPEC');
  findIssue(broken, 'invalid_value', ['status']);
  assert.equal(findIssue(broken, 'invalid_format', ['createdAt']).format, 'datetime');

  assert.deepEqual(assertSuccess(seen.stillWorks, 'a call after all the others'), { prompt: 'again' });
}
