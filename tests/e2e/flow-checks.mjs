// Checks of the whole page shared by the flow tests: horizontal overflow at a
// given width, and axe-core's accessibility rules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const axeSource = readFileSync(createRequire(path.resolve('web/package.json')).resolve('axe-core/axe.min.js'), 'utf8');

// How far the page is wider than the viewport (0: no page-level horizontal scroll).
export async function overflowAt(page, width, height) {
  await page.setViewportSize({ width, height });
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

// The serious and critical violations axe-core finds on the page as it is.
export async function seriousViolations(page) {
  // Evaluated through the debugger protocol: the page's policy allows no inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

// Pairs of visible labels that overlap within one figure (Vega hides the
// tick labels it thins out with opacity 0; rotated labels' boxes are not
// their glyphs, so they are left out).
export async function overlappingLabels(page) {
  return page.evaluate(() => {
    const visible = (t) => {
      for (let e = t; e && e.tagName !== 'svg'; e = e.parentElement) {
        if (e.getAttribute('opacity') === '0' || getComputedStyle(e).opacity === '0') return false;
      }
      return true;
    };
    const found = [];
    for (const figure of document.querySelectorAll('figure[data-figure]')) {
      const labels = [...figure.querySelectorAll('svg text')]
        .filter((t) => t.textContent.trim() && visible(t) && !(t.getAttribute('transform') ?? '').includes('rotate'))
        .map((t) => ({ text: t.textContent.trim(), box: t.getBoundingClientRect() }));
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const a = labels[i].box, b = labels[j].box;
          const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (across > 1 && down > 1) found.push(`${figure.dataset.figure}: '${labels[i].text}' and '${labels[j].text}'`);
        }
      }
    }
    return found;
  });
}
