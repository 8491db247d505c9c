// The run's parameters in the words of the page's form: each fieldset's
// legend, each field's label, a chosen option's text. The form is the only
// place those words are written; the values are the run's, not the form's
// current ones (it may have been edited since).
import { h } from '../dom';
import { settingName } from '../parameters/settings';
import type { ParameterValues, RunRecord } from './record';

type Field = HTMLInputElement | HTMLSelectElement;

// A label's own words, without the text of the control inside it.
function labelText(field: Field): string {
  const label = field.closest('label') ?? field.labels?.[0];
  if (!label) throw new Error(`the parameter field ${field.name} has no label`);
  return [...label.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(' ').replace(/\s+/g, ' ').trim();
}

// What a value reads as: a select's option text, a number as typed.
function valueText(field: Field, value: string | number | boolean): string {
  if (field instanceof HTMLSelectElement) {
    const option = [...field.options].find((o) => o.value === String(value));
    if (!option) throw new Error(`the parameter ${labelText(field)} has no option for the value ${String(value)}`);
    return option.text;
  }
  return typeof value === 'number' && !Number.isFinite(value) ? '—' : String(value);
}

function defaultText(field: Field): string {
  if (field instanceof HTMLSelectElement) return ([...field.options].find((o) => o.defaultSelected) ?? field.options[0])?.text ?? '';
  return field.defaultValue;
}

interface ParameterRow { group: string; label: string; value: string; pageDefault: string }

// The rows of the fieldsets for the analyses run; a field shared by both
// analyses (seed, bootstrap) is read from whichever was run.
export function parameterRows(form: HTMLFormElement, record: RunRecord): ParameterRow[] {
  const ran = new Set(record.tasks.map((t) => t.key));
  const sources: ParameterValues[] = [...ran].map((key) => record.parameters[key as 'color' | 'concept']).filter(Boolean);
  const rows: ParameterRow[] = [];
  for (const fieldset of form.querySelectorAll('fieldset')) {
    const analysis = /^(color|concept)-parameters$/.exec(fieldset.id)?.[1];
    if (analysis && !ran.has(analysis)) continue;
    const group = fieldset.querySelector('legend')?.textContent?.trim() ?? '';
    for (const field of fieldset.querySelectorAll<Field>('input[name], select[name]')) {
      const source = analysis ? [record.parameters[analysis as 'color' | 'concept']] : sources;
      // The run's settings are by command-line name, the fields by their camel case.
      const name = settingName(field.name);
      const holder = source.find((values) => name in values);
      if (!holder) continue;
      rows.push({ group, label: labelText(field), value: valueText(field, holder[name]), pageDefault: defaultText(field) });
    }
  }
  return rows;
}

export function parameterTable(form: HTMLFormElement, record: RunRecord): HTMLElement {
  const rows = parameterRows(form, record);
  return h('table', { class: 'parameters' },
    h('caption', {}, 'Parameters'),
    h('thead', {}, h('tr', {}, ...['analysis', 'parameter', 'value', 'page default'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...rows.map((r, k) => h('tr', { class: r.value === r.pageDefault ? undefined : 'changed' },
      k > 0 && rows[k - 1].group === r.group ? h('td', { class: 'repeat' }, r.group) : h('td', {}, r.group),
      h('th', { scope: 'row' }, r.label),
      h('td', {}, r.value),
      h('td', {}, r.pageDefault)))));
}
