// One dropped file: what was recognised, a preview, the column mapping and
// the population labels, all editable. The card keeps its own open state and
// its fields' typing across redraws: a file re-read after an edit, or another
// file changing state, leaves the card as the reader had it.
import { useState } from 'preact/hooks';
import type { FileSettings } from '@shoal-wasm/shoal.mjs';
import { exclusionReason, FORMATS, formatBytes, ROLE_TITLES, type LoadedFile } from '../files';

export interface FileCardEvents {
  // Settings that change how the file is read: inspect it again.
  onReread: (file: LoadedFile) => void;
  onRemove: (file: LoadedFile) => void;
}

type Labels = NonNullable<FileSettings['labels']>;

function Preview({ file }: { file: LoadedFile }) {
  const i = file.inspection;
  if (!i?.header || !i.preview) return null;
  return (
    <div class="table-scroll">
      <table class="preview">
        <caption>{i.sampled_bytes
          ? `First ${i.preview.length} rows (checked on the first ${formatBytes(i.sampled_bytes)} of ${formatBytes(i.bytes)}; ` +
            'the analysis reads every row and reports any problem)'
          : `First ${i.preview.length} of ${i.rows} rows`}</caption>
        <thead><tr>{i.header.map((c) => <th scope="col">{c}</th>)}</tr></thead>
        <tbody>{i.preview.map((row) => <tr>{row.map((cell) => <td>{cell.length > 60 ? `${cell.slice(0, 57)}…` : cell}</td>)}</tr>)}</tbody>
      </table>
    </div>
  );
}

function FormatPicker({ file, events }: { file: LoadedFile; events: FileCardEvents }) {
  const change = (value: string) => {
    file.settings.format = value === 'auto' ? undefined : value;
    events.onReread(file);
  };
  return (
    <label>Format
      <select name={`format-${file.id}`} value={file.settings.format ?? 'auto'}
        onChange={(e) => change(e.currentTarget.value)}>
        {FORMATS.map((f) => <option key={f} value={f}>{f}</option>)}
      </select>
    </label>
  );
}

function ColumnMapping({ file, events }: { file: LoadedFile; events: FileCardEvents }) {
  const i = file.inspection;
  if (!i?.header || !i.format_roles) return null;
  const header = i.header;
  const change = (role: string, column: string) => {
    const columns = { ...(file.settings.columns ?? {}), [role]: column };
    if (!column) delete columns[role];
    file.settings.columns = columns;
    events.onReread(file);
  };
  return (
    <fieldset class="mapping">
      <legend>Columns</legend>
      {i.format_roles.map((role) => (
        <label key={role}>{ROLE_TITLES[role] ?? role}
          <select name={`column-${file.id}-${role}`} value={file.settings.columns?.[role] ?? i.roles?.[role] ?? ''}
            onChange={(e) => change(role, e.currentTarget.value)}>
            <option value="">(none)</option>
            {header.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
      ))}
    </fieldset>
  );
}

// A text field whose typing stands until it is committed (on change): a
// redraw meanwhile shows what the reader typed, not the value it replaces.
function LabelField({ name, title, value, commit }: { name: string; title: string; value: string; commit: (text: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <label>{title}
      <input type="text" name={name} value={draft ?? value}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => { setDraft(null); commit(e.currentTarget.value); }} />
    </label>
  );
}

function LabelEditor({ file, events }: { file: LoadedFile; events: FileCardEvents }) {
  const populations = file.inspection?.populations;
  if (!populations || populations.length === 0) return null;
  const labels = file.settings.labels ?? {};
  const first = populations[0];
  const single = populations.length === 1;
  const update = (change: Partial<Labels>) => {
    file.settings.labels = { ...(file.settings.labels ?? {}), ...change };
    events.onReread(file);
  };
  const text = (key: 'name' | 'model' | 'prompt' | 'temperature' | 'family', title: string) => (
    <LabelField key={key} name={`${key}-${file.id}`} title={title} value={labels[key] ?? (single ? first[key] ?? '' : '')}
      commit={(value) => update({ [key]: value.trim() || undefined })} />
  );
  const aligned = labels.aligned ?? (single ? first.aligned : null);
  return (
    <fieldset class="labels">
      <legend>Population labels</legend>
      <p class="populations">Populations: {populations.map((p) => p.name + (p.human ? ' (human)' : '')).join(', ')}</p>
      {single ? text('name', 'Name') : null}
      {text('model', 'Model')}
      {text('family', 'Family')}
      <label>Aligned
        <select name={`aligned-${file.id}`} value={aligned === null || aligned === undefined ? '' : aligned ? 'yes' : 'no'}
          onChange={(e) => update({ aligned: e.currentTarget.value === '' ? undefined : e.currentTarget.value === 'yes' })}>
          <option value="">unknown</option>
          <option value="no">no (instruction-tuned)</option>
          <option value="yes">yes (RLHF, DPO, ...)</option>
        </select>
      </label>
      {text('prompt', 'Prompt')}
      {text('temperature', 'Temperature')}
      <label class="inline">
        <input type="checkbox" name={`human-${file.id}`} checked={labels.human ?? first.human}
          onChange={(e) => update({ human: e.currentTarget.checked })} />
        Human population (the reference)
      </label>
    </fieldset>
  );
}

function stateLine(file: LoadedFile): string {
  const size = `${formatBytes(file.size)} (${file.size.toLocaleString('en')} bytes)`;
  if (file.state === 'reading') return `${size} · reading…`;
  if (file.state === 'inspecting') return `${size} · checking the columns…`;
  const i = file.inspection;
  const task = i?.task === 'color' ? 'word–colour associations' : i?.task === 'concept' ? 'conceptual similarity' : i?.task === 'word-norms' ? 'word ratings (drawn against the colour results)' : 'not recognised';
  return `${size} · task: ${task}${i?.format ? ` · format: ${i.format}` : ''}`;
}

export function FileCard({ file, events }: { file: LoadedFile; events: FileCardEvents }) {
  const [open, setOpen] = useState(false);
  const i = file.inspection;
  const excluded = exclusionReason(file);
  // The settings stay on show while the file is checked again after an
  // edit (with what the last check found), so the field being edited stays.
  const editable = file.state === 'inspected' || i !== null;
  return (
    <article class={`file-card${excluded || file.mismatch ? ' excluded' : ''}`} data-file={file.name}>
      <header>
        <h3>{file.name}</h3>
        <button type="button" class="remove" aria-label={`Remove ${file.name}`} onClick={() => events.onRemove(file)}>Remove</button>
      </header>
      <p class="recognised" data-state={file.state}>{stateLine(file)}</p>
      {file.mismatch ? <p class="error mismatch">{file.mismatch}</p> : null}
      {excluded ? <p class="error">Not analysed: {excluded}</p> : null}
      {i?.issues?.length
        ? <ul class="issues">{i.issues.map((x) => <li>{`${x.count} × ${x.description} (first at row ${x.first_row})`}</li>)}</ul>
        : null}
      {editable
        ? (
          <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
            <summary>Preview, columns and labels</summary>
            {/* Drawn only when open: a long list of files redraws often. */}
            {open
              ? <><Preview file={file} /><div class="settings"><FormatPicker file={file} events={events} /><ColumnMapping file={file} events={events} /><LabelEditor file={file} events={events} /></div></>
              : null}
          </details>
        )
        : null}
    </article>
  );
}
