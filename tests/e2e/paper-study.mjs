// The paper's data as the figure tests read them, and a short run of the
// page on a set of them: the figures, not the sampler, are under test.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { shared } from './support.mjs';

export const colorref = path.join(shared, 'paper-data/color-task/colorref.csv');
export const norms = path.join(shared, 'paper-data/color-task/word-norms.csv');
export const chains = path.join(shared, 'paper-data/concept-task/human/crp-chains.csv');
const llmDir = path.join(shared, 'paper-data/concept-task/llm-responses');
export const llmFiles = readdirSync(llmDir).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(llmDir, f));

// Opens the page at `viewport`, drops `files`, runs with short chains and
// waits until every result is drawn.
export async function runStudy(shoal, files, viewport = { width: 1280, height: 800 }) {
  const app = await shoal.open({ viewport });
  const { page } = app;
  await page.setInputFiles('#file-input', files);
  // Every file inspected and recognised for its task.
  await page.waitForFunction((n) => {
    const cards = [...document.querySelectorAll('article[data-file] .recognised')];
    return cards.length === n && cards.every((c) => /word–colour|conceptual similarity|word ratings/.test(c.textContent));
  }, files.length, { timeout: 300000 });
  for (const [name, value] of [['iterations', '6'], ['burnIn', '2'], ['subsets', '25,50'], ['bootstrap', '100']]) {
    await page.fill(`input[name="${name}"]`, value);
  }
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 900000 });
  return app;
}
