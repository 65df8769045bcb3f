// Builds the demo form into www/dist with Vite's JavaScript API.
// Usage: node www/build.mjs
//
// The package is imported by name, `membrane-agent-session`, and resolved
// like any dependency (node_modules/membrane-agent-session -> ../pkg, made
// by `make pkg`). It carries its wasm inline and compiles it when imported:
// no wasm plugin, no asset and no init call.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/", import.meta.url));
const packageJson = fileURLToPath(new URL("../node_modules/membrane-agent-session/package.json", import.meta.url));

if (!existsSync(packageJson)) {
  console.error("www/build.mjs: the package is not built yet (no node_modules/membrane-agent-session); run `make pkg` first");
  process.exit(1);
}

await build({
  root,
  // No vite.config.* lookup: everything the demo needs is here.
  configFile: false,
  // Relative asset URLs, so dist/ also works when served below a path.
  base: "./",
  logLevel: "warn",
  build: {
    outDir,
    emptyOutDir: true,
    // The demo's own code uses ES2022 (class private fields).
    target: "es2022",
  },
});

console.log(`built the demo into ${outDir}`);
