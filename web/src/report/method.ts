// Method and parameters: the page's own account of the method, the
// parameters in the form's words, the seed, the link that restores the
// analysis, and every input with its fingerprint and issues.
import { h } from '../dom';
import { inputIssues, inputTable } from './inputs';
import { readerCopy } from './page-copy';
import { parameterTable } from './parameters';
import type { RunRecord } from './record';

export function methodSection(page: Document, record: RunRecord): HTMLElement {
  const form = page.getElementById('parameters');
  if (!(form instanceof HTMLFormElement)) throw new Error('the page has no parameter form to read the parameters\' names from');
  const method = page.getElementById('method-heading')?.closest('section');
  const account = method ? [...readerCopy(method).children].filter((e) => !/^H[1-6]$/.test(e.tagName)) : [];
  return h('section', { 'data-section': 'method' },
    h('h2', {}, 'Method and parameters'),
    ...account,
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
