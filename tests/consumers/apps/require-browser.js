// CommonJS in a browser bundle: `require()` must give the functions at once
// (not a Promise), as the types promise.
const pkg = require('membrane-agent-session');
const { runChecks } = require('./page-checks.js');

const out = document.querySelector('#observations');
const kind = { isPromise: pkg instanceof Promise || typeof pkg.then === 'function', type: typeof pkg.validateCreateAgentSession };
runChecks(pkg, { baseUrl: location.origin + '/api' }).then(
  (seen) => { out.textContent = JSON.stringify({ ...seen, requireKind: kind }); document.body.dataset.status = 'done'; },
  (error) => { out.textContent = String(error?.stack ?? error); document.body.dataset.status = 'error'; },
);
