import {
  buildCreateAgentSessionRequest,
  validateCreateAgentSession,
  type BuildOptions,
  type HttpRequest,
} from "membrane-agent-session";
import { fromPackageIssue, type FormIssue } from "./form-issues";
import type { FormReading } from "./read-form";

export interface CheckedRequest {
  /** The request to preview and send; only when there is no issue at all. */
  request: HttpRequest | undefined;
  /** The token and base URL it was built with, for the calls that follow the session. */
  options: BuildOptions | undefined;
  issues: FormIssue[];
}

const TOKEN_NEEDED: FormIssue = {
  code: "too_small",
  path: ["options", "token"],
  message: "expected an API token, received an empty box (the request cannot be built or sent without one)",
};

/**
 * Checks what the form holds with the package: the builder when there is a
 * token, and the body validator alone when there is none yet, so the other
 * fields are still checked while the token box is empty.
 */
export function checkRequest(reading: FormReading): CheckedRequest {
  if (reading.token === "") {
    const result = validateCreateAgentSession(reading.body);
    const issues = result.success ? [] : result.issues.map(fromPackageIssue);
    return { request: undefined, options: undefined, issues: [...reading.localIssues, ...issues, TOKEN_NEEDED] };
  }
  const options: BuildOptions =
    reading.baseUrl === undefined ? { token: reading.token } : { token: reading.token, baseUrl: reading.baseUrl };
  const result = buildCreateAgentSessionRequest(reading.body, options);
  if (!result.success) {
    return { request: undefined, options: undefined, issues: [...reading.localIssues, ...result.issues.map(fromPackageIssue)] };
  }
  return reading.localIssues.length === 0
    ? { request: result.data, options, issues: [] }
    : { request: undefined, options: undefined, issues: reading.localIssues };
}
