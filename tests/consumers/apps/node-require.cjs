'use strict';
// A CommonJS script run by Node itself: require() by name, usable at once.
const pkg = require('membrane-agent-session');

const immediate = pkg.validateCreateAgentSession({ prompt: 'now' }).success;
import('./page-checks.js')
  .then(({ runChecks }) => runChecks(pkg, { baseUrl: process.env.MAS_BASE_URL }))
  .then(
    (seen) => { console.log(JSON.stringify({ ...seen, immediate })); },
    (error) => { console.error(error); process.exitCode = 1; },
  );
