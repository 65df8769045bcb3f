import { toCurl, type HttpRequest } from "membrane-agent-session";

/** Stands for the token in a preview that does not reveal it, as in `toCurl`. */
export const TOKEN_VARIABLE = "MEMBRANE_TOKEN";

/**
 * `fetch` code that sends `request`. Unless `revealToken`, the Authorization
 * header reads the token from a variable: the header is replaced as a whole,
 * never by searching for the token's text.
 */
export function fetchCode(request: HttpRequest, revealToken: boolean): string {
  const headers = Object.entries(request.headers).map(([name, value]) => {
    const shown = !revealToken && name.toLowerCase() === "authorization" ? `\`Bearer \${${TOKEN_VARIABLE}}\`` : JSON.stringify(value);
    return `    ${JSON.stringify(name)}: ${shown},`;
  });
  return [
    'import { parseAgentSession } from "membrane-agent-session";',
    "",
    ...(revealToken ? [] : [`// ${TOKEN_VARIABLE}: your API token ("Reveal token" shows it here)`]),
    `const response = await fetch(${JSON.stringify(request.url)}, {`,
    `  method: ${JSON.stringify(request.method)},`,
    "  headers: {",
    ...headers,
    "  },",
    // A GET (and a body-less POST) has no body key at all.
    ...(request.body === undefined ? [] : [`  body: ${bodyExpression(request.body)},`]),
    "});",
    "const session = parseAgentSession(await response.text());",
  ].join("\n");
}

/** The `curl` command from the package, with the token hidden unless `revealToken`. */
export function curlCommand(request: HttpRequest, revealToken: boolean): string {
  return toCurl(request, { revealToken });
}

// The body as readable code that yields exactly `body`: pretty JSON inside
// JSON.stringify when that round-trips, else the JSON text as a string
// literal (a "__proto__" key, for one, means something else in an object
// literal than in JSON).
function bodyExpression(body: string): string {
  try {
    const value: unknown = JSON.parse(body);
    if (JSON.stringify(value) === body && !body.includes('"__proto__"')) {
      return `JSON.stringify(${JSON.stringify(value, null, 2).replaceAll("\n", "\n  ")})`;
    }
  } catch {
    // Not JSON: fall through to the literal.
  }
  return JSON.stringify(body);
}
