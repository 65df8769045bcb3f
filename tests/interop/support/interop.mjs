// The interop exports, imported from the built package by name as users do.
// `packaged` says whether the package root has them all; the suite's first
// test fails while it does not (scripts/assemble-pkg.mjs ships js/interop.js
// once the glue exports what that file imports).
import * as pkg from "membrane-agent-session";

export const INTEROP_NAMES = [
  "createAgentSessionSchema", "agentSessionSchema", "flattenIssues", "formatIssues",
  "createAgentSessionJsonSchema", "agentSessionJsonSchema",
];

export const packaged = INTEROP_NAMES.every((name) => name in pkg);

export const {
  createAgentSessionSchema, agentSessionSchema, flattenIssues, formatIssues,
  createAgentSessionJsonSchema, agentSessionJsonSchema,
  validateCreateAgentSession, parseAgentSession,
} = pkg;
