import {
  isAgentName,
  isModelId,
  isWorkspaceElementType,
  type CreateAgentSession,
  type PromptAttachment,
} from "membrane-agent-session";
import type { AttachmentList } from "./attachments";
import type { FormIssue } from "./form-issues";

/** What the form holds, turned into the arguments of the package's builder. */
export interface FormReading {
  /** The request body to check: the typed fields, with any extra keys merged over them. */
  body: unknown;
  token: string;
  /** `undefined` when the box is empty: the builder then uses its default. */
  baseUrl: string | undefined;
  /** Problems found before the package looks, such as JSON that does not parse. */
  localIssues: FormIssue[];
  /** Keys that came from the "extra keys" box: their issues are shown there. */
  extraKeys: ReadonlySet<string>;
}

/**
 * Reads the form. Empty optional boxes and "(not set)" leave their key out;
 * the prompt is always sent as typed, even empty, so that the package is the
 * one to say it is too short. Nothing is trimmed.
 */
export function readForm(form: HTMLFormElement, attachments: AttachmentList): FormReading {
  const localIssues: FormIssue[] = [];
  const body: CreateAgentSession = { prompt: control(form, "prompt").value };

  const workspaceElementType = control(form, "workspaceElementType").value;
  if (isWorkspaceElementType(workspaceElementType)) body.workspaceElementType = workspaceElementType;
  else if (workspaceElementType !== "") localIssues.push(unknownOption("workspaceElementType", workspaceElementType));

  const workspaceElementId = control(form, "workspaceElementId").value;
  if (workspaceElementId !== "") body.workspaceElementId = workspaceElementId;

  const testCustomerId = control(form, "testCustomerId").value;
  if (testCustomerId !== "") body.testCustomerId = testCustomerId;

  const isExternal = control(form, "isExternal").value;
  if (isExternal !== "") body.isExternal = isExternal === "true";

  const modelId = control(form, "modelId").value;
  if (isModelId(modelId)) body.modelId = modelId;
  else if (modelId !== "") localIssues.push(unknownOption("modelId", modelId));

  const agentName = control(form, "agentName").value;
  if (isAgentName(agentName)) body.agentName = agentName;
  else if (agentName !== "") localIssues.push(unknownOption("agentName", agentName));

  const rows = attachments.rows();
  if (rows.length > 0) {
    body.promptAttachments = rows.map((row, index): PromptAttachment => {
      const data = parseJson(row.data.value);
      if (!data.ok) {
        localIssues.push({
          code: "invalid_json",
          path: ["promptAttachments", index, "data"],
          message: `expected a JSON value such as {"a": 1}, "text" or null, received ${data.reason}`,
        });
      }
      // A placeholder keeps the rest of the request checkable; the local
      // issue above already keeps it from being built.
      return { title: row.title.value, data: data.ok ? data.value : null };
    });
  }

  const extra = readExtraKeys(control(form, "extraFields").value);
  if (extra.issue !== undefined) localIssues.push(extra.issue);

  const baseUrl = control(form, "baseUrl").value;
  return {
    body: extra.keys.size === 0 ? body : { ...body, ...extra.fields },
    token: control(form, "token").value,
    baseUrl: baseUrl === "" ? undefined : baseUrl,
    localIssues,
    extraKeys: extra.keys,
  };
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function control(form: HTMLFormElement, name: string): Control {
  const element = form.elements.namedItem(name);
  if (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement
  ) {
    return element;
  }
  throw new Error(`the form has no single control named "${name}"`);
}

// Only reachable if an <option> and the package's guards disagree.
function unknownOption(name: string, value: string): FormIssue {
  return { code: "invalid_value", path: [name], message: `expected a value the package knows, received ${JSON.stringify(value)} from the form` };
}

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

function parseJson(text: string): Parsed {
  if (text.trim() === "") return { ok: false, reason: "an empty box" };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `text that does not parse (${error instanceof Error ? error.message : String(error)})` };
  }
}

interface ExtraKeys {
  fields: Record<string, unknown>;
  keys: ReadonlySet<string>;
  issue?: FormIssue;
}

function readExtraKeys(text: string): ExtraKeys {
  const none = { fields: {}, keys: new Set<string>() };
  if (text.trim() === "") return none;
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return { ...none, issue: { code: "invalid_json", path: ["extraFields"], message: `expected a JSON object, received ${parsed.reason}` } };
  }
  const value = parsed.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ...none, issue: { code: "invalid_type", path: ["extraFields"], message: `expected a JSON object such as {"promt": "hi"}, received ${Array.isArray(value) ? "an array" : value === null ? "null" : typeof value}` } };
  }
  // JSON.parse makes plain objects with own keys only (even "__proto__"), and
  // spreading them copies those keys as data, so no prototype is touched.
  const fields: Record<string, unknown> = { ...value };
  return { fields, keys: new Set(Object.keys(fields)) };
}
