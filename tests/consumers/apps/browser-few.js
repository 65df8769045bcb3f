// An app that uses two functions only: with "sideEffects": false a bundler
// may drop what is unused, but never the wasm's instantiation these need.
import { isTimestamp, validateCreateAgentSession } from 'membrane-agent-session';

const seen = {
  timestamps: [isTimestamp('2024-02-29T10:00Z'), isTimestamp('2023-02-29T10:00Z')],
  valid: validateCreateAgentSession({ prompt: 'hi', modelId: 'openai/gpt-5.2' }),
  invalid: validateCreateAgentSession({ prompt: '', modelId: 'gpt' }),
};
document.querySelector('#observations').textContent = JSON.stringify(seen);
document.body.dataset.status = 'done';
