// A module Web Worker: it imports the package (served as installed, no
// bundler; workers do not see the page's import map, so by path) and posts
// what it answered back to the page.
import * as pkg from '/node_modules/membrane-agent-session/index.js';
import { runChecks } from '/page-checks.js';

runChecks(pkg, { baseUrl: self.location.origin + '/api' }).then(
  (seen) => postMessage({ status: 'done', seen }),
  (error) => postMessage({ status: 'error', text: String(error?.stack ?? error) }),
);
