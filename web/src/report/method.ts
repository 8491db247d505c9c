// Method and parameters: the page's own account of the method, the
// parameters in the form's words, the seed, the link that restores the
// analysis, and every input with its fingerprint and issues.
import { h } from '../dom';
import { inputIssues, inputTable } from './inputs';
import { readerCopy } from './page-copy';
import { parameterTable } from './parameters';
import type { RunRecord } from './record';

// The core's methods paragraph of each analysis, written from the settings
// it ran with, and the BibTeX of what it cites.
function methodsParagraphs(record: RunRecord): HTMLElement[] {
  return record.tasks.flatMap((task) => {
    const m = task.report.manuscript;
    if (!m) return [];
    return [h('div', { class: 'manuscript-methods', 'data-manuscript': task.key },
      h('h3', {}, `Methods paragraph: ${task.task}`),
      ...m.methods.text.split(/\n{2,}/).filter((p) => p.trim() !== '').map((p) => h('p', {}, p.trim())),
      h('details', { class: 'manuscript-source', 'data-format': 'markdown' }, h('summary', {}, 'As Markdown'), h('pre', {}, m.methods.markdown)),
      h('details', { class: 'manuscript-source', 'data-format': 'latex' }, h('summary', {}, 'As LaTeX (natbib)'), h('pre', {}, m.methods.latex)),
      h('details', { class: 'manuscript-source', 'data-format': 'bibtex' }, h('summary', {}, 'References (BibTeX)'), h('pre', {}, m.references)))];
  });
}

export function methodSection(page: Document, record: RunRecord): HTMLElement {
  const form = page.getElementById('parameters');
  if (!(form instanceof HTMLFormElement)) throw new Error('the page has no parameter form to read the parameters\' names from');
  const method = page.getElementById('method-heading')?.closest('section');
  const account = method ? [...readerCopy(method).children].filter((e) => !/^H[1-6]$/.test(e.tagName)) : [];
  return h('section', { 'data-section': 'method' },
    h('h2', {}, 'Method and parameters'),
    ...account,
    ...methodsParagraphs(record),
    parameterTable(form, record),
    h('p', {}, `Seed ${String(record.parameters.concept.seed)}: the same inputs, parameters and seed give the same numbers, ` +
      'in the page and with the command-line tool.'),
    record.shareLink
      ? h('p', { class: 'share-link' }, 'Link that restores this analysis (the reviewer supplies the files, checked by fingerprint): ',
        h('a', { href: record.shareLink }, record.shareLink), h('span', { class: 'print-only' }, 'in the HTML file of this report.'))
      : null,
    inputTable(record.files),
    h('h3', {}, 'Input issues'),
    inputIssues(record.files));
}
