// Which fields the analysis form shows, in which fieldsets and order: the
// page's words (wording.ts) for the settings it words, then every other
// setting of the registry's form under "More settings", so that a setting
// added to the registry reaches the form (and share links) without editing
// the page.
import { pageSettings, type Setting } from './settings';
import { PARAMETER_GROUPS, type SettingWords } from './wording';

export interface LaidOutField { setting: Setting; words: SettingWords | null }
export interface LaidOutGroup { id?: string; legend: string; fields: LaidOutField[] }

// Throws when the words and the registry disagree: words for a setting the
// form does not have, or for an option the validator would refuse.
export function formLayout(registry: Setting[]): LaidOutGroup[] {
  const settings = new Map(pageSettings(registry).map((s) => [s.name, s]));
  const worded = new Set<string>();
  const groups: LaidOutGroup[] = PARAMETER_GROUPS.map((group) => ({
    id: group.id,
    legend: group.legend,
    fields: group.settings.map((words) => {
      const setting = settings.get(words.setting);
      if (!setting) throw new Error(`the parameter ${words.setting} is no setting of the registry's form`);
      for (const option of Object.keys(words.options ?? {})) {
        if (!setting.choices?.includes(option)) throw new Error(`the option ${option} of ${words.setting} is no choice of the registry`);
      }
      worded.add(words.setting);
      return { setting, words };
    }),
  }));
  const more = [...settings.values()].filter((s) => !worded.has(s.name)).map((setting) => ({ setting, words: null }));
  if (more.length > 0) groups.push({ id: 'more-parameters', legend: 'More settings', fields: more });
  return groups;
}

// A choice's options as the field offers them: the worded ones in the page's
// order, then any other choice of the registry by its value.
export function choiceOptions(field: LaidOutField): [value: string, text: string][] {
  const words = field.words?.options ?? {};
  const rest = (field.setting.choices ?? []).filter((c) => !Object.keys(words).includes(c));
  return [...Object.entries(words), ...rest.map((c): [string, string] => [c, c])];
}
