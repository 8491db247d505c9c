// The headline measure is defined one way wherever a reader meets it: the
// page, the figures' captions, the HTML report, the CLI's help and the
// documentation. P(multiple concepts) = 1 − P(same table) is the chance that
// two individuals drawn at random hold different concepts; it was once
// described as the chance that a population holds more than one concept,
// which is 1 for every human concept and a different quantity.
//   node --test tests/docs/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const roots = ['README.md', 'docs', 'web/index.html', 'web/src', 'core', 'wasm'];
const textFile = /\.(md|html|ts|css|cpp|hpp|txt|json)$/;

function filesUnder(p) {
  if (!statSync(p, { throwIfNoEntry: false })) return [];
  if (!statSync(p).isDirectory()) return [p];
  return readdirSync(p).flatMap((name) => filesUnder(path.join(p, name)));
}

// Wordings of the wrong definition, as they were written or could be again.
const wrong = [
  /holds? more than one concept/i,
  /probability that (a|the) population (holds|has) (more than one|several|multiple) concepts?/i,
  /posterior probability of more than one concept/i,
];

test('no text defines P(multiple concepts) as the chance of more than one concept', () => {
  const files = roots.flatMap(filesUnder).filter((f) => textFile.test(f));
  assert.ok(files.length > 50, `only ${files.length} files found: run from the project root`);
  for (const page of ['README.md', 'docs/method.md', 'docs/report.md', 'docs/report.schema.json']) {
    assert.ok(files.includes(page), `${page} is not scanned`);
  }
  const found = [];
  for (const file of files) {
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (wrong.some((w) => w.test(line))) found.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(found, []);
});

test('the page, the README and the docs define it as two individuals holding different concepts', () => {
  const definition = /two individuals drawn at random[^.]*hold different concepts/;
  for (const file of ['web/index.html', 'README.md', 'docs/method.md', 'docs/report.md', 'docs/report.schema.json']) {
    const text = readFileSync(file, 'utf8').replace(/\s+/g, ' ');
    assert.match(text, definition, `${file} does not define P(multiple concepts)`);
  }
});
