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
