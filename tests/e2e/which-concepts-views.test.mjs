// The views of which concepts and of shared concepts as a reader sees them:
// a population of 100 people holding three planted concepts, and the
// generated examples' model pairs, on a 390 px phone in the dark scheme and
// at 1280 px in the light one. Each view is checked for what makes it
// unreadable (overlapping or cut labels, text below 12 px, anything wider
// than the column, text without contrast) and kept as a screenshot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifacts, downloadOf, useSite } from './support.mjs';
import { checkCell, readability } from './which-concepts-checks.mjs';

const shoal = useSite();

const LOOKS = [
  { name: '390-dark', viewport: { width: 390, height: 844 }, colorScheme: 'dark' },
  { name: '1280-light', viewport: { width: 1280, height: 900 }, colorScheme: 'light' },
];

// 100 people judging which of two animals a penguin is closer to, 36 pairs
// of nine animals, in three planted concepts of 50, 30 and 20 people: each
// concept answers each question its own way with probability 0.95.
function plantedFile() {
  let state = 20251207;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const animals = ['finch', 'robin', 'chicken', 'eagle', 'ostrich', 'salmon', 'seal', 'dolphin', 'whale'];
  const questions = animals.flatMap((a, i) => animals.slice(i + 1).map((b) => `${a} ${b}`));
  const concepts = [0, 1, 2].map(() => questions.map(() => (uniform() < 0.5 ? 0 : 1)));
  const lines = ['population,Concept,ID,Question,ChoiceNumber'];
  for (let person = 0; person < 100; person++) {
    const held = person < 50 ? 0 : person < 80 ? 1 : 2;
    questions.forEach((q, k) => {
      const answer = uniform() < 0.95 ? concepts[held][k] : 1 - concepts[held][k];
      lines.push(`planted,penguin,${person},${q},${answer}`);
    });
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'shoal-planted-')), 'planted-three-concepts.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

// axe-core's contrast rule on one part of the page.
async function contrastProblems(page, selector) {
  const { seriousViolations } = await import('./flow-checks.mjs');
  await seriousViolations(page);   // loads axe-core into the page
  const result = await page.evaluate((s) => window.axe.run(s, { runOnly: ['color-contrast'], resultTypes: ['violations'] }), selector);
  return result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`));
}

// A part of the page taller than the window, in one picture: the window is
// made as tall as the page (its width, and so the layout, unchanged), so
// that the sticky run bar sits at the top rather than over the part.
async function screenshotWhole(page, selector, file) {
  const { width } = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height: Math.min(height, 16000) });
  await page.locator(selector).screenshot({ path: path.join(artifacts, file) });
}

test('which concepts at 100 people in three concepts: the heat map and the cards on a phone in the dark and at 1280 px', async () => {
  const file = plantedFile();
  for (const look of LOOKS) {
    const { context, page, consoleErrors } = await shoal.open({ viewport: look.viewport, colorScheme: look.colorScheme });
    await page.setInputFiles('#file-input', [file]);
    await page.waitForSelector('article[data-file="planted-three-concepts.csv"] .recognised:has-text("conceptual similarity")');
    await page.click('#run-button');
    await page.waitForSelector('#run-status:has-text("Done")', { timeout: 300000 });
    const report = JSON.parse((await downloadOf(page, 'button[data-download="concept-report.json"]')).bytes.toString());
    const population = report.populations[0];
    const cell = await checkCell(page, report, population.name, 'penguin');
    assert.equal(cell.n, 100);
    assert.equal(cell.concepts, 3, `${cell.concepts} concepts found`);
    assert.deepEqual(await readability(page, '.which-concepts-cell'), [], look.name);
    assert.deepEqual(await contrastProblems(page, '.which-concepts-cell'), [], look.name);
    await screenshotWhole(page, '.which-concepts-cell', `which-concepts-100-people-${look.name}.png`);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  }
});

test('the shared-concepts figure of the examples\' model pairs on a phone in the dark and at 1280 px', async () => {
  for (const look of LOOKS) {
    const { context, page, consoleErrors } = await shoal.open({ viewport: look.viewport, colorScheme: look.colorScheme });
    await page.click('#example-button');
    await page.waitForSelector('article[data-file="toy-b-base-judgements.csv"] .recognised:has-text("conceptual similarity")');
    await page.click('#run-button');
    await page.waitForSelector('#run-status:has-text("Done")', { timeout: 300000 });
    const figure = 'figure[data-figure="concept-shared"]';
    const rows = await page.$eval(figure, (f) => f.figureRows);
    assert.equal(new Set(rows.map((r) => r.pair)).size, 2, 'the two families\' pairs');
    assert.deepEqual(await readability(page, figure), [], look.name);
    assert.deepEqual(await contrastProblems(page, figure), [], look.name);
    await screenshotWhole(page, figure, `shared-concepts-${look.name}.png`);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  }
});
