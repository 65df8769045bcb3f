// A CommonJS app ("type": "commonjs"), bundled for Node: require() by name.
const pkg = require('membrane-agent-session');
const { runChecks } = require('./page-checks.js');

runChecks(pkg, { baseUrl: process.env.MAS_BASE_URL }).then(
  (seen) => { console.log(JSON.stringify(seen)); },
  (error) => { console.error(error); process.exitCode = 1; },
);
