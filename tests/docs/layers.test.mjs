// The layer check fails on an include that points up a layer, naming the file,
// the line and both layers, and passes on the project as it is.
//   node --test tests/docs/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.join(project, 'scripts/check-layers.mjs');

function check(root) {
  return spawnSync(process.execPath, [script, ...(root ? [root] : [])], { encoding: 'utf8' });
}

// A copy of core/ and wasm/ to plant includes in.
function withCopy(body) {
  const root = mkdtempSync(path.join(tmpdir(), 'shoal-layers-'));
  try {
    for (const dir of ['core', 'wasm']) cpSync(path.join(project, dir), path.join(root, dir), { recursive: true });
    body(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('the project as it is: no include points up a layer', () => {
  const run = check();
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
});

test('a domain that includes compare fails, named by file, line and both layers', () => {
  withCopy((root) => {
    const file = path.join(root, 'core/concept/diversity.hpp');
    const line = readFileSync(file, 'utf8').split('\n').length;
    appendFileSync(file, '#include "compare/comparison.hpp"\n');
    const run = check(root);
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      new RegExp(
        `core/concept/diversity\\.hpp:${line}: concept \\(layer domains\\) includes "compare/comparison\\.hpp" ` +
          'from compare \\(layer compare\\), a higher layer',
      ),
    );
  });
});

test('io including a report, and compare including a report, fail too; the same layer passes', () => {
  withCopy((root) => {
    writeFileSync(path.join(root, 'core/io/planted.cpp'), '// planted\n  #  include "report/json_writer.hpp"\n');
    writeFileSync(path.join(root, 'core/compare/planted.hpp'), '#include "concept/diversity.hpp"\n#include "report/report_json.hpp"\n');
    writeFileSync(path.join(root, 'core/kit/planted.hpp'), '#include "color/lab.hpp"\n#include "stats/rng.hpp"\n');
    const run = check(root);
    assert.equal(run.status, 1);
    const lines = run.stderr.trim().split('\n').slice(1);
    assert.deepEqual(lines.sort(), [
      'core/compare/planted.hpp:2: compare (layer compare) includes "report/report_json.hpp" from report (layer report), a higher layer',
      'core/io/planted.cpp:2: io (layer io and stats) includes "report/json_writer.hpp" from report (layer report), a higher layer',
    ]);
  });
});

test('a folder of core/ in no layer fails until it is given one', () => {
  withCopy((root) => {
    mkdirSync(path.join(root, 'core/plots'));
    const run = check(root);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /core\/plots\/: in no layer/);
  });
});
