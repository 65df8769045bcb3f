// The TypeScript declarations read as JavaScript docs: every export of the
// package root has a doc comment with @param (when it takes arguments),
// @returns (functions) and an @example, and no Rust doc syntax or Rust names
// leak into any shipped .d.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir } from './support/packed.mjs';
import { PUBLIC_NAMES } from './support/spec-values.mjs';

const declarationFiles = readdirSync(packageDir).filter((f) => f.endsWith('.d.ts'));

// name -> the doc comment of its first declaration (overloads share it).
function docComments() {
  const docs = new Map();
  for (const file of declarationFiles) {
    const text = readFileSync(join(packageDir, file), 'utf8');
    for (const m of text.matchAll(/^export (?:declare )?(function|const) (\w+)(\s*\(\s*\))?/gm)) {
      const [, kind, name, noArgs] = m;
      if (docs.has(name)) continue;
      const before = text.slice(0, m.index).trimEnd();
      const doc = before.endsWith('*/') ? before.slice(before.lastIndexOf('/**')) : '';
      docs.set(name, { file, kind, takesArguments: kind === 'function' && !noArgs, doc });
    }
  }
  return docs;
}

test('every export has @param, @returns and an @example', () => {
  const docs = docComments();
  const problems = [];
  for (const name of PUBLIC_NAMES) {
    const entry = docs.get(name);
    if (!entry) { problems.push(`${name}: no declaration`); continue; }
    const missing = [];
    if (!entry.doc) missing.push('a doc comment');
    if (entry.takesArguments && !/@param\b/.test(entry.doc)) missing.push('@param');
    if (entry.kind === 'function' && !/@returns\b/.test(entry.doc)) missing.push('@returns');
    const summary = entry.doc.replace(/^\/\*\*/, '').split(/^\s*\*\s*@/m)[0].replace(/^\s*\*/gm, '').trim();
    if (entry.doc && summary === '') missing.push('a description');
    // An example with code in it, not an empty fence.
    const example = /@example\b([\s\S]*?)(?=^\s*\*\s*@|\*\/)/m.exec(entry.doc)?.[1] ?? '';
    if (!/[\w(]/.test(example.replace(/```\w*/g, ''))) missing.push('@example with code');
    if (missing.length) problems.push(`${name} (${entry.file}): no ${missing.join(', ')}`);
  }
  assert.deepEqual(problems, []);
});

test('no Rust doc syntax or Rust names in the declarations', () => {
  const problems = [];
  for (const file of declarationFiles) {
    const text = readFileSync(join(packageDir, file), 'utf8');
    for (const [pattern, what] of [
      [/\[`[^`\]]+`\](?!\()/, 'an intra-doc link [`…`]'],
      [/\w::\w/, 'a Rust path (a::b)'],
      [/\b(Option|Vec|Box|HashMap)<|&str\b|\bSelf\b/, 'a Rust type'],
      [/\b[a-z]+_[a-z_]+\(/, 'a snake_case function name'],
    ]) {
      const hit = pattern.exec(text);
      if (hit) problems.push(`${file}: ${what}: …${text.slice(Math.max(0, hit.index - 30), hit.index + 40)}…`);
    }
  }
  assert.deepEqual(problems, []);
});
