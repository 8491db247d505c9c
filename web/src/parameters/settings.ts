// The settings registry as the module exports it (core/analysis/settings.cpp):
// the one definition of every setting's name, kind, default, limits and
// help. The page's form, its share links and its run records take their
// settings from here.
import type { SettingsText } from '@shoal-wasm/shoal.mjs';

export interface Setting {
  name: string;   // the command-line name without the dashes: 'burn-in'
  analyses: ('color' | 'concept' | 'values' | 'prompts')[];
  kind: 'whole' | 'number' | 'choice' | 'list' | 'flag' | 'text';
  default: string;
  // Where the page's form starts: the default, or its own start, with the reason in `why`.
  page_default: string;
  why: string;
  min?: number;
  max?: number;
  choices?: string[];
  help: string;
  on_page: boolean;   // a field of the analysis form
  // Given several times on the command line, its values joined by ';'.
  repeatable: boolean;
}

export type PageAnalysis = 'color' | 'concept';
const PAGE_ANALYSES: PageAnalysis[] = ['color', 'concept'];

// A form field's name is its setting's name in camel case (burnIn: --burn-in):
// the names share links have carried from the start.
export const fieldName = (setting: string) => setting.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
export const settingName = (field: string) => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export function parseRegistry(json: string): Setting[] {
  return JSON.parse(json) as Setting[];
}

// The settings of the analysis form: one field each, a setting shared by
// both analyses (seed, bootstrap) once.
export function pageSettings(registry: Setting[]): Setting[] {
  const seen = new Set<string>();
  return registry.filter((s) => s.on_page && s.analyses.some((a) => PAGE_ANALYSES.includes(a as PageAnalysis))
    && !seen.has(s.name) && seen.add(s.name));
}

// The form fields a share link may set: every setting of the analysis form.
export const parameterNames = (registry: Setting[]) => new Set(pageSettings(registry).map((s) => fieldName(s.name)));

// The form's values (by field name) as each analysis's settings, by
// command-line name: what the module's entry points and its check take.
export function analysisSettings(registry: Setting[], values: Record<string, string>): Record<PageAnalysis, SettingsText> {
  const out: Record<PageAnalysis, SettingsText> = { color: {}, concept: {} };
  for (const s of pageSettings(registry)) {
    const value = values[fieldName(s.name)];
    if (value === undefined) continue;
    for (const a of PAGE_ANALYSES) if (s.analyses.includes(a)) out[a][s.name] = value;
  }
  return out;
}

// A setting's help as the form shows it (its title): the registry's words,
// the default, and the page's own start with its reason.
export function settingHelp(s: Setting): string {
  const units = s.analyses.includes('color') && s.analyses.includes('concept') ? 'words or concepts' : 'items';
  let help = s.help.replace('{units}', units);
  if (s.kind !== 'flag' && s.default !== '') help += ` (command line's default ${s.default}`;
  if (s.page_default !== s.default) help += `; this page starts at ${s.page_default}: ${s.why}`;
  return s.kind !== 'flag' && s.default !== '' ? `${help})` : help;
}
