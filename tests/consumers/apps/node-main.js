// A server-side app, bundled for Node: prints what the package answered as
// one JSON line. The test runs a stub API and passes its URL.
import * as pkg from 'membrane-agent-session';
import { runChecks } from './page-checks.js';

runChecks(pkg, { baseUrl: process.env.MAS_BASE_URL }).then(
  (seen) => { console.log(JSON.stringify(seen)); },
  (error) => { console.error(error); process.exitCode = 1; },
);
