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
