// With three workers or more the page parses the similarity files in
// several workers at once (each other worker a share, whose chains it starts
// at once) and matches the chains across plans by key: the report must still
// be the CLI's, and each chain must have run once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { cliReport, downloadOf, shared, useSite } from './support.mjs';

const names = ['gemma-instruct-prompt=none-temp=default.csv', 'openchat-prompt=random-temp=default.csv',
  'tulu-prompt=identity-temp=default.csv', 'zephyr-mistral-prompt=none-temp=default.csv'];
const conceptFiles = names.map((name) => path.join(shared, 'paper-data/concept-task/llm-responses', name));

const shoal = useSite();

test('four workers, three of them parsing a share of the files, give the CLI report', async () => {
  const context = await shoal.context();
  await context.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 4 }));
  const { page, consoleErrors } = await shoal.open({ context });
  assert.match(await page.textContent('#engine-status'), /4 workers/);
  await page.setInputFiles('#file-input', conceptFiles);
  for (const name of names) await page.waitForSelector(`article[data-file="${name}"] .recognised:has-text("conceptual similarity")`);
  await page.fill('input[name="iterations"]', '60');
  await page.fill('input[name="burnIn"]', '20');
  await page.fill('input[name="chains"]', '2');
  await page.fill('input[name="seed"]', '5');
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 180000 });

  // Every worker parsed: worker 0 all the files, the three others a share each.
  const parses = await page.evaluate(() => performance.getEntriesByName('shoal:parsing', 'measure').length);
  assert.equal(parses, 4);
  assert.match(await page.textContent('#run-status'), /on 4 workers/);
  const report = await downloadOf(page, 'button[data-download="concept-report.json"]');
  const parsed = JSON.parse(report.bytes.toString());
  assert.deepEqual(parsed, cliReport(['concept', ...conceptFiles, '--iterations', '60', '--burn-in', '20', '--chains', '2', '--seed', '5']));
  // Run until converged continued some cells, in rounds the page ran: worker
  // 0 judged at least twice (a round with chains to continue, then none)
  // before the assembly.
  assert.ok(parsed.populations.some((p) => p.concepts.some((c) => c.subsets.some((s) => s.convergence.iterations > 60))));
  const judged = await page.evaluate(() => performance.getEntriesByName('shoal:assembly', 'measure').length);
  assert.ok(judged >= 3, `${judged} judgements and assemblies`);
  // The trace of the first chain is drawn from the workers' results, renumbered to the whole plan.
  assert.ok(await page.$$eval('.chain-plots figure', (f) => f.length) > 0);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
