// The analysis parameter form holds no defaults, limits or help of its own:
// each field takes its start, range and title from the settings registry the
// module exports, and Run asks the module's validator (the command line's)
// about the values as typed, so the page refuses exactly what `shoal`
// refuses, in the same words. The form's markup gives only each field's
// label and each option's words.
import type { WorkerPool } from '../worker/client';
import { analysisSettings, fieldName, pageSettings, settingHelp, type Setting } from './settings';

type Field = HTMLInputElement | HTMLSelectElement;

function field(form: HTMLFormElement, name: string): Field | null {
  return form.elements.namedItem(name) as Field | null;
}

function namedFields(form: HTMLFormElement): Field[] {
  return (Array.from(form.elements) as Field[]).filter((f) => f.name);
}

// A field for a setting the markup does not word yet: labelled by its
// command-line name, so that a setting added to the registry reaches the
// form (and share links) without editing the page.
function addedField(form: HTMLFormElement, s: Setting): Field {
  let group = form.querySelector<HTMLFieldSetElement>('#more-parameters');
  if (!group) {
    group = document.createElement('fieldset');
    group.id = 'more-parameters';
    group.append(Object.assign(document.createElement('legend'), { textContent: 'More settings' }));
    form.append(group);
  }
  const label = document.createElement('label');
  label.append(`${s.name} `);
  let control: Field;
  if (s.kind === 'choice') {
    control = document.createElement('select');
    for (const c of s.choices ?? []) control.append(new Option(c, c));
  } else {
    control = document.createElement('input');
    control.type = s.kind === 'whole' || s.kind === 'number' ? 'number' : 'text';
  }
  control.name = fieldName(s.name);
  label.append(control);
  group.append(label);
  return control;
}

// Where the page starts a setting elsewhere than the command line, the
// reason, from the registry, under the field.
function showWhy(f: Field, s: Setting) {
  const id = `${s.name}-why`;
  let hint = document.getElementById(id);
  if (!hint) {
    hint = document.createElement('p');
    hint.id = id;
    hint.className = 'hint';
    (f.closest('label') ?? f).after(hint);
  }
  const why = s.why.charAt(0).toUpperCase() + s.why.slice(1);
  hint.textContent = `${why}. The command line starts at ${s.default}.`;
  f.setAttribute('aria-describedby', [...new Set([...(f.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean), id])].join(' '));
}

// Sets every field's start, range and title from the registry. Throws when
// the markup and the registry disagree: a field with no setting, or an option
// the validator would refuse.
export function applySettings(form: HTMLFormElement, registry: Setting[]) {
  const settings = pageSettings(registry);
  const known = new Set(settings.map((s) => fieldName(s.name)));
  for (const f of namedFields(form)) {
    if (!known.has(f.name)) throw new Error(`the parameter field ${f.name} is no setting of the registry`);
  }
  for (const s of settings) {
    const f = field(form, fieldName(s.name)) ?? addedField(form, s);
    f.title = settingHelp(s);
    if (s.page_default !== s.default) showWhy(f, s);
    if (f instanceof HTMLSelectElement) {
      for (const option of f.options) {
        if (!s.choices?.includes(option.value)) throw new Error(`the option ${option.value} of ${f.name} is no choice of the registry`);
        option.defaultSelected = option.value === s.page_default;
      }
      f.value = s.page_default;
      continue;
    }
    f.defaultValue = s.page_default;
    f.value = s.page_default;
    if (s.kind === 'whole' || s.kind === 'number') {
      f.min = String(s.min);
      f.max = String(s.max);
      f.step = s.kind === 'whole' ? '1' : 'any';
    }
  }
}

// The form's values as typed, by field name.
export function formValues(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries(namedFields(form).map((f) => [f.name, f.value]));
}

// Marks the field a refusal is about until it is edited; null clears.
function markRefused(form: HTMLFormElement, setting: string | null, message = '') {
  for (const f of form.querySelectorAll<HTMLInputElement>('[aria-invalid="true"]')) {
    f.removeAttribute('aria-invalid');
    f.setCustomValidity('');
  }
  const refused = setting ? field(form, fieldName(setting)) : null;
  if (!refused) return;
  refused.setAttribute('aria-invalid', 'true');
  refused.setCustomValidity(message);
  refused.addEventListener('input', () => markRefused(form, null), { once: true });
  // Centred: at the edge of the window the sticky run bar would cover it.
  refused.focus({ preventScroll: true });
  refused.scrollIntoView({ block: 'center' });
}

// The validator's words for the form's values, or null when it accepts them;
// the field they are about is marked.
export async function parameterRefusal(form: HTMLFormElement, registry: Setting[], pool: WorkerPool): Promise<string | null> {
  const check = await pool.run({ kind: 'check-settings', settings: analysisSettings(registry, formValues(form)) }).done;
  markRefused(form, check.ok ? null : check.error.setting, check.error.message);
  return check.ok ? null : check.error.message;
}
