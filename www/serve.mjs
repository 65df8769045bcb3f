// Serves www/dist (built by www/build.mjs) on the loopback interface, and a
// stub of the agent-session API (www/stub-api.mjs) below /stub-api, so the
// demo can run a whole session without a real token: use
// http://127.0.0.1:<port>/stub-api as the base URL.
// Usage: PORT=8080 node www/serve.mjs   (PORT=0 picks a free port)
// Zero dependencies. Prints the URL it listens on as its first line.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createStubApi } from "./stub-api.mjs";

const HOST = "127.0.0.1";
const root = fileURLToPath(new URL("./dist/", import.meta.url));
const STUB_PREFIX = "/stub-api";
const stubApi = createStubApi();

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  // Must be exact: WebAssembly.instantiateStreaming refuses any other type.
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

try {
  await stat(join(root, "index.html"));
} catch {
  console.error("www/serve.mjs: www/dist/index.html is missing; run `node www/build.mjs` first");
  process.exit(1);
}

const server = createServer(async (request, response) => {
  const url = request.url ?? "/";
  if (url.startsWith(`${STUB_PREFIX}/`) && stubApi.handle(request, response, url.slice(STUB_PREFIX.length))) return;
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  const file = await resolveFile(url);
  if (file === undefined) {
    response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found\n");
    return;
  }
  response.writeHead(200, {
    "Content-Type": CONTENT_TYPES[extname(file.path)] ?? "application/octet-stream",
    "Content-Length": file.size,
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  createReadStream(file.path)
    .on("error", () => response.destroy())
    .pipe(response);
});

// Maps a URL path to a regular file under root; anything that would leave
// root (../, encoded or not) is simply not found.
async function resolveFile(url) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes("\0")) return undefined;
  if (pathname.endsWith("/")) pathname += "index.html";
  const path = normalize(join(root, pathname));
  if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

server.listen(Number(process.env.PORT || 8080), HOST, () => {
  const { port } = server.address();
  console.log(`serving the demo at http://${HOST}:${port}/`);
  console.log(`a stub of the API at http://${HOST}:${port}${STUB_PREFIX} (use it as the base URL)`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stubApi.close();
    server.close();
    server.closeAllConnections();
  });
}
