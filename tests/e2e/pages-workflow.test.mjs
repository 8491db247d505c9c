// The GitHub Pages workflow is valid YAML, builds with exactly the commands
// docs/deploy.md gives for deploying, and publishes build/site.
import assert from 'node:assert/strict';
import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import test from 'node:test';

// yaml is a development dependency of the web package.
const YAML = createRequire(path.resolve('web/package.json'))('yaml');

// The indented block after "with the project's own commands," in
// docs/deploy.md's "GitHub Pages".
function documentedCommands() {
  const deploy = readFileSync('docs/deploy.md', 'utf8');
  const section = deploy.slice(deploy.indexOf('## GitHub Pages'));
  const after = section.slice(section.indexOf("with the project's own commands,"));
  const lines = after.split('\n').slice(1);
  const block = [];
  for (const line of lines.slice(lines.findIndex((l) => l.startsWith('    ')))) {
    if (!line.startsWith('    ')) break;
    block.push(line.trim());
  }
  return block;
}

test('the Pages workflow parses and its build steps are the commands docs/deploy.md gives', () => {
  const document = YAML.parseDocument(readFileSync('.github/workflows/pages.yml', 'utf8'));
  assert.deepEqual(document.errors, []);
  const workflow = document.toJS();
  assert.deepEqual(workflow.on.push.branches, ['main']);
  assert.equal(workflow.permissions.pages, 'write');

  const steps = workflow.jobs.build.steps;
  const checkout = steps.findIndex((s) => String(s.uses ?? '').startsWith('actions/checkout@'));
  assert.ok(checkout >= 0, 'the build job checks the repository out');
  const commands = steps.slice(checkout + 1).filter((s) => s.run).map((s) => s.run.trim());
  const documented = documentedCommands();
  assert.equal(documented.length, 2, `docs/deploy.md lists ${documented.join(' | ')}`);
  assert.deepEqual(commands, documented);
  for (const command of commands) {
    const script = command.split(/\s+/).find((word) => word.startsWith('scripts/'));
    accessSync(script, constants.X_OK);
  }

  const upload = steps.find((s) => String(s.uses ?? '').startsWith('actions/upload-pages-artifact@'));
  assert.equal(upload.with.path, 'build/site');
  assert.deepEqual([workflow.jobs.deploy.needs].flat(), ['build']);
  assert.ok(workflow.jobs.deploy.steps.some((s) => String(s.uses ?? '').startsWith('actions/deploy-pages@')));
});
