// An empty ES module: bench.mjs imports it in a fresh process to measure
// what Node's loader costs for any file import (the cold-start floor).
export {};
