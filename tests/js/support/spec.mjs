// Reads the contract, spec/SPEC.md (the repository's copy), at run time, so that the oracles
// in these tests (the timestamp pattern, the enumerations) are the documented
// ones and not a copy kept by the code under test.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Where SPEC.md is looked for, first match wins. */
export const SPEC_CANDIDATES = [
  process.env.MEMBRANE_SPEC_MD,
  join(REPO_ROOT, "spec/SPEC.md"),
].filter(Boolean);

let cached;

/** The path of SPEC.md and its text. Throws if it cannot be found. */
export function readSpec() {
  if (cached) return cached;
  const path = SPEC_CANDIDATES.find((p) => existsSync(p));
  if (!path) {
    throw new Error(
      `SPEC.md not found; looked in:\n  ${SPEC_CANDIDATES.join("\n  ")}\n` +
        "set MEMBRANE_SPEC_MD to its path",
    );
  }
  cached = { path, text: readFileSync(path, "utf8") };
  return cached;
}

/** The documented timestamp pattern: the fenced block under "## Timestamp". */
export function timestampPatternSource() {
  const { text, path } = readSpec();
  const section = text.split(/^## /m).find((s) => s.startsWith("Timestamp"));
  const match = section && section.match(/```[a-z]*\n([^\n]+)\n```/);
  if (!match) throw new Error(`no fenced pattern under "## Timestamp" in ${path}`);
  return match[1];
}

/** `new RegExp(<the documented pattern>)`: the oracle, with ECMAScript semantics. */
export function timestampRegExp() {
  return new RegExp(timestampPatternSource());
}

/**
 * The enumeration table of SPEC.md as { WorkspaceElementType: [...], ModelId: [...], ... },
 * in table order. Each row's declared count is checked against its list.
 */
export function specEnums() {
  const { text, path } = readSpec();
  const enums = {};
  for (const line of text.split("\n")) {
    const row = line.match(/^\| (\w+) \((\d+)\) \| (.+) \|$/);
    if (!row) continue;
    const values = row[3].split(",").map((v) => v.trim());
    if (values.length !== Number(row[2])) {
      throw new Error(`${path}: ${row[1]} declares ${row[2]} values but lists ${values.length}`);
    }
    enums[row[1]] = values;
  }
  for (const name of ["WorkspaceElementType", "ModelId", "AgentName", "AgentSessionStatus", "AgentSessionState"]) {
    if (!enums[name]) throw new Error(`${path}: enumeration ${name} not found`);
  }
  return enums;
}

/** True if SPEC.md contains `sentence` (whitespace-insensitive): used to prove each
 * differential rule quotes the contract rather than paraphrasing it. */
export function specSays(sentence) {
  const squash = (s) => s.replace(/\s+/g, " ").trim();
  return squash(readSpec().text).includes(squash(sentence));
}
