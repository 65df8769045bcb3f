// What apps/browser-few.js must see: two functions used alone still answer
// as SPEC says (so the wasm was instantiated although little was imported).
import assert from 'node:assert/strict';

export function assertFewObservations(seen) {
  assert.deepEqual(seen.timestamps, [true, false], 'a leap day, then a day that does not exist');
  assert.deepEqual(seen.valid, { success: true, data: { prompt: 'hi', modelId: 'openai/gpt-5.2' } });
  assert.equal(seen.invalid.success, false);
  assert.deepEqual(seen.invalid.issues.map((i) => [i.code, i.path.join('.')]).sort(),
    [['invalid_value', 'modelId'], ['too_small', 'prompt']]);
}
