// The exported report: one self-contained HTML file, no script, that holds
// the methods (tool version, parameters, seed, share link, every input with
// its fingerprint and issues) and every result on the page (tables, figures
// as inline SVG, comparisons, mixed models, warnings). Print styles make the
// browser's "Save as PDF" a paper-like document.
import { h } from './dom';
import { download } from './download';
import { formatBytes, TASK_NAMES, type LoadedFile } from './files';

export interface RunRecord {
  version: string;
  parameters: { color: Record<string, string | number | boolean>; concept: Record<string, string | number | boolean> };
  files: LoadedFile[];
  finished: Date;
  shareLink: string;
}

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

const PARAMETER_TITLES: Record<string, string> = {
  pairs: 'Pairs of individuals', deltaE: 'Colour difference', jsdSamples: 'Monte Carlo draws for the divergence',
  alpha: 'α of the Beta prior', prior: 'Prior over seatings', iterations: 'Iterations', burnIn: 'Burn-in', chains: 'Chains',
  subsets: 'Subset sizes', minPeople: 'Least people per concept', seed: 'Seed', bootstrap: 'Bootstrap draws for the comparisons',
};

function parameterTable(record: RunRecord): HTMLElement {
  const rows: [string, string, string][] = [];
  const tasks = new Set(record.files.map((f) => f.inspection?.task));
  const add = (task: string, values: Record<string, string | number | boolean>) => {
    for (const [key, value] of Object.entries(values)) {
      if (key === 'reference' || key === 'traces') continue;
      rows.push([task, PARAMETER_TITLES[key] ?? key, String(value)]);
    }
  };
  if (tasks.has('color')) add('word–colour', record.parameters.color);
  if (tasks.has('concept')) add('similarity', record.parameters.concept);
  return h('table', { class: 'parameters' },
    h('caption', {}, 'Parameters'),
    h('thead', {}, h('tr', {}, ...['analysis', 'parameter', 'value'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))));
}

function inputTable(files: LoadedFile[]): HTMLElement {
  return h('table', { class: 'inputs' },
    h('caption', {}, 'Inputs'),
    h('thead', {}, h('tr', {}, ...['file', 'bytes', 'SHA-256', 'task', 'format', 'populations'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...files.map((f) => h('tr', { 'data-input': f.name },
      h('td', {}, f.name),
      h('td', { class: 'number' }, `${f.size.toLocaleString('en')} (${formatBytes(f.size)})`),
      h('td', {}, h('code', {}, f.sha256)),
      h('td', {}, TASK_NAMES[f.inspection?.task ?? ''] ?? ''),
      h('td', {}, f.inspection?.format ?? ''),
      h('td', {}, (f.inspection?.populations ?? []).map((p) =>
        [p.name, p.human && p.name !== 'human' ? 'human' : '', p.model, p.family, p.aligned === true ? 'aligned' : p.aligned === false ? 'not aligned' : '',
          p.prompt ? `prompt ${p.prompt}` : '', p.temperature ? `temperature ${p.temperature}` : '']
          .filter(Boolean).join(', ')).join('; '))))));
}

function inputIssues(files: LoadedFile[]): HTMLElement {
  const withIssues = files.filter((f) => f.inspection?.issues?.length);
  if (withIssues.length === 0) return h('p', {}, 'No input issues: every row was read as an answer.');
  return h('ul', { class: 'issues' }, ...withIssues.flatMap((f) => f.inspection!.issues!.map((x) =>
    h('li', {}, `${f.name}: ${x.count.toLocaleString('en')} × ${x.description} (first at row ${x.first_row})`))));
}

// The results as a reader sees them, without controls: figures keep their
// SVG and caption, sortable headers their text, folded tables open.
function resultsCopy(results: HTMLElement): HTMLElement {
  const copy = h('div', { class: 'results' });
  for (const id of ['color-results', 'concept-results', 'replication-results', 'comparison-results']) {
    const part = results.querySelector(`#${id}`);
    if (part) copy.append(part.cloneNode(true));
  }
  copy.querySelectorAll('th button').forEach((b) => b.replaceWith(b.textContent ?? ''));
  copy.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''));
  copy.querySelectorAll('.figure-actions, button, script, select, input, label, nav').forEach((e) => e.remove());
  // Page ids would clash with the report's own; the ids inside figures name
  // their gradients and clip paths and must stay.
  copy.querySelectorAll('[id]').forEach((e) => { if (!e.closest('svg')) e.removeAttribute('id'); });
  // Vega points paint servers at the page's own address (url(http://…/#gradient_0));
  // in a file of its own the reference must be local.
  copy.querySelectorAll('svg [fill^="url("], svg [stroke^="url("], svg [clip-path^="url("]').forEach((e) => {
    for (const name of ['fill', 'stroke', 'clip-path']) {
      const value = e.getAttribute(name);
      if (value?.startsWith('url(')) e.setAttribute(name, value.replace(/^url\((['"]?)[^#'")]*#/, 'url($1#'));
    }
  });
  return copy;
}

const STYLE = `
body{font-family:Georgia,'Times New Roman',serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.4}
h1,h2,h3,h4,h5,caption,figcaption,th{font-family:system-ui,sans-serif}
table{border-collapse:collapse;font-size:.8rem;margin:.5rem 1rem .8rem 0}
th,td{border-bottom:1px solid #bbb;padding:.15rem .45rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600;padding:.3rem 0}
td code{font-size:.75rem;word-break:break-all}
.share-link a{display:block;font-family:monospace;font-size:.7rem;line-height:1.3;word-break:break-all;max-height:5.2em;overflow:hidden}
figure{margin:1.2rem 0}figcaption{font-weight:600;margin-bottom:.3rem}
figure svg{max-width:100%;height:auto}
.plot-dark{background:#16191c;color:#e8e8e8;border-radius:4px}
.warning{border-left:4px solid #e69f00;padding:.3rem .8rem;background:#fff4e0}
.table-scroll{overflow-x:auto}
details>summary{font-weight:600}
@media print{
  body{margin:0;max-width:none;font-size:10.5pt}
  h2{break-before:page}h2:first-of-type{break-before:auto}
  h2,h3,h4,caption,figcaption{break-after:avoid}
  figure,tr,.model{break-inside:avoid}
  .table-scroll{overflow:visible}
  a{color:inherit;text-decoration:none}
  .share-link{word-break:break-all;font-size:8pt}
  @page{margin:18mm 15mm}
}`;

export function reportHtml(record: RunRecord, results: HTMLElement): string {
  const when = record.finished.toISOString().replace('T', ' ').slice(0, 16);
  const body = h('body', {},
    h('h1', {}, 'Shoal report'),
    h('p', {}, `Analysed with Shoal ${record.version} on ${when} UTC, in the browser. Method: Murthy, Ullman & Hu (2025), ` +
      '“One fish, two fish, but not the whole sea: Alignment reduces language models’ conceptual diversity”, NAACL 2025.'),
    h('h2', {}, 'Methods'),
    parameterTable(record),
    h('p', {}, `Seed ${String(record.parameters.concept.seed)}: the same inputs, parameters and seed give the same numbers, ` +
      'in the page and with the command-line tool.'),
    record.shareLink
      ? h('p', { class: 'share-link' }, 'Link that restores this analysis (the reviewer supplies the files, checked by fingerprint): ',
        h('a', { href: record.shareLink }, record.shareLink))
      : null,
    inputTable(record.files),
    h('h3', {}, 'Input issues'),
    inputIssues(record.files),
    h('h2', {}, 'Results'),
    resultsCopy(results));
  const title = document.createElement('title');
  title.textContent = `Shoal report — ${when.slice(0, 10)}`;
  return '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `${title.outerHTML}<style>${STYLE}</style></head>${body.outerHTML}</html>\n`;
}
