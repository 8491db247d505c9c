// Reading the report's which-concepts fields (web/src/concept/which-concepts.ts):
// the similarity string's upper triangle, the order by the point partition,
// its blocks, and the diversity curve's columns as rows. Hand-worked cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPageModule } from './bundle.mjs';

const { decodeSimilarity, similarityAt, partitionOrder, partitionBlocks, curvePoints, percent } = await importPageModule('concept/which-concepts.ts');

test('the upper triangle is read row by row: (1,2), (1,3), (1,4), (2,3), (2,4), (3,4)', () => {
  const t = decodeSimilarity('10 20 30 40 50 60', 4);
  assert.deepEqual([...t], [10, 20, 30, 40, 50, 60]);
  const at = (i, j) => similarityAt(t, 4, i, j);
  assert.deepEqual([at(0, 1), at(0, 2), at(0, 3), at(1, 2), at(1, 3), at(2, 3)], [10, 20, 30, 40, 50, 60]);
  // Symmetric, and 100 with oneself.
  assert.deepEqual([at(1, 0), at(2, 0), at(3, 0), at(2, 1), at(3, 1), at(3, 2)], [10, 20, 30, 40, 50, 60]);
  for (let i = 0; i < 4; i++) assert.equal(at(i, i), 100);
});

test('every position of a larger triangle lands on its own pair', () => {
  const n = 9;
  const values = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) values.push((i * 10 + j) % 101);
  const t = decodeSimilarity(values.join(' '), n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    if (i !== j) assert.equal(similarityAt(t, n, i, j), (Math.min(i, j) * 10 + Math.max(i, j)) % 101, `${i}, ${j}`);
  }
});

test('one person has no pairs; a string of the wrong length or with a value that is not a whole percent is refused', () => {
  assert.equal(decodeSimilarity('', 1).length, 0);
  assert.equal(decodeSimilarity('0 100 55', 3).length, 3);
  assert.throws(() => decodeSimilarity('10 20', 3), /holds 2 pairs where 3 people make 3/);
  assert.throws(() => decodeSimilarity('10 20 30 40', 3), /holds 4 pairs/);
  assert.throws(() => decodeSimilarity('10 101 30', 3), /pair 2 is “101”, not a whole percent/);
  assert.throws(() => decodeSimilarity('10 2.5 30', 3), /pair 2 is “2.5”/);
  assert.throws(() => decodeSimilarity('10  30', 3), /holds 3 pairs|pair 2 is “”/);
  assert.throws(() => decodeSimilarity('-1 0 0', 3), /pair 1 is “-1”/);
});

test('people are ordered concept by concept, the most firmly placed first, then in the report\'s order', () => {
  const partition = [2, 1, 2, 1, 3, 1];
  const firmness = [0.5, 0.9, 0.8, 0.95, 1, 0.9];
  const order = partitionOrder(partition, firmness);
  assert.deepEqual(order, [3, 1, 5, 2, 0, 4]);
  assert.deepEqual(partitionBlocks(partition, order), [
    { concept: 1, start: 0, end: 3 }, { concept: 2, start: 3, end: 5 }, { concept: 3, start: 5, end: 6 }]);
  // An undefined firmness goes last within its concept.
  assert.deepEqual(partitionOrder([1, 1, 1], [null, 0.2, 0.7]), [2, 1, 0]);
  // One concept: one block over everyone.
  assert.deepEqual(partitionBlocks([1, 1], partitionOrder([1, 1], [1, 1])), [{ concept: 1, start: 0, end: 2 }]);
});

test('the curve\'s columns become points, rarefied up to the people observed and extrapolated beyond, meeting there', () => {
  const curve = {
    people: [1, 5, 10, 20], richness: [1, 2.5, 4, 5.5], richness_low: [1, 2, 3, 4], richness_high: [1, 3, 5, 7],
    q2: [1, 1.8, 2.2, 2.4], q2_low: [1, 1.5, 2, 2], q2_high: [1, 2, 2.5, 3], coverage: [0, 0.7, 0.85, null],
  };
  const points = curvePoints(curve, 10);
  assert.deepEqual(points.map((p) => `${p.people} ${p.phase}`), ['1 rarefied', '5 rarefied', '10 rarefied', '10 extrapolated', '20 extrapolated']);
  assert.deepEqual(points.at(-1), { people: 20, phase: 'extrapolated', richness: 5.5, richness_low: 4, richness_high: 7, q2: 2.4, q2_low: 2, q2_high: 3, coverage: null });
  assert.throws(() => curvePoints({ ...curve, q2: [1, 2] }, 10), /columns differ in length/);
  assert.deepEqual(curvePoints({ ...Object.fromEntries(Object.keys(curve).map((k) => [k, []])) }, 10), []);
});

test('shares read as whole percents', () => {
  assert.equal(percent(0.955), '96%');
  assert.equal(percent(1), '100%');
  assert.equal(percent(null), 'NA');
});
