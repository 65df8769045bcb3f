// A real server consumer of the Standard Schema object: Hono 4 with
// @hono/standard-validator, driven in-process with app.request() (no socket).
import { test } from "node:test";
import assert from "node:assert/strict";
import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
import { createAgentSessionSchema, flattenIssues, validateCreateAgentSession } from "./support/interop.mjs";

function makeApp() {
  const seen = [];
  const app = new Hono();
  app.post("/agent/sessions", sValidator("json", createAgentSessionSchema), (c) => {
    const body = c.req.valid("json");
    seen.push(body);
    return c.json({ accepted: body.prompt }, 201);
  });
  // The same with a hook that answers in the z.flattenError shape.
  app.post("/flat", sValidator("json", createAgentSessionSchema, (result, c) => {
    if (!result.success) return c.json(flattenIssues(result.error), 422);
  }), (c) => {
    seen.push(c.req.valid("json"));
    return c.body(null, 204);
  });
  return { app, seen };
}

const post = (app, path, body) => app.request(path, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

test("Hono: a bad body gets a 400 carrying our issues, and the handler never runs", async () => {
  const { app, seen } = makeApp();
  const body = { promt: "Connect HubSpot", modelId: "openai/gpt-5.3", isExternal: "yes" };
  const response = await post(app, "/agent/sessions", body);
  assert.equal(response.status, 400);
  const answer = await response.json();
  assert.equal(answer.success, false);
  assert.deepEqual(answer.error, validateCreateAgentSession(body).issues, "exactly our issues, sent as JSON");
  assert.deepEqual(
    answer.error.map((i) => `${i.code} ${JSON.stringify(i.path)}`).sort(),
    ['invalid_type ["isExternal"]', 'invalid_type ["prompt"]', 'invalid_value ["modelId"]', "unrecognized_keys []"],
  );
  assert.equal(answer.error.find((i) => i.code === "unrecognized_keys").suggestion, "prompt");
  assert.deepEqual(seen, []);
});

test("Hono: a good body reaches the handler as the validated data", async () => {
  const { app, seen } = makeApp();
  // Keys out of SPEC's order: the handler gets validateCreateAgentSession's data (SPEC's order).
  const body = {
    promptAttachments: [{ title: "spec", data: { fields: ["a", 1, null] } }],
    modelId: "anthropic/claude-haiku-4.5",
    prompt: "Connect HubSpot",
  };
  const response = await post(app, "/agent/sessions", body);
  assert.equal(response.status, 201, await response.clone().text());
  assert.deepEqual(await response.json(), { accepted: "Connect HubSpot" });
  assert.equal(seen.length, 1);
  assert.deepEqual(seen[0], validateCreateAgentSession(body).data);
  assert.deepEqual(Object.keys(seen[0]), ["prompt", "modelId", "promptAttachments"]);
});

test("Hono: a hook can answer with flattenIssues", async () => {
  const { app, seen } = makeApp();
  const response = await post(app, "/flat", { prompt: "", agentName: "Membrane", zzz: 1 });
  assert.equal(response.status, 422);
  const flat = await response.json();
  assert.deepEqual(Object.keys(flat.fieldErrors).sort(), ["agentName", "prompt"]);
  assert.equal(flat.formErrors.length, 1, "the unknown key is about the whole body");
  assert.equal((await post(app, "/flat", { prompt: "ok" })).status, 204);
  assert.deepEqual(seen, [{ prompt: "ok" }]);
});

test("Hono: a body that is JSON but not an object is refused with our issue", async () => {
  const { app, seen } = makeApp();
  for (const body of ["[]", "null", '"prompt"', "42"]) {
    const response = await post(app, "/agent/sessions", body);
    assert.equal(response.status, 400, body);
    const answer = await response.json();
    assert.deepEqual(answer.error, validateCreateAgentSession(JSON.parse(body)).issues);
    assert.deepEqual(answer.error.map((i) => i.code), ["invalid_type"]);
  }
  assert.deepEqual(seen, []);
});
