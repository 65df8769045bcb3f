// A browser app as a user writes it: the package by name, no plugin, no
// init call. The test copies page-checks.js beside this file.
import * as pkg from 'membrane-agent-session';
import { runChecks } from './page-checks.js';

const out = document.querySelector('#observations');
runChecks(pkg, { baseUrl: location.origin + '/api' }).then(
  (seen) => { out.textContent = JSON.stringify(seen); document.body.dataset.status = 'done'; },
  (error) => { out.textContent = String(error?.stack ?? error); document.body.dataset.status = 'error'; },
);
