import type { AttachmentList } from "./attachments";
import { byId, h } from "./dom";
import { formatPath, type FormIssue, type IssuePath } from "./form-issues";
import { SCALAR_FIELDS } from "./request-fields";

const FIELD_NAMES = new Set<string>(SCALAR_FIELDS);

/** Where an issue is shown: a control (or a fieldset) and how much of the path it already stands for. */
interface Target {
  element: HTMLElement;
  depth: number;
}

/**
 * Shows every issue next to the control its path leads to. A control with a
 * problem gets `aria-invalid="true"` and `aria-describedby` naming its hint
 * and its message; a fieldset only gets the message (it is a group, not an
 * input). Issues that lead to no control are listed under the form.
 * Returns the elements marked, in page order.
 */
export function showProblems(
  form: HTMLFormElement,
  attachments: AttachmentList,
  issues: readonly FormIssue[],
  extraKeys: ReadonlySet<string>,
): HTMLElement[] {
  for (const element of form.querySelectorAll<HTMLElement>("[data-problem]")) clear(element);

  const byTarget = new Map<HTMLElement, { depth: number; issues: FormIssue[] }>();
  const unplaced: FormIssue[] = [];
  for (const issue of issues) {
    const target = targetFor(form, attachments, issue.path, extraKeys);
    if (target === undefined) {
      unplaced.push(issue);
      continue;
    }
    const entry = byTarget.get(target.element) ?? { depth: target.depth, issues: [] };
    entry.issues.push(issue);
    byTarget.set(target.element, entry);
  }

  for (const [element, entry] of byTarget) {
    const problem = problemElement(element);
    problem.replaceChildren(...entry.issues.map((issue) => describe(issue, issue.path.slice(entry.depth))));
    problem.hidden = false;
    element.setAttribute("aria-describedby", [element.dataset["hint"], problem.id].filter(Boolean).join(" "));
    if (!(element instanceof HTMLFieldSetElement)) element.setAttribute("aria-invalid", "true");
  }

  const other = byId("other-problems", HTMLDivElement);
  other.replaceChildren(
    ...(unplaced.length === 0 ? [] : [h("p", { class: "other-heading" }, "Other problems:")]),
    ...unplaced.map((issue) => describe(issue, issue.path)),
  );
  other.hidden = unplaced.length === 0;

  const marked = [...byTarget.keys(), ...(unplaced.length === 0 ? [] : [other])];
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

function targetFor(
  form: HTMLFormElement,
  attachments: AttachmentList,
  path: IssuePath,
  extraKeys: ReadonlySet<string>,
): Target | undefined {
  const [head, second, third] = path;
  if (head === "options") {
    if (second === "baseUrl") return { element: named(form, "baseUrl"), depth: 2 };
    return { element: named(form, "token"), depth: second === "token" ? 2 : 1 };
  }
  // Only the extra-keys box can put an unknown key (an issue at the root) or
  // override a field, so that is where those issues belong.
  if (head === undefined || head === "extraFields" || extraKeys.has(String(head))) {
    return { element: named(form, "extraFields"), depth: head === "extraFields" ? 1 : 0 };
  }
  if (head === "promptAttachments") {
    const group = byId("promptAttachments", HTMLFieldSetElement);
    const row = typeof second === "number" ? attachments.rows()[second] : undefined;
    if (row === undefined) return { element: group, depth: 1 };
    if (third === "title") return { element: row.title, depth: 3 };
    if (third === "data") return { element: row.data, depth: 3 };
    return { element: row.fieldset, depth: 2 };
  }
  if (typeof head === "string" && FIELD_NAMES.has(head)) return { element: named(form, head), depth: 1 };
  return undefined;
}

function named(form: HTMLFormElement, name: string): HTMLElement {
  const element = form.elements.namedItem(name);
  if (!(element instanceof HTMLElement)) throw new Error(`the form has no single control named "${name}"`);
  return element;
}

// One line per issue: where (below the control, if deeper), what, and the
// near-miss the package suggests.
function describe(issue: FormIssue, rest: IssuePath): HTMLElement {
  const line = h("p", { class: "problem-line", "data-code": issue.code });
  if (rest.length > 0) line.append(h("code", { class: "problem-path" }, formatPath(rest)), ": ");
  line.append(issue.message);
  // The package's messages already end in `did you mean "…"?`; say it only
  // where the words do not.
  if (issue.suggestion !== undefined && !/did you mean/i.test(issue.message)) {
    line.append(" ", h("span", { class: "suggestion" }, "Did you mean ", h("code", {}, issue.suggestion), "?"));
  }
  return line;
}
