// The "Which concepts" view against the report it was drawn from: picks a
// population and a concept as a reader would, then reads the cards and
// counts the similarity matrix's cells.
import assert from 'node:assert/strict';

// The report's cell, picked in the view; returns what the view shows.
export async function showCell(page, report, populationName, concept) {
  const population = report.populations.find((p) => p.name === populationName);
  const result = population.concepts.find((c) => c.concept === concept);
  await page.selectOption('select[name="which-population"]', populationName);
  await page.selectOption('select[name="which-concept"]', concept);
  const heading = `${population.label || population.name} · ${concept}`;
  await page.waitForFunction((text) => document.querySelector('.which-concepts-cards h4')?.textContent === text, heading, { timeout: 60000 });
  return { population, result };
}

// The cards are the report's concepts, sizes and sentences, in its order;
// the matrix has a cell per ordered pair of people and an outline per
// concept.
export async function checkCell(page, report, populationName, concept) {
  const { result } = await showCell(page, report, populationName, concept);
  const which = result.profile.which_concepts;
  assert.ok(which, `${populationName} · ${concept} has no partition in the report`);
  const n = which.partition.length;
  const cards = await page.$$eval('.which-concepts-cards .concept-card', (all) => all.map((c) => ({
    number: Number(c.dataset.concept), people: Number(c.dataset.people),
    size: c.querySelector('.concept-size').textContent, sentence: c.querySelector('.concept-sentence').textContent,
  })));
  assert.deepEqual(cards, which.concepts.map((k) => ({ number: k.number, people: k.people, size: `${k.people} of ${n} people`, sentence: k.sentence })));
  assert.equal(cards.reduce((sum, c) => sum + c.people, 0), n);
  const cells = await page.$$eval('figure[data-figure="concept-similarity"] svg g.mark-rect.role-mark path', (m) => m.length);
  assert.equal(cells, n * n + which.concepts.length, `${populationName} · ${concept}: ${cells} rectangles for ${n} people`);
  return { n, concepts: which.concepts.length };
}

// What may make a figure or the cards unreadable, within `selector` (the
// which-concepts cell, or one figure): visible labels of one figure that
// overlap, text drawn smaller than `smallest` px (svg text as rendered,
// after the figure's scaling), text cut with an ellipsis, and anything wider
// than the page's column.
export async function readability(page, selector, smallest = 12) {
  return page.$eval(selector, (root, least) => {
    const problems = [];
    const visible = (e) => {
      for (let x = e; x && x !== root.parentElement; x = x.parentElement) {
        if (x.getAttribute?.('opacity') === '0' || getComputedStyle(x).opacity === '0' || getComputedStyle(x).display === 'none') return false;
      }
      return true;
    };
    const column = document.querySelector('main').clientWidth;
    for (const svg of root.querySelectorAll('svg')) {
      const box = svg.getBoundingClientRect();
      const scale = box.width / (svg.viewBox.baseVal?.width || box.width);
      const figure = svg.closest('figure[data-figure]')?.dataset.figure ?? 'svg';
      if (box.width > column + 0.5) problems.push(`${figure} is ${box.width.toFixed(0)} px wide in a ${column} px column`);
      const labels = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim() && visible(t));
      for (const t of labels) {
        const size = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (size < least - 0.01) problems.push(`${figure}: '${t.textContent.trim()}' at ${size.toFixed(1)} px`);
        if (t.textContent.trimEnd().endsWith('…')) problems.push(`${figure}: '${t.textContent.trim()}' is cut`);
      }
      const boxes = labels.filter((t) => !(t.getAttribute('transform') ?? '').includes('rotate'))
        .map((t) => ({ text: t.textContent.trim(), box: t.getBoundingClientRect() }));
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].box, b = boxes[j].box;
          if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) {
            problems.push(`${figure}: '${boxes[i].text}' and '${boxes[j].text}' overlap`);
          }
        }
      }
    }
    for (const e of root.querySelectorAll('*')) {
      if (e.closest('svg') || !visible(e)) continue;
      const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (own && parseFloat(getComputedStyle(e).fontSize) < least - 0.01) {
        problems.push(`'${e.textContent.trim().slice(0, 40)}' at ${getComputedStyle(e).fontSize}`);
      }
      if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'auto' && getComputedStyle(e).overflowX !== 'scroll' && e.clientWidth > 0) {
        problems.push(`${e.tagName.toLowerCase()}.${e.className} overflows: ${e.scrollWidth} px in ${e.clientWidth}`);
      }
    }
    return problems;
  }, smallest);
}
