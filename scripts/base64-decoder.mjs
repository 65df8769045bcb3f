// How the package turns its inlined base64 back into the module's bytes
// (scripts/assemble-pkg.mjs writes decoderSource() into the glue).
//
// Web APIs only (a Node-only API would make bundlers add a polyfill):
// Uint8Array.fromBase64 where the runtime has it; else a 261-byte wasm
// decoder, scripts/base64.wat, whose bytes are below. atob would take
// 0.4 ms, but the JS loop that copies its string into bytes runs cold, in
// the interpreter: about 5 ms for the module's ~150 KB. The decoder does
// it all in about a tenth of that.

/** wat2wasm scripts/base64.wat (tests/consumers/package.test.mjs checks it). */
export const DECODER_BYTES = [0,97,115,109,1,0,0,0,1,5,1,96,1,127,0,3,2,1,0,5,3,1,0,1,7,19,2,6,109,101,109,111,114,121,2,0,6,100,101,99,111,100,101,0,0,10,126,1,124,1,4,127,65,128,1,33,1,65,128,1,33,2,32,0,65,128,1,106,33,3,2,64,3,64,32,1,32,3,79,13,1,32,1,45,0,0,45,0,0,65,18,116,32,1,45,0,1,45,0,0,65,12,116,114,32,1,45,0,2,45,0,0,65,6,116,32,1,45,0,3,45,0,0,114,114,33,4,32,2,32,4,65,16,118,58,0,0,32,2,32,4,65,8,118,58,0,1,32,2,32,4,58,0,2,32,1,65,4,106,33,1,32,2,65,3,106,33,2,12,0,11,11,11,11,86,1,0,65,43,11,80,62,0,0,0,63,52,53,54,55,56,57,58,59,60,61,0,0,0,0,0,0,0,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,0,0,0,0,0,0,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51];

/** The glue's `wasmBytes(base64)`. */
export function decoderSource() {
  return `function wasmBytes(base64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  const { memory, decode } = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array([${DECODER_BYTES.join(',')}]))).exports;
  const room = 128 + base64.length - memory.buffer.byteLength;
  if (room > 0) memory.grow(Math.ceil(room / 65536));
  const n = new TextEncoder().encodeInto(base64, new Uint8Array(memory.buffer, 128)).written;
  decode(n);
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return new Uint8Array(memory.buffer, 128, (n / 4) * 3 - padding);
}`;
}
