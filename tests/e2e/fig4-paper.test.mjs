// The paper's Fig. 4 and the other figures of P(multiple concepts) made in
// the page from the paper's 48 LLM files and the released human chains, read
// as a reader reads them: every model of a panel told apart, each human
// baseline over its own category, no bar too thin to see, no NA on a bar,
// the populations without a clustered concept named with their reason, the
// measure defined in every caption, and every text readable on a phone.
//   SHOAL_SITE=build/site SHOAL_SHARED=../shared node --test tests/e2e/fig4-paper.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, downloadOf, useSite } from './support.mjs';
import { chains, colorref, llmFiles, norms, runStudy } from './paper-study.mjs';

const shoal = useSite();
const files = [chains, ...llmFiles];

const DEFINITION = 'P(multiple concepts) = 1 − P(same table): the probability that two individuals drawn at random from the population hold different concepts (sit at different tables)';

// The populations of the paper's files that have no individual with all 36
// answers of any concept.
const UNCLUSTERED = [
  ...['identity', 'none', 'nonsense', 'random'].map((p) => ['llama2', p, 'default']),
  ['llama2', 'none', '1.5'], ['llama2', 'none', '2.0'], ['tulu', 'none', '1.5'], ['tulu', 'none', '2.0'], ['mistral-instruct', 'none', '2.0'],
];

// Fig. 4's panels as drawn: per facet cell, its bars, dashed rules and texts
// with their boxes, fills and outlines.
function fig4Panels(page) {
  return page.$$eval('figure[data-figure="comparison-concept"] svg g.cell > g', (cells) => cells.map((cell) => {
    const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height }; };
    const visible = (e) => {
      for (let x = e; x && x.tagName !== 'svg'; x = x.parentElement) {
        if (x.getAttribute('opacity') === '0' || getComputedStyle(x).opacity === '0') return false;
      }
      return true;
    };
    const background = cell.querySelector(':scope > path.background');
    return {
      box: box(background),
      bars: [...cell.querySelectorAll('g.mark-rect.role-mark path')].filter(visible).map((p) => ({
        ...box(p), fill: p.getAttribute('fill'), stroke: p.getAttribute('stroke') ?? '', dash: p.getAttribute('stroke-dasharray') ?? '',
      })),
      baselines: [...cell.querySelectorAll('g.mark-rule.role-mark line')].filter((l) => (l.getAttribute('stroke-dasharray') ?? '') !== '').map(box),
      texts: [...cell.querySelectorAll('g.mark-text.role-mark text')].filter(visible).map((t) => ({ text: t.textContent.trim(), ...box(t) })),
    };
  }));
}

const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

// Texts of the figures (those that show P(multiple concepts), or every
// figure), with the size each is seen at: its font size times the scale the
// SVG is drawn at.
function renderedTextSizes(page, every = false) {
  return page.$$eval('figure[data-figure]', (figures, every) => figures.flatMap((f) => {
    const svg = f.querySelector('svg');
    if (!svg) return [];
    const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal?.width || svg.getBoundingClientRect().width);
    const visible = (e) => {
      for (let x = e; x && x.tagName !== 'svg'; x = x.parentElement) {
        if (x.getAttribute('opacity') === '0' || getComputedStyle(x).opacity === '0') return false;
      }
      return true;
    };
    const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() && visible(t));
    const showsMeasure = /P\(multiple/.test(f.querySelector('figcaption')?.textContent ?? '') || texts.some((t) => /P\(multiple/.test(t.textContent));
    return showsMeasure || every ? texts.map((t) => ({ figure: f.dataset.figure, text: t.textContent.trim(), size: parseFloat(getComputedStyle(t).fontSize) * scale })) : [];
  }), every);
}

test('Fig. 4 and the P(multiple concepts) figures on the paper\'s data, at 1280 px and on a 390 px phone', async () => {
  assert.equal(llmFiles.length, 48);
  const app = await runStudy(shoal, files);
  const { page } = app;
  await page.locator('figure[data-figure="comparison-concept"]').screenshot({ path: path.join(artifacts, 'fig4-paper-1280.png') });
  await page.locator('#concept-results [data-unclustered]').screenshot({ path: path.join(artifacts, 'concept-unclustered-banner-1280.png') });
  for (const name of ['concept-human', 'concept-multiple', 'concept-heatmap', 'concept-subset-sizes', 'concept-reliability']) {
    await page.locator(`figure[data-figure="${name}"]`).screenshot({ path: path.join(artifacts, `${name}-paper-1280.png`) });
  }
  const report = JSON.parse((await downloadOf(page, 'button[data-download="concept-report.json"]')).bytes.toString());

  // Within a panel and category every model has its own fill or outline;
  // each dashed or dotted baseline lies over one category, the animals'
  // (left) below the politicians' (right), as the released chains give.
  const panels = await fig4Panels(page);
  assert.ok(panels.length >= 24, `${panels.length} panels`);
  for (const [i, panel] of panels.entries()) {
    const middle = (panel.box.left + panel.box.right) / 2;
    for (const side of [(b) => (b.left + b.right) / 2 < middle, (b) => (b.left + b.right) / 2 >= middle]) {
      const looks = panel.bars.filter(side).map((b) => `${b.fill}|${b.stroke}|${b.dash}`);
      assert.equal(new Set(looks).size, looks.length, `panel ${i}: two models look alike (${looks.join(', ')})`);
    }
    assert.equal(panel.baselines.length, 2, `panel ${i}: ${panel.baselines.length} baselines`);
    const [left, right] = [...panel.baselines].sort((a, b) => a.left - b.left);
    assert.ok(left.left >= panel.box.left - 1 && left.right <= middle + 1, `panel ${i}: the animals' baseline runs ${left.left}–${left.right}, the category ends at ${middle}`);
    assert.ok(right.left >= middle - 1 && right.right <= panel.box.right + 1, `panel ${i}: the politicians' baseline runs ${right.left}–${right.right}, the category starts at ${middle}`);
    assert.ok(left.top > right.top, `panel ${i}: the animals' baseline is drawn above the politicians'`);
    // A bar above zero is seen: 2 px or more, or its value written on it.
    const numbers = panel.texts.filter((t) => /^\d?\.\d+$/.test(t.text));
    for (const bar of panel.bars.filter((b) => b.height < 1.9)) {
      assert.ok(numbers.some((t) => t.left < bar.right && t.right > bar.left), `panel ${i}: a bar ${bar.height.toFixed(2)} px tall without its value`);
    }
    for (const na of panel.texts.filter((t) => t.text === 'NA')) {
      assert.ok(!panel.bars.some((b) => overlap(na, b)), `panel ${i}: an NA label on a bar`);
    }
  }
  // Thin bars stand for values above zero (a value of exactly 0 draws none).
  const rows = await page.$eval('figure[data-figure="comparison-concept"]', (f) => f.figureRows);
  const drawn = panels.reduce((t, p) => t + p.bars.length, 0);
  assert.equal(drawn, rows.filter((r) => r.family !== 'human' && r.mean !== null && r.mean > 0).length);

  // The banner names the nine populations without a clustered concept, each
  // with its counts.
  const unclustered = report.populations.filter((p) => p.concepts_clustered === 0);
  assert.deepEqual(unclustered.map((p) => [p.model, p.prompt, p.temperature]).sort(), [...UNCLUSTERED].sort());
  const banner = await page.$eval('#concept-results [data-unclustered]', (e) => e.textContent);
  for (const p of unclustered) {
    const incomplete = p.concepts.reduce((t, c) => t + c.incomplete_individuals, 0);
    assert.ok(banner.includes(p.label || p.name), `the banner does not name ${p.name}`);
    assert.ok(banner.includes(`0 complete, ${incomplete} incomplete`), `the banner gives no counts for ${p.name}`);
  }

  // Every figure of the measure defines it in its caption.
  const captions = await page.$$eval('figure[data-figure]', (figures) => figures.map((f) => ({
    name: f.dataset.figure, caption: f.querySelector('figcaption')?.textContent ?? '', shows: /P\(multiple/.test(f.textContent),
  })));
  const measured = captions.filter((c) => c.shows);
  assert.ok(measured.length >= 5, measured.map((c) => c.name).join(', '));
  for (const c of measured) assert.ok(c.caption.includes(DEFINITION), `${c.name}: the caption does not define P(multiple concepts)`);
  assert.deepEqual(app.consoleErrors, []);
  await app.context.close();

  // On a phone every text of every figure, the colour task's too, is read
  // at 10 px or more, and the page itself never scrolls sideways.
  const phone = await runStudy(shoal, [colorref, norms, ...files], { width: 390, height: 844 });
  await phone.page.locator('figure[data-figure="comparison-concept"]').screenshot({ path: path.join(artifacts, 'fig4-paper-390.png') });
  await phone.page.locator('figure[data-figure="concept-human"]').screenshot({ path: path.join(artifacts, 'fig2b-paper-390.png') });
  const sizes = await renderedTextSizes(phone.page, true);
  assert.ok(sizes.length > 100, `${sizes.length} texts`);
  const small = sizes.filter((s) => s.size < 9.95);
  assert.deepEqual(small.slice(0, 10).map((s) => `${s.figure}: '${s.text}' at ${s.size.toFixed(1)} px`), [], `${small.length} texts under 10 px`);
  assert.equal(await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  assert.deepEqual(phone.consoleErrors, []);
  await phone.context.close();
});
