// The interop exports, imported from the built package by name as users do.
//
// Stopgap while scripts/assemble-pkg.mjs does not ship js/interop.js yet:
// the file is then loaded from a temporary copy of pkg/web placed beside it
// (the glue initialised from its bytes), so that its behaviour is still
// tested. `packaged` says which one the tests got; the suite's first test
// fails while it is false, so the stopgap never hides a missing export.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as pkg from "membrane-agent-session";
import { REPO_ROOT } from "../../js/support/spec.mjs";

export const INTEROP_NAMES = [
  "createAgentSessionSchema", "agentSessionSchema", "flattenIssues", "formatIssues",
  "createAgentSessionJsonSchema", "agentSessionJsonSchema",
];

export const packaged = INTEROP_NAMES.every((name) => name in pkg);

async function loadStopgap() {
  const dir = mkdtempSync(join(tmpdir(), "mas-interop-"));
  try {
    cpSync(join(REPO_ROOT, "pkg", "web"), dir, { recursive: true });
    cpSync(join(REPO_ROOT, "js", "interop.js"), join(dir, "interop.js"));
    const glue = await import(pathToFileURL(join(dir, "membrane_agent_session.js")).href);
    glue.initSync({ module: readFileSync(join(dir, "membrane_agent_session_bg.wasm")) });
    const interop = await import(pathToFileURL(join(dir, "interop.js")).href);
    // The glue's own functions, from the same instance as interop.js uses.
    return { ...glue, ...interop };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The package's exports, interop names included (see `packaged`). */
export const api = packaged ? pkg : await loadStopgap();

export const {
  createAgentSessionSchema, agentSessionSchema, flattenIssues, formatIssues,
  createAgentSessionJsonSchema, agentSessionJsonSchema,
  validateCreateAgentSession, parseAgentSession,
} = api;
