import type { CreateAgentSession } from "membrane-agent-session";

/** The request fields that have a form control of their own, named like the field. */
export const SCALAR_FIELDS = [
  "prompt",
  "workspaceElementType",
  "workspaceElementId",
  "testCustomerId",
  "isExternal",
  "modelId",
  "agentName",
] as const satisfies readonly (keyof CreateAgentSession)[];
