// A real form consumer of the Standard Schema object: TanStack Form core
// (FormApi + FieldApi, no framework), driven in Node. The schema is the
// form-level validator; TanStack spreads our issues onto the fields their
// paths name.
import { test } from "node:test";
import assert from "node:assert/strict";
import { FieldApi, FormApi } from "@tanstack/form-core";
import { createAgentSessionSchema, validateCreateAgentSession } from "./support/interop.mjs";

function makeForm() {
  const submitted = [];
  const form = new FormApi({
    defaultValues: { prompt: "Connect HubSpot", modelId: undefined, promptAttachments: [{ title: "notes", data: null }] },
    validators: { onChange: createAgentSessionSchema, onSubmit: createAgentSessionSchema },
    onSubmit: ({ value }) => { submitted.push(value); },
  });
  const cleanups = [form.mount()];
  const fields = {};
  for (const name of ["prompt", "modelId", "promptAttachments[0].title"]) {
    fields[name] = new FieldApi({ form, name });
    cleanups.push(fields[name].mount());
  }
  return { form, fields, submitted, unmount: () => cleanups.forEach((f) => f()) };
}

/** The codes of the errors TanStack shows on a field (our Issue objects). */
const codesOf = (field) => field.state.meta.errors.map((e) => e.code);

test("TanStack Form: our issues appear under the fields their paths name, and clear when fixed", () => {
  const { form, fields, unmount } = makeForm();
  try {
    fields.prompt.handleChange("");
    fields.modelId.handleChange("openai/gpt-5.3");
    fields["promptAttachments[0].title"].handleChange("");

    const expected = validateCreateAgentSession(form.state.values).issues;
    assert.equal(expected.length, 3);
    assert.deepEqual(codesOf(fields.prompt), ["too_small"]);
    assert.deepEqual(codesOf(fields.modelId), ["invalid_value"]);
    assert.deepEqual(codesOf(fields["promptAttachments[0].title"]), ["too_small"]);
    // The very issue objects, with their messages and paths.
    assert.deepEqual(fields.modelId.state.meta.errors, expected.filter((i) => i.path[0] === "modelId"));
    assert.equal(fields.modelId.state.meta.errors[0].message, expected.find((i) => i.path[0] === "modelId").message);
    assert.equal(form.state.canSubmit, false);

    fields.prompt.handleChange("Connect Salesforce");
    assert.deepEqual(codesOf(fields.prompt), [], "fixed: prompt clears");
    assert.deepEqual(codesOf(fields.modelId), ["invalid_value"], "the others stay");

    fields.modelId.handleChange("openai/gpt-5.2");
    fields["promptAttachments[0].title"].handleChange("spec");
    for (const field of Object.values(fields)) assert.deepEqual(field.state.meta.errors, []);
    assert.equal(form.state.canSubmit, true);
  } finally {
    unmount();
  }
});

test("TanStack Form: submit is refused while invalid and gets the values once valid", async () => {
  const { form, fields, submitted, unmount } = makeForm();
  try {
    fields.modelId.setValue("Anthropic/claude-opus-4.6");
    await form.handleSubmit();
    assert.deepEqual(submitted, []);
    const [error] = fields.modelId.state.meta.errors;
    assert.equal(error.code, "invalid_value");
    assert.equal(error.suggestion, "anthropic/claude-opus-4.6");

    fields.modelId.setValue(error.suggestion);
    await form.handleSubmit();
    assert.equal(submitted.length, 1);
    assert.deepEqual(submitted[0], {
      prompt: "Connect HubSpot", modelId: "anthropic/claude-opus-4.6", promptAttachments: [{ title: "notes", data: null }],
    });
  } finally {
    unmount();
  }
});

test("TanStack Form: an issue about the whole value (an unknown key) is a form-level error", () => {
  const { form, fields, unmount } = makeForm();
  try {
    form.setFieldValue("promt", "typo");
    form.validateSync("change");
    const formErrors = Object.values(form.state.errorMap).filter(Boolean);
    assert.equal(formErrors.length, 1, JSON.stringify(form.state.errorMap));
    // TanStack keys form-level issues by their path; ours is the root, "".
    const issues = formErrors[0][""];
    assert.deepEqual(issues.map((i) => [i.code, i.keys, i.suggestion]), [["unrecognized_keys", ["promt"], "prompt"]]);
    assert.deepEqual(fields.prompt.state.meta.errors, []);
  } finally {
    unmount();
  }
});
