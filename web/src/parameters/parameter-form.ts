// The analysis parameter form holds no limits of its own: its ranges come
// from the module, and Run asks the module's validator (the command line's)
// about the values as typed, so the page refuses exactly what `shoal`
// refuses, in the same words.
import type { SettingsText } from '@shoal-wasm/shoal.mjs';
import type { WorkerPool } from '../worker/client';

export interface OptionLimit { min: number; max: number; default: number; whole: boolean }

// The form's fields of each analysis; a field's name is its setting's
// command-line name in camel case (burnIn: --burn-in).
const COLOR_FIELDS = ['pairs', 'deltaE', 'jsd', 'jsdSamples', 'seed', 'bootstrap'];
const CONCEPT_FIELDS = ['alpha', 'prior', 'kernel', 'iterations', 'burnIn', 'chains', 'subsets', 'minPeople', 'seed',
  'bootstrap'];

const settingName = (field: string) => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const fieldName = (setting: string) => setting.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function field(form: HTMLFormElement, name: string): HTMLInputElement | HTMLSelectElement | null {
  return form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
}

export function applyLimits(form: HTMLFormElement, limits: Record<string, OptionLimit>) {
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="number"]')) {
    const limit = limits[settingName(input.name)];
    if (!limit) throw new Error(`the module gives no range for the field ${input.name}`);
    input.min = String(limit.min);
    input.max = String(limit.max);
    input.step = limit.whole ? '1' : 'any';
  }
}

function settingsText(form: HTMLFormElement): { color: SettingsText; concept: SettingsText } {
  const text = (fields: string[]) => Object.fromEntries(fields.map((name) => [settingName(name), field(form, name)!.value]));
  return { color: text(COLOR_FIELDS), concept: text(CONCEPT_FIELDS) };
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
export async function parameterRefusal(form: HTMLFormElement, pool: WorkerPool): Promise<string | null> {
  const check = await pool.run({ kind: 'check-settings', settings: settingsText(form) }).done;
  markRefused(form, check.ok ? null : check.report, check.error.message);
  return check.ok ? null : check.error.message;
}
