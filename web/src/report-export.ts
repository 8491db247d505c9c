// The exported report: one self-contained HTML file, no script, that reads
// as a document: a title and summary of the key results, the comparisons,
// the figures as inline SVG, the method with its parameters and inputs, and
// an appendix with every table attached as CSV. Print styles make the
// browser's "Save as PDF" a paper of a readable length.
import { h } from './dom';
import { download } from './download';
import { appendixSection } from './report/appendix';
import { comparisonsSection } from './report/comparisons';
import { figuresSection } from './report/figures';
import { methodSection } from './report/method';
import { readerCopy } from './report/page-copy';
import type { RunRecord } from './report/record';
import type { PopulationLabel } from './report-types';
import STYLE from './report/report.css?raw';
import { summarySection } from './report/summary';

export type { RunRecord } from './report/record';

// The results' headings and figures as a list of links, for long reports.
export function contentsOf(results: HTMLElement): HTMLElement {
  const targets = [...results.querySelectorAll<HTMLElement>(
    '#color-results h3, #concept-results h3, #comparison-results h2, #comparison-results h3, #results figure[data-figure]')];
  const items = targets.map((target, k) => {
    const figure = target.tagName === 'FIGURE';
    target.id ||= figure ? `figure-${target.dataset.figure}` : `result-${k + 1}`;
    const text = figure ? target.querySelector('figcaption')?.textContent : target.textContent;
    return h('li', { class: figure ? 'figure-entry' : target.tagName === 'H2' ? 'top' : undefined },
      h('a', { href: `#${target.id}` }, text ?? ''));
  });
  return h('nav', { 'aria-label': 'Contents of the results' }, h('p', { class: 'contents-title' }, 'Contents'), h('ul', {}, ...items));
}

export function exportButton(record: () => RunRecord, results: HTMLElement): HTMLElement {
  const button = h('button', { type: 'button', class: 'download', 'data-download': 'report.html' }, 'Export the report (one HTML file)');
  button.addEventListener('click', () => download('shoal-report.html', reportHtml(record(), results), 'text/html'));
  return button;
}

// What was compared: the humans and the language-model populations, by task.
function title(record: RunRecord): string {
  const populations = record.tasks.flatMap((t): PopulationLabel[] => t.report.populations);
  const models = new Set(populations.filter((p) => !p.human).map((p) => p.name)).size;
  const who = [
    populations.some((p) => p.human) ? 'humans' : null,
    models ? `${models.toLocaleString('en')} language-model population${models === 1 ? '' : 's'}` : null,
  ].filter(Boolean).join(' and ');
  const tasks = record.tasks.map((t) => t.task.toLowerCase()).join(' and ');
  return `Conceptual diversity of ${who || 'no population'}${tasks ? `: ${tasks}` : ''}`;
}

export function reportHtml(record: RunRecord, results: HTMLElement): string {
  const when = record.finished.toISOString().replace('T', ' ').slice(0, 16);
  const cautions = [...results.querySelectorAll<HTMLElement>('.warning')].map(readerCopy);
  const body = h('body', {},
    h('h1', {}, title(record)),
    h('p', { class: 'byline' }, `Shoal report. Analysed with Shoal ${record.version} on ${when} UTC, in the browser. Method: Murthy, Ullman & Hu (2025), ` +
      '“One fish, two fish, but not the whole sea: Alignment reduces language models’ conceptual diversity”, NAACL 2025.'),
    summarySection(record.files, record.tasks, cautions),
    comparisonsSection(record.tasks, results.querySelector<HTMLElement>('#replication-results')),
    figuresSection(results),
    methodSection(results.ownerDocument, record),
    appendixSection(results));
  const head = document.createElement('title');
  head.textContent = `Shoal report — ${when.slice(0, 10)}`;
  return '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `${head.outerHTML}<style>${STYLE}</style></head>${body.outerHTML}</html>\n`;
}
