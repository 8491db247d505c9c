// Checks of the figures shared by the tests that run the paper's data in the
// page: the layout rules (no page overflow, no cut or overlapping labels, no
// figure wider than its column, a caption and a description each, an empty
// figure saying why) and the rows a figure plots.
import assert from 'node:assert/strict';
import { overlappingLabels } from './flow-checks.mjs';

export const figureRows = (page, name) => page.$eval(`figure[data-figure="${name}"]`, (f) => f.figureRows);

export async function checkLayout(page, populations, minimumFigures = 12) {
  const layout = await page.evaluate(() => {
    const main = document.querySelector('main');
    const figures = [...document.querySelectorAll('figure[data-figure]')].filter((f) => f.querySelector('svg'));
    return {
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ellipsised: [...document.querySelectorAll('svg text')].map((t) => t.textContent).filter((t) => t.trimEnd().endsWith('…')),
      column: main.clientWidth,
      figures: figures.map((f) => {
        const svg = f.querySelector('svg');
        const plot = f.querySelector('.plot-frame');
        const summary = document.getElementById(plot?.getAttribute('aria-describedby'));
        return {
          name: f.dataset.figure,
          caption: f.querySelector('figcaption')?.textContent.trim() ?? '',
          summary: summary?.textContent.trim() ?? '',
          label: `${plot?.getAttribute('role')}: ${plot?.getAttribute('aria-label')}`,
          width: svg.getBoundingClientRect().width,
        };
      }),
      empty: [...document.querySelectorAll('figure[data-empty]')].map((f) => ({
        name: f.dataset.figure, note: f.querySelector('.figure-note')?.textContent ?? '', svg: !!f.querySelector('svg'), buttons: f.querySelectorAll('button').length,
      })),
    };
  });
  assert.ok(layout.pageOverflow <= 0, `the page scrolls ${layout.pageOverflow} px sideways at ${populations} populations`);
  assert.deepEqual(layout.ellipsised, [], `cut labels at ${populations} populations`);
  assert.deepEqual(await overlappingLabels(page), [], `overlapping labels at ${populations} populations`);
  assert.ok(layout.figures.length >= minimumFigures, `only ${layout.figures.length} figures: ${layout.figures.map((f) => f.name).join(', ')}`);
  for (const f of layout.figures) {
    assert.ok(f.caption.length > 20, `${f.name} has no caption`);
    assert.ok(f.summary.length > 20, `${f.name} has no text description`);
    assert.equal(f.label, `img: ${f.caption}`);
    assert.ok(f.width <= layout.column, `${f.name} is ${f.width} px wide in a ${layout.column} px column at ${populations} populations`);
  }
  for (const e of layout.empty) {
    assert.ok(e.note.length > 10 && !e.svg && e.buttons === 0, `${e.name} is empty without saying why`);
  }
  return layout;
}
