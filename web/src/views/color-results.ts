// Results of the word–colour analysis: figures, tables and downloads.
import {
  type ColorAnswer, type WordNorms, barWords, colorMeasure, colorPerItem, colourBarsFigure, decodeAnswers, defaultBarWords, jsdFigure,
  responsesFigure, wordRatingsFigure,
} from '../charts/color-charts';
import { draw, nextTask } from '../charts/figure';
import { perItemDistanceFigure, perItemScatterFigure } from '../charts/per-item-charts';
import { append, h } from '../dom';
import { download } from '../download';
import type { ColorReport } from '../report-types';
import { perItemPopulationTable, perItemTable } from './per-item-tables';

function divergenceTitle(report: ColorReport, what: string): string {
  return report.parameters.jsd === 'paper' ? `${what}divergence from reference (paper’s estimator)` : `${what}JSD to reference (bits)`;
}

function tables(report: ColorReport, populations: ReturnType<typeof colorPerItem>): HTMLElement[] {
  return [
    perItemPopulationTable(populations, colorMeasure,
      [{ title: divergenceTitle(report, 'mean '), value: (p) => p.source.jsd_to_reference?.mean ?? null, digits: 4 }]),
    perItemTable(populations, colorMeasure,
      [{ title: divergenceTitle(report, ''), value: (r) => r.i.source.jsd_to_reference?.value ?? null, digits: 4 }]),
  ];
}

// The most words one figure shows: more columns than this are too narrow to read.
const MOST_BAR_WORDS = 12;
// The reader's words, kept for the report they were picked for: the
// figures are drawn again when the colour scheme changes.
const pickedWords = new WeakMap<ColorReport, string[]>();

// The colour bars for words the reader picks, in the order picked: a text
// box with the data's words as suggestions, and the chosen words as chips
// that can be moved earlier or removed.
async function colourBars(report: ColorReport, answers: ColorAnswer[]): Promise<HTMLElement> {
  const words = barWords(report);
  const picked = pickedWords.get(report) ?? defaultBarWords(report);
  pickedWords.set(report, picked);
  const input = h('input', { type: 'text', name: 'colour-bar-word', list: 'colour-bar-word-list', autocomplete: 'off', spellcheck: 'false' });
  const add = h('button', { type: 'button', class: 'add-word' }, 'Add');
  const chips = h('ul', { class: 'word-chips', 'aria-label': 'Words shown, in order' });
  const note = h('p', { class: 'word-note', role: 'status', 'aria-live': 'polite' });
  const holder = h('div', {});
  const redraw = async () => {
    chips.replaceChildren(...picked.map((word, i) => {
      const earlier = h('button', { type: 'button', class: 'move-word', 'aria-label': `Move ${word} earlier`, disabled: i === 0 }, '◀');
      const remove = h('button', { type: 'button', class: 'remove-word', 'aria-label': `Remove ${word}` }, '×');
      earlier.addEventListener('click', () => {
        picked.splice(i - 1, 0, ...picked.splice(i, 1));
        void redraw().then(() => chips.querySelector<HTMLButtonElement>(`li[data-word="${CSS.escape(word)}"] .move-word`)?.focus());
      });
      remove.addEventListener('click', () => {
        picked.splice(i, 1);
        note.textContent = `${word} removed.`;
        void redraw().then(() => input.focus());
      });
      return h('li', { 'data-word': word }, earlier, ` ${word} `, remove);
    }));
    holder.replaceChildren(await draw(() => colourBarsFigure(report, answers, picked)));
  };
  const addTyped = () => {
    const typed = input.value.trim().toLowerCase();
    if (!typed) return;
    const word = words.find((w) => w.toLowerCase() === typed);
    if (!word) note.textContent = `No word “${input.value.trim()}” has an answer in these data.`;
    else if (picked.includes(word)) note.textContent = `${word} is shown already.`;
    else if (picked.length >= MOST_BAR_WORDS) note.textContent = `At most ${MOST_BAR_WORDS} words fit: remove one first.`;
    else {
      picked.push(word);
      input.value = '';
      note.textContent = `${word} added.`;
      void redraw();
    }
  };
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    addTyped();
  });
  // A suggestion picked from the list adds its word at once.
  input.addEventListener('input', (e) => {
    if (!(e instanceof InputEvent) || e.inputType === 'insertReplacementText') {
      if (words.includes(input.value)) addTyped();
    }
  });
  add.addEventListener('click', addTyped);
  await redraw();
  return h('div', { class: 'colour-bars' },
    h('div', { class: 'word-picker' },
      h('label', {}, `Add a word (${words.length} in the data; up to ${MOST_BAR_WORDS} shown)`, input),
      h('datalist', { id: 'colour-bar-word-list' }, ...words.map((w) => h('option', { value: w }))),
      add),
    chips, note, holder);
}

async function wordRatings(report: ColorReport, norms: WordNorms | null): Promise<HTMLElement | null> {
  if (!norms) return null;
  const preferred = norms.scales.find((s) => /concreteness/i.test(s)) ?? norms.scales.find((s) => /imageability/i.test(s)) ?? norms.scales[0];
  const select = h('select', { name: 'word-rating-scale' }, ...norms.scales.map((s) => h('option', { value: s, selected: s === preferred }, s)));
  const holder = h('div', {});
  const redraw = async () => holder.replaceChildren(await draw(() => wordRatingsFigure(report, norms, select.value)));
  select.addEventListener('change', () => { void redraw(); });
  await redraw();
  return h('div', { class: 'word-ratings' }, h('label', {}, 'Rating ', select), holder);
}

// The settings of the run as the parameter form words them.
function settingsLine(report: ColorReport): string {
  const { pairs, delta_e: deltaE, jsd, reference, seed, words_with_sampled_pairs: sampledWords, sampled_pairs: sampledPairs } = report.parameters;
  return [
    `Pairs of individuals: ${pairs === 'paper' ? 'the paper’s (i < j in id order)' : 'all'}`,
    ...(typeof sampledWords === 'number' && sampledWords > 0
      ? [`population ΔE of ${sampledWords} ${sampledWords === 1 ? 'word' : 'words'} from ${String(sampledPairs)} sampled pairs each (Monte Carlo errors in the report)`]
      : []),
    `colour difference: ${deltaE === 'cie76' ? 'ΔE 1976 (the paper’s)' : deltaE === 'ciede2000' ? 'CIEDE2000' : String(deltaE)}`,
    `divergence from humans: ${jsd === 'paper' ? 'the paper’s estimator' : 'Jensen–Shannon divergence in bits'}`,
    `human reference: ${String(reference || 'none marked')}`,
    `seed ${String(seed)}`,
  ].join(' · ');
}

export async function renderColorResults(container: HTMLElement, report: ColorReport, reportText: string, data: Uint8Array, norms: WordNorms | null = null) {
  const save = h('button', { type: 'button', class: 'download', 'data-download': 'color-report.json' }, 'Download the report (JSON)');
  save.addEventListener('click', () => download('shoal-color-report.json', reportText, 'application/json'));
  const issues = report.input_issues.length
    ? h('ul', { class: 'issues' }, ...report.input_issues.map((x) => h('li', {}, `${x.count} × ${x.description} (first: ${x.first_file}, row ${x.first_row})`)))
    : null;
  const populations = colorPerItem(report);
  // Drawn in order, each part appended as soon as it is ready and in a task
  // of its own (see renderConceptResults).
  container.replaceChildren();
  append(container,
    h('h3', {}, 'Word–colour associations'),
    h('p', {}, settingsLine(report)),
    save,
    issues);
  append(container, await draw(() => perItemScatterFigure(populations, colorMeasure)));
  append(container, await draw(() => perItemDistanceFigure(populations, colorMeasure)));
  append(container, await colourBars(report, decodeAnswers(data)));
  append(container, await wordRatings(report, norms));
  append(container, await draw(() => jsdFigure(report)));
  append(container, await draw(() => responsesFigure(report)));
  for (const table of tables(report, populations)) {
    await nextTask();
    append(container, table);
  }
}
