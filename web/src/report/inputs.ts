// Every input with its size, fingerprint, task, format and populations, and
// what was wrong in them.
import { displayName } from '../charts/palette';
import { h } from '../dom';
import { TASK_NAMES, type LoadedFile } from '../files';

const taskName = (task: string | null | undefined) => (task === 'word-norms' ? 'word ratings' : TASK_NAMES[task ?? ''] ?? '');

export function inputTable(files: LoadedFile[]): HTMLElement {
  return h('table', { class: 'inputs' },
    h('caption', {}, `Inputs (${files.length} file${files.length === 1 ? '' : 's'})`),
    h('thead', {}, h('tr', {}, ...['file', 'bytes', 'SHA-256', 'task', 'format', 'populations'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...files.map((f) => h('tr', { 'data-input': f.name },
      h('td', {}, f.name),
      h('td', { class: 'number' }, f.size.toLocaleString('en')),
      h('td', { class: 'hash' }, h('code', {}, f.sha256)),
      h('td', {}, taskName(f.inspection?.task)),
      h('td', {}, f.inspection?.format ?? ''),
      h('td', {}, (f.inspection?.populations ?? []).map((p) =>
        [displayName(p), p.human && p.name !== 'human' ? 'human' : '', p.aligned === true ? 'aligned' : p.aligned === false ? 'not aligned' : '']
          .filter(Boolean).join(', ')).join('; '))))));
}

export function inputIssues(files: LoadedFile[]): HTMLElement {
  const withIssues = files.filter((f) => f.inspection?.issues?.length);
  if (withIssues.length === 0) return h('p', {}, 'No input issues: every row was read as an answer.');
  return h('ul', { class: 'issues' }, ...withIssues.flatMap((f) => f.inspection!.issues!.map((x) =>
    h('li', {}, `${f.name}: ${x.count.toLocaleString('en')} × ${x.description} (first at row ${x.first_row})`))));
}
