import { flattenIssues, formatIssues } from "membrane-agent-session";
import type { AttachmentList } from "./attachments";
import { byId, h } from "./dom";
import type { FormIssue } from "./form-issues";
import { SCALAR_FIELDS } from "./request-fields";

const FIELD_NAMES = new Set<string>(SCALAR_FIELDS);

/** Messages to show under each marked control or fieldset, in the order they were added. */
type Placement = Map<HTMLElement, string[]>;

/**
 * Shows every issue next to the control it is about. The package's
 * `flattenIssues` sorts the issues by field (and, for the fields that are
 * groups of controls, by their parts again); the form only knows which
 * control stands for which field. A control with a problem gets
 * `aria-invalid="true"` and `aria-describedby` naming its hint and its
 * message; a fieldset only gets the message (it is a group, not an input).
 * Issues that lead to no control are listed under the form, written by the
 * package's `formatIssues` (path and message). Returns the elements marked,
 * in page order.
 */
export function showProblems(
  form: HTMLFormElement,
  attachments: AttachmentList,
  issues: readonly FormIssue[],
  extraKeys: ReadonlySet<string>,
): HTMLElement[] {
  for (const element of form.querySelectorAll<HTMLElement>("[data-problem]")) clear(element);

  const placement: Placement = new Map();
  const put = (element: HTMLElement, messages: readonly string[]): void => {
    if (messages.length > 0) placement.set(element, [...(placement.get(element) ?? []), ...messages]);
  };
  const unplaced: FormIssue[] = [];
  const extraBox = named(form, "extraFields");

  const { formErrors, fieldErrors } = flattenIssues(issues);
  // Only the extra-keys box can put an unknown key (an issue about the whole
  // body) or override a field, so that is where those issues belong; their
  // path is part of what is wrong, so it is written out.
  put(extraBox, formErrors);
  for (const [field, messages] of Object.entries(fieldErrors)) {
    if (field === "options") placeOptions(form, issuesBelow(issues, field), put);
    else if (field === "extraFields") put(extraBox, messages);
    else if (extraKeys.has(field)) put(extraBox, lines(issuesAt(issues, field)));
    else if (field === "promptAttachments") placeAttachments(attachments, issuesBelow(issues, field), put);
    else if (FIELD_NAMES.has(field)) put(named(form, field), messages);
    else unplaced.push(...issuesAt(issues, field));
  }

  // Suggestions carried by the issues, to pick out in the messages that name them.
  const suggestions = issues.flatMap((issue) => (issue.suggestion === undefined ? [] : [issue.suggestion]));
  for (const [element, messages] of placement) {
    const problem = problemElement(element);
    problem.replaceChildren(...messages.map((message) => describe(message, suggestions)));
    problem.hidden = false;
    element.setAttribute("aria-describedby", [element.dataset["hint"], problem.id].filter(Boolean).join(" "));
    if (!(element instanceof HTMLFieldSetElement)) element.setAttribute("aria-invalid", "true");
  }

  const other = byId("other-problems", HTMLDivElement);
  other.replaceChildren(
    ...(unplaced.length === 0 ? [] : [h("p", { class: "other-heading" }, "Other problems:")]),
    ...lines(unplaced).map((line) => describe(line, suggestions)),
  );
  other.hidden = unplaced.length === 0;

  const marked = [...placement.keys(), ...(unplaced.length === 0 ? [] : [other])];
  return marked.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** A short name for a marked element: its label, with the attachment it belongs to. */
export function nameOf(element: HTMLElement): string {
  const own =
    element instanceof HTMLFieldSetElement
      ? element.querySelector(":scope > legend")?.textContent
      : element.id === "other-problems"
        ? "Other problems"
        : labelOf(element);
  const row = element.parentElement?.closest(".attachment-row");
  const rowName = row?.querySelector(":scope > legend")?.textContent;
  const name = (own ?? element.id).trim();
  return rowName ? `${rowName.trim()}: ${name}` : name;
}

// `options.token` and `options.baseUrl` have boxes of their own; any other
// problem with the options goes with the token.
function placeOptions(form: HTMLFormElement, issues: FormIssue[], put: (element: HTMLElement, messages: readonly string[]) => void): void {
  const { formErrors, fieldErrors } = flattenIssues(issues);
  const token = named(form, "token");
  put(token, formErrors);
  for (const [option, messages] of Object.entries(fieldErrors)) {
    put(option === "baseUrl" ? named(form, "baseUrl") : token, option === "token" || option === "baseUrl" ? messages : lines(issuesAt(issues, option)));
  }
}

// `promptAttachments[i].title` and `.data` have controls in row i; other
// problems of a row go on the row, problems of the list on the list.
function placeAttachments(
  attachments: AttachmentList,
  issues: FormIssue[],
  put: (element: HTMLElement, messages: readonly string[]) => void,
): void {
  const group = byId("promptAttachments", HTMLFieldSetElement);
  const rows = attachments.rows();
  const { formErrors, fieldErrors } = flattenIssues(issues);
  put(group, formErrors);
  for (const index of Object.keys(fieldErrors)) {
    const row = /^\d+$/.test(index) ? rows[Number(index)] : undefined;
    if (row === undefined) {
      put(group, lines(issuesAt(issues, index)));
      continue;
    }
    const inRow = issuesBelow(issues, index);
    const byPart = flattenIssues(inRow);
    put(row.fieldset, byPart.formErrors);
    for (const [part, partMessages] of Object.entries(byPart.fieldErrors)) {
      if (part === "title") put(row.title, partMessages);
      else if (part === "data") put(row.data, partMessages);
      else put(row.fieldset, lines(issuesAt(inRow, part)));
    }
  }
}

/** The issues whose path starts at `field` (as `flattenIssues` names it: `String(segment)`). */
function issuesAt(issues: readonly FormIssue[], field: string): FormIssue[] {
  return issues.filter((issue) => issue.path.length > 0 && String(issue.path[0]) === field);
}

/** The issues under `field`, with `field` taken off their path: what that part of the form is told. */
function issuesBelow(issues: readonly FormIssue[], field: string): FormIssue[] {
  return issuesAt(issues, field).map((issue) => ({ ...issue, path: issue.path.slice(1) }));
}

/** One line per issue, path and message, as the package writes them. */
function lines(issues: readonly FormIssue[]): string[] {
  return issues.map((issue) => formatIssues([issue]));
}

function labelOf(element: HTMLElement): string | undefined {
  const isControl =
    element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement;
  const label = isControl ? element.labels?.[0] : undefined;
  // The label's first text, without a "(required)" note after it.
  return label?.firstChild?.textContent ?? undefined;
}

function clear(element: HTMLElement): void {
  element.removeAttribute("aria-invalid");
  const hint = element.dataset["hint"];
  if (hint === undefined) element.removeAttribute("aria-describedby");
  else element.setAttribute("aria-describedby", hint);
  const problem = problemElement(element);
  problem.replaceChildren();
  problem.hidden = true;
}

function problemElement(element: HTMLElement): HTMLElement {
  return byId(element.dataset["problem"] ?? "", HTMLElement);
}

function named(form: HTMLFormElement, name: string): HTMLElement {
  const element = form.elements.namedItem(name);
  if (!(element instanceof HTMLElement)) throw new Error(`the form has no single control named "${name}"`);
  return element;
}

// One line per message. The package's messages name the near-miss they
// suggest (`did you mean "prompt"?`); it is picked out so the eye finds it.
function describe(message: string, suggestions: readonly string[]): HTMLElement {
  const line = h("p", { class: "problem-line" });
  const suggestion = suggestions.find((known) => message.includes(`"${known}"`));
  if (suggestion === undefined) {
    line.append(message);
    return line;
  }
  const quoted = `"${suggestion}"`;
  const at = message.lastIndexOf(quoted);
  line.append(message.slice(0, at), h("code", { class: "suggestion" }, quoted), message.slice(at + quoted.length));
  return line;
}
