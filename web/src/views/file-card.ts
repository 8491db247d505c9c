// One dropped file: what was recognised, a preview, the column mapping and
// the population labels, all editable.
import { h } from '../dom';
import { exclusionReason, FORMATS, formatBytes, ROLE_TITLES, type LoadedFile } from '../files';

export interface FileCardEvents {
  // Settings that change how the file is read: inspect it again.
  onReread: (file: LoadedFile) => void;
  onRemove: (file: LoadedFile) => void;
}

function preview(file: LoadedFile): HTMLElement | null {
  const i = file.inspection;
  if (!i?.header || !i.preview) return null;
  return h('div', { class: 'table-scroll' },
    h('table', { class: 'preview' },
      h('caption', {}, i.sampled_bytes
        ? `First ${i.preview.length} rows (checked on the first ${formatBytes(i.sampled_bytes)} of ${formatBytes(i.bytes)}; ` +
          'the analysis reads every row and reports any problem)'
        : `First ${i.preview.length} of ${i.rows} rows`),
      h('thead', {}, h('tr', {}, ...i.header.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...i.preview.map((row) => h('tr', {}, ...row.map((cell) => h('td', {}, cell.length > 60 ? `${cell.slice(0, 57)}…` : cell)))))));
}

function formatPicker(file: LoadedFile, events: FileCardEvents): HTMLElement {
  const select = h('select', { name: `format-${file.id}` },
    ...FORMATS.map((f) => h('option', { value: f, selected: (file.settings.format ?? 'auto') === f }, f)));
  select.addEventListener('change', () => {
    file.settings.format = select.value === 'auto' ? undefined : select.value;
    events.onReread(file);
  });
  return h('label', {}, 'Format', select);
}

function columnMapping(file: LoadedFile, events: FileCardEvents): HTMLElement | null {
  const i = file.inspection;
  if (!i?.header || !i.format_roles) return null;
  const header = i.header;
  const rows = i.format_roles.map((role) => {
    const current = file.settings.columns?.[role] ?? i.roles?.[role] ?? '';
    const select = h('select', { name: `column-${file.id}-${role}` },
      h('option', { value: '', selected: current === '' }, '(none)'),
      ...header.map((c) => h('option', { value: c, selected: c === current }, c)));
    select.addEventListener('change', () => {
      file.settings.columns = { ...(file.settings.columns ?? {}), [role]: select.value };
      if (!select.value) delete file.settings.columns[role];
      events.onReread(file);
    });
    return h('label', {}, ROLE_TITLES[role] ?? role, select);
  });
  return h('fieldset', { class: 'mapping' }, h('legend', {}, 'Columns'), ...rows);
}

function labelEditor(file: LoadedFile, events: FileCardEvents): HTMLElement | null {
  const populations = file.inspection?.populations;
  if (!populations || populations.length === 0) return null;
  const labels = file.settings.labels ?? {};
  const first = populations[0];
  const single = populations.length === 1;
  const update = (change: Partial<NonNullable<typeof file.settings.labels>>) => {
    file.settings.labels = { ...(file.settings.labels ?? {}), ...change };
    events.onReread(file);
  };
  const text = (key: 'name' | 'model' | 'prompt' | 'temperature' | 'family', title: string) => {
    const input = h('input', { type: 'text', name: `${key}-${file.id}`, value: labels[key] ?? (single ? first[key] : '') });
    input.addEventListener('change', () => update({ [key]: input.value.trim() || undefined }));
    return h('label', {}, title, input);
  };
  const currentAligned = labels.aligned ?? (single ? first.aligned : null);
  const aligned = h('select', { name: `aligned-${file.id}` },
    h('option', { value: '', selected: currentAligned === null }, 'unknown'),
    h('option', { value: 'no', selected: currentAligned === false }, 'no (instruction-tuned)'),
    h('option', { value: 'yes', selected: currentAligned === true }, 'yes (RLHF, DPO, ...)'));
  aligned.addEventListener('change', () => update({ aligned: aligned.value === '' ? undefined : aligned.value === 'yes' }));
  const human = h('input', { type: 'checkbox', name: `human-${file.id}`, checked: labels.human ?? first.human });
  human.addEventListener('change', () => update({ human: human.checked }));
  const names = h('p', { class: 'populations' }, `Populations: ${populations.map((p) => p.name + (p.human ? ' (human)' : '')).join(', ')}`);
  return h('fieldset', { class: 'labels' }, h('legend', {}, 'Population labels'), names,
    single ? text('name', 'Name') : null,
    text('model', 'Model'), text('family', 'Family'),
    h('label', {}, 'Aligned', aligned),
    text('prompt', 'Prompt'), text('temperature', 'Temperature'),
    h('label', { class: 'inline' }, human, 'Human population (the reference)'));
}

function stateLine(file: LoadedFile): string {
  const size = `${formatBytes(file.size)} (${file.size.toLocaleString('en')} bytes)`;
  if (file.state === 'reading') return `${size} · reading…`;
  if (file.state === 'inspecting') return `${size} · checking the columns…`;
  const i = file.inspection;
  const task = i?.task === 'color' ? 'word–colour associations' : i?.task === 'concept' ? 'conceptual similarity' : i?.task === 'word-norms' ? 'word ratings (drawn against the colour results)' : 'not recognised';
  return `${size} · task: ${task}${i?.format ? ` · format: ${i.format}` : ''}`;
}

export function fileCard(file: LoadedFile, events: FileCardEvents): HTMLElement {
  const i = file.inspection;
  const remove = h('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${file.name}` }, 'Remove');
  remove.addEventListener('click', () => events.onRemove(file));
  const summary = h('p', { class: 'recognised', 'data-state': file.state }, stateLine(file));
  const issues = i?.issues?.length
    ? h('ul', { class: 'issues' }, ...i.issues.map((x) => h('li', {}, `${x.count} × ${x.description} (first at row ${x.first_row})`)))
    : null;
  const excluded = exclusionReason(file);
  const error = excluded ? h('p', { class: 'error' }, `Not analysed: ${excluded}`) : null;
  const mismatch = file.mismatch ? h('p', { class: 'error mismatch' }, file.mismatch) : null;
  const details = file.state === 'inspected'
    ? h('details', {}, h('summary', {}, 'Preview, columns and labels'),
      preview(file), h('div', { class: 'settings' }, formatPicker(file, events), columnMapping(file, events), labelEditor(file, events)))
    : null;
  return h('article', { class: `file-card${excluded || file.mismatch ? ' excluded' : ''}`, 'data-file': file.name },
    h('header', {}, h('h3', {}, file.name), remove),
    summary, mismatch, error, issues, details);
}
