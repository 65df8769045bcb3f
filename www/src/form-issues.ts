import type { Issue } from "membrane-agent-session";

export type IssuePath = readonly (string | number)[];

/**
 * A problem to show in the form: either one of the package's issues, or one
 * the form finds itself before the package can look (JSON that does not
 * parse, a missing token).
 */
export interface FormIssue {
  code: string;
  path: IssuePath;
  message: string;
  suggestion?: string;
}

/** Keeps what the form shows of a package issue: its code, path, message and suggestion. */
export function fromPackageIssue(issue: Issue): FormIssue {
  const suggestion = suggestionOf(issue);
  return suggestion === undefined
    ? { code: issue.code, path: issue.path, message: issue.message }
    : { code: issue.code, path: issue.path, message: issue.message, suggestion };
}

// Only `invalid_value` and `unrecognized_keys` issues may carry a suggestion.
function suggestionOf(issue: Issue): string | undefined {
  return "suggestion" in issue ? issue.suggestion : undefined;
}
