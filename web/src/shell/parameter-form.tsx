// The analysis parameter form, drawn from the page's state: the settings
// registry the module exports gives every field its start, range, help and
// choices; the page's words (parameters/wording.ts) give the labels, the
// options' text and the fieldsets. The values as typed live in the page's
// state, so a redraw (a file card changing) keeps what is being typed, and
// Run asks the module's validator (the command line's) about them, so the
// page refuses exactly what `shoal` refuses, in the same words.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { WorkerPool } from '../worker/client';
import { choiceOptions, formLayout, type LaidOutField } from '../parameters/form-layout';
import { analysisSettings, fieldName, pageSettings, settingHelp, type Setting } from '../parameters/settings';
import { page, redraw, type PageState, type Refusal } from './page-state';

type FormState = PageState['parameters'];

const pageStarts = (registry: Setting[]) =>
  Object.fromEntries(pageSettings(registry).map((s) => [fieldName(s.name), s.page_default]));

// Takes the registry the form is drawn from, every field at its page start.
// Throws when the page's words and the registry disagree.
export function applySettings(registry: Setting[]) {
  formLayout(registry);
  page.parameters = { registry, values: pageStarts(registry), refusal: null };
}

// The form's values as typed, by field name.
export const formValues = (): Record<string, string> => ({ ...page.parameters.values });

// Sets the fields named (a share link's, the paper's); names the form does
// not have are passed over, as a link's were checked against them already.
export function setParameters(values: Record<string, string>) {
  const form = page.parameters;
  for (const [name, value] of Object.entries(values)) {
    if (Object.prototype.hasOwnProperty.call(form.values, name) && typeof value === 'string') form.values[name] = value;
  }
  redraw();
}

// Every field back at the registry's page start.
export function resetParameters() {
  page.parameters.values = pageStarts(page.parameters.registry);
  page.parameters.refusal = null;
  redraw();
}

// The validator's words for the form's values, or null when it accepts them;
// the field they are about is marked.
export async function parameterRefusal(pool: WorkerPool): Promise<string | null> {
  const { registry } = page.parameters;
  const check = await pool.run({ kind: 'check-settings', settings: analysisSettings(registry, formValues()) }).done;
  page.parameters.refusal = check.ok ? null : { setting: check.error.setting, message: check.error.message };
  redraw();
  return check.ok ? null : check.error.message;
}

// A field's value typed: kept, and a refusal about it withdrawn.
export function typeParameter(name: string, value: string) {
  const form = page.parameters;
  form.values[name] = value;
  if (form.refusal && fieldName(form.refusal.setting) === name) form.refusal = null;
}

export function ParameterForm({ state, onType }: { state: FormState; onType: (name: string, value: string) => void }) {
  if (state.registry.length === 0) return null;
  return (
    <>
      {formLayout(state.registry).map((group) => (
        <fieldset key={group.legend} id={group.id}>
          <legend>{group.legend}</legend>
          {group.fields.map((field) => {
            const name = fieldName(field.setting.name);
            const refusal = state.refusal && fieldName(state.refusal.setting) === name ? state.refusal : null;
            return <Field key={name} field={field} value={state.values[name] ?? ''} refusal={refusal} onType={onType} />;
          })}
        </fieldset>
      ))}
    </>
  );
}

function Field({ field, value, refusal, onType }:
  { field: LaidOutField; value: string; refusal: Refusal | null; onType: (name: string, value: string) => void }) {
  const { setting: s, words } = field;
  const name = fieldName(s.name);
  const control = useRef<HTMLInputElement & HTMLSelectElement>(null);
  // A refusal (each check's its own) marks the field for the browser too,
  // and brings it into view, centred: at the edge of the window the sticky
  // run bar would cover it.
  useLayoutEffect(() => {
    const element = control.current;
    if (!element) return;
    element.setCustomValidity(refusal?.message ?? '');
    if (!refusal) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'center' });
  }, [refusal]);
  // The page's start is a choice's default selection, as it is a typed
  // field's default value: what the run report calls the page default.
  useLayoutEffect(() => {
    const element = control.current;
    if (!(element instanceof HTMLSelectElement)) return;
    const chosen = element.value;
    for (const option of element.options) option.defaultSelected = option.value === s.page_default;
    element.value = chosen;   // a default selected later would take the choice's place
  }, [s]);
  // Where the page starts a setting elsewhere than the command line, the
  // reason, from the registry, under the field.
  const whyId = s.page_default !== s.default ? `${s.name}-why` : undefined;
  const noteId = words?.note ? `${s.name}-hint` : undefined;
  const props = {
    ref: control,
    name,
    value,
    title: settingHelp(s),
    'aria-invalid': refusal ? 'true' as const : undefined,
    'aria-describedby': [noteId, whyId].filter(Boolean).join(' ') || undefined,
    onInput: (e: Event) => onType(name, (e.currentTarget as HTMLInputElement | HTMLSelectElement).value),
  };
  return (
    <>
      <label>
        {words?.label ?? s.name}{' '}
        {s.kind === 'choice'
          ? <select {...props}>{choiceOptions(field).map(([v, text]) => (
            <option key={v} value={v}>{text}</option>))}</select>
          : s.kind === 'whole' || s.kind === 'number'
            ? <input {...props} type="number" defaultValue={s.page_default} min={String(s.min)} max={String(s.max)}
              step={s.kind === 'whole' ? '1' : 'any'} />
            : <input {...props} type="text" defaultValue={s.page_default} />}
      </label>
      {whyId && <p id={whyId} class="hint">{s.why.charAt(0).toUpperCase() + s.why.slice(1)}. The command line starts at {s.default}.</p>}
      {noteId && <p id={noteId} class="hint">{words?.note}</p>}
    </>
  );
}
