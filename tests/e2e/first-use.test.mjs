// What a reader new to the page meets first: the run bar on a phone, where a
// run leaves them, figures when the colour scheme changes, and a study of
// the humans' colours alone (plain messages, the paper's Fig. 5 words and a
// word picker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, shared, useSite } from './support.mjs';
import { seriousViolations } from './flow-checks.mjs';

const colorref = path.join(shared, 'paper-data/color-task/colorref.csv');
const shoal = useSite();

const runBarHeight = (page) => page.evaluate(() => document.querySelector('section.run-bar').getBoundingClientRect().height);

async function runAndWait(page) {
  await page.waitForFunction(() => !document.querySelector('#run-button').disabled, null, { timeout: 60000 });
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 120000 });
}

// Where the run left the reader: the focused element, where it is on
// screen, and whether the run bar covers it.
function focusAfterRun(page) {
  return page.evaluate(() => {
    const focused = document.activeElement;
    const box = focused.getBoundingClientRect();
    const bar = document.querySelector('section.run-bar').getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + 10, box.top + box.height / 2);
    return {
      id: focused.id, top: box.top, bottom: box.bottom, viewport: innerHeight,
      uncovered: focused.contains(hit), barBottom: bar.bottom,
    };
  });
}

function assertResultsInView(where, label) {
  assert.equal(where.id, 'results-heading', label);
  assert.ok(where.top >= 0 && where.bottom <= where.viewport, `${label}: the heading is off screen: ${JSON.stringify(where)}`);
  assert.ok(where.uncovered, `${label}: the heading is under the run bar: ${JSON.stringify(where)}`);
  // The results fill the view: they start at its top (under the run bar,
  // where it is stuck), not half a screen down under the parameters.
  assert.ok(where.top < 0.25 * where.viewport, `${label}: the heading is not at the top of the view: ${JSON.stringify(where)}`);
}

test('on a 390x844 phone the run bar takes at most 80 px, idle and during a run; the results heading comes into view', async () => {
  const { context, page, consoleErrors } = await shoal.open({ viewport: { width: 390, height: 844 } });
  const heights = { empty: await runBarHeight(page) };
  await page.click('#example-button');
  await page.waitForFunction(() => !document.querySelector('#run-button').disabled, null, { timeout: 60000 });
  heights.ready = await runBarHeight(page);
  await page.click('#run-button');
  // Mid-run: the bar shows the progress and the work done.
  await page.waitForFunction(() => document.body.dataset.running === 'true'
    && /elapsed/.test(document.querySelector('#progress-detail').textContent));
  heights.running = await runBarHeight(page);
  await page.screenshot({ path: path.join(artifacts, 'first-use-run-bar-phone.png') });
  for (const [state, height] of Object.entries(heights)) assert.ok(height <= 80, `run bar ${state}: ${height} px`);
  // The details folded away are one press away, and fold again.
  await page.click('#run-details-toggle');
  assert.equal(await page.getAttribute('#run-details-toggle', 'aria-expanded'), 'true');
  // Unfolded, the details wrap instead of being cut off with an ellipsis
  // (whether the bar grows depends on how long the text is at that moment).
  const details = await page.$eval('.run-details', (d) => ({ wrap: getComputedStyle(d).whiteSpace, clipped: d.scrollWidth > d.clientWidth + 1 }));
  assert.deepEqual(details, { wrap: 'normal', clipped: false });
  await page.click('#run-details-toggle');
  assert.equal(await page.getAttribute('#run-details-toggle', 'aria-expanded'), 'false');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 120000 });
  assert.ok(await runBarHeight(page) <= 80, `run bar after the run: ${await runBarHeight(page)} px`);
  assertResultsInView(await focusAfterRun(page), 'phone');
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

// The scheme each drawn figure was drawn in, and the ink of its axis labels.
function figureSchemes(page) {
  return page.$$eval('#results .plot', (plots) => plots.map((p) => ({
    dark: p.classList.contains('plot-dark'),
    ink: [...new Set([...p.querySelectorAll('g.role-axis-label text')].map((t) => t.getAttribute('fill')))].join(),
  })));
}

const pageInk = (page) => page.evaluate(() => {
  const [r, g, b] = getComputedStyle(document.body).color.match(/\d+/g).map(Number);
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
});

test('figures drawn in the light scheme are drawn again when the reader switches to dark, and back', async () => {
  const { context, page, consoleErrors } = await shoal.open({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await page.click('[data-example="color"]');
  await runAndWait(page);
  assertResultsInView(await focusAfterRun(page), 'desktop');
  const light = await figureSchemes(page);
  assert.ok(light.length >= 4, `${light.length} figures`);
  assert.ok(light.every((f) => !f.dark));
  const figures = await page.$$eval('#results figure[data-figure]', (f) => f.map((x) => x.dataset.figure));

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => [...document.querySelectorAll('#results .plot')].every((p) => p.classList.contains('plot-dark')),
    null, { timeout: 30000 });
  const ink = await pageInk(page);
  assert.notEqual(ink, '#1b1b1b');
  for (const f of await figureSchemes(page)) if (f.ink) assert.equal(f.ink, ink);
  // The same results, every figure once, and the contents still lead to them.
  assert.deepEqual(await page.$$eval('#results figure[data-figure]', (f) => f.map((x) => x.dataset.figure)), figures);
  for (const href of await page.$$eval('#results-contents a', (a) => a.map((x) => x.getAttribute('href')))) {
    assert.equal(await page.locator(href).count(), 1, href);
  }
  await page.screenshot({ path: path.join(artifacts, 'first-use-dark-redrawn.png') });

  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => [...document.querySelectorAll('#results .plot')].every((p) => p.classList.contains('plot-light')),
    null, { timeout: 30000 });
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

// The words of the colour bars, in the order drawn.
const barWords = (page) => page.$eval('figure[data-figure="colour-bars"]', (f) => [...new Set(f.figureRows.map((r) => r.word))]);
const chips = (page) => page.$$eval('.word-chips li', (li) => li.map((x) => x.dataset.word));

test('the humans\' colours alone: plain messages, and Fig. 5 starts with the paper\'s words, in the order the reader picks', async () => {
  const { context, page, consoleErrors } = await shoal.open({ viewport: { width: 1280, height: 900 } });
  await page.setInputFiles('#file-input', [colorref]);
  await page.fill('input[name="bootstrap"]', '100');
  await runAndWait(page);

  // Nothing to compare the humans with: the page says what to add.
  const divergence = await page.textContent('figure[data-figure="color-jsd"] .figure-note');
  assert.match(divergence, /add LLM colour files/);
  assert.doesNotMatch(divergence, /Gaussian|reference has/);
  assert.match(await page.textContent('#color-results > p'), /colour difference: ΔE 1976/);

  // The paper's words, in its order.
  assert.deepEqual(await barWords(page), ['tomato', 'skin', 'jealousy']);
  assert.deepEqual(await chips(page), ['tomato', 'skin', 'jealousy']);
  assert.equal(await page.locator('#colour-bar-word-list option').count(), 199);

  // Typed (any case) and added with Enter, from the keyboard alone.
  await page.focus('input[name="colour-bar-word"]');
  await page.keyboard.type('Ocean');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('figure[data-figure="colour-bars"]')?.figureRows.some((r) => r.word === 'ocean'));
  assert.deepEqual(await barWords(page), ['tomato', 'skin', 'jealousy', 'ocean']);
  await page.fill('input[name="colour-bar-word"]', 'no-such-word');
  await page.press('input[name="colour-bar-word"]', 'Enter');
  assert.match(await page.textContent('.word-note'), /No word “no-such-word”/);
  await page.fill('input[name="colour-bar-word"]', '');

  // Moved and removed; the figure follows the chips.
  await page.click('.word-chips li[data-word="ocean"] .move-word');
  await page.waitForFunction(() => [...document.querySelectorAll('.word-chips li')].map((l) => l.dataset.word).join() === 'tomato,skin,ocean,jealousy');
  await page.keyboard.press('Enter');  // focus stays on the moved word's button
  await page.waitForFunction(() => [...document.querySelectorAll('.word-chips li')].map((l) => l.dataset.word).join() === 'tomato,ocean,skin,jealousy');
  await page.click('.word-chips li[data-word="skin"] .remove-word');
  await page.waitForFunction(() => document.querySelectorAll('.word-chips li').length === 3);
  await page.waitForFunction(() => new Set(document.querySelector('figure[data-figure="colour-bars"]').figureRows.map((r) => r.word)).size === 3);
  assert.deepEqual(await barWords(page), ['tomato', 'ocean', 'jealousy']);
  await page.locator('.colour-bars').screenshot({ path: path.join(artifacts, 'first-use-colour-bars.png') });
  assert.deepEqual(await seriousViolations(page), []);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
