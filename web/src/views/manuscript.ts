// The texts a researcher copies into a paper, as the core wrote them into the
// report ("manuscript"): the results sentences, the APA tables and the
// methods paragraph, each copied as plain text, Markdown or LaTeX, and the
// BibTeX of what the methods cite. Nothing here is computed: page, HTML
// report and command line give the same bytes.
import { h } from '../dom';
import type { Manuscript, ManuscriptText } from '../report-types';
import './manuscript.css';

const FORMATS = [['text', 'plain text'], ['markdown', 'Markdown'], ['latex', 'LaTeX']] as const;

// The clipboard API, else the older copy command on a hidden text area (the
// API needs a secure context and the page's focus); false when neither works.
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // not allowed here: fall back below
  }
  const buffer = h('textarea', { class: 'copy-buffer', readonly: true, 'aria-hidden': 'true', tabindex: -1 });
  buffer.value = text;
  document.body.append(buffer);
  buffer.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  buffer.remove();
  return copied;
}

// One copy button: on success a short confirmation; when no way to the
// clipboard works, the text shown selected for the reader to copy by hand.
function copyButton(label: string, what: string, text: string, status: HTMLElement, fallback: HTMLTextAreaElement, name: string) {
  const button = h('button', { type: 'button', class: 'copy', 'data-copy': name }, label);
  button.addEventListener('click', () => {
    void copyText(text).then((copied) => {
      fallback.hidden = copied;
      if (copied) {
        status.textContent = `Copied ${what}.`;
        return;
      }
      fallback.value = text;
      fallback.focus();
      fallback.select();
      status.textContent = `The clipboard is not available here: ${what} is selected below, copy it with Ctrl+C (⌘C).`;
    });
  });
  return button;
}

function part(name: string, title: string, what: string, text: ManuscriptText, shown: HTMLElement, extra?: [string, string]) {
  const status = h('p', { class: 'copy-status', role: 'status' });
  const fallback = h('textarea', { class: 'copy-fallback', readonly: true, rows: 8, 'aria-label': `${title} to copy` });
  fallback.hidden = true;
  const buttons = FORMATS.map(([format, label]) =>
    copyButton(`Copy as ${label}`, `${what} as ${label}`, text[format], status, fallback, `${name}-${format}`));
  if (extra) buttons.push(copyButton(`Copy ${extra[0]}`, extra[0], extra[1], status, fallback, `${name}-bibtex`));
  return h('div', { class: 'manuscript-part', 'data-manuscript-part': name },
    h('h5', {}, title), shown, h('div', { class: 'copy-buttons' }, ...buttons), status, fallback);
}

// Plain text paragraphs, one per blank-line-separated block.
const paragraphs = (text: string) =>
  text.split(/\n{2,}/).map((p) => p.trim()).filter((p) => p !== '').map((p) => h('p', {}, p));

export function manuscriptPanel(manuscript: Manuscript | undefined, key: string): HTMLElement | null {
  if (!manuscript) return null;
  return h('div', { class: 'manuscript', 'data-manuscript': key },
    h('h4', {}, 'For the manuscript'),
    part('results', 'Results', 'the results sentences', manuscript.sentences, h('div', { class: 'manuscript-text' }, ...paragraphs(manuscript.sentences.text))),
    part('tables', 'APA tables', 'the tables', manuscript.tables,
      h('details', {}, h('summary', {}, 'The tables as plain text'), h('pre', { class: 'manuscript-tables' }, manuscript.tables.text))),
    part('methods', 'Methods', 'the methods paragraph', manuscript.methods, h('div', { class: 'manuscript-text' }, ...paragraphs(manuscript.methods.text)),
      ['BibTeX', manuscript.references]));
}
