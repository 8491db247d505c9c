// The command line that runs the page's current analysis with the native
// tool: `shoal color|concept|values FILE... --setting value ...`, every setting that
// differs from the command line's default written out (the page's own starts,
// such as four chains, included), every word quoted for a POSIX shell. File
// names come from the data, so no character in them may reach the shell
// unquoted.
import type { FileSettings } from '@shoal-wasm/shoal.mjs';
import type { SettingsText } from '../worker/protocol';
import type { Setting } from '../parameters/settings';

// The analyses of the page's form, and every analysis with a command line.
export type RunnableAnalysis = 'color' | 'concept';
export type AnalysisKind = RunnableAnalysis | 'values';

export interface CommandFile {
  name: string;
  settings: FileSettings;
}

// One word for a POSIX shell: bare when it holds only characters no shell
// treats specially, else in single quotes, a quote inside written '\''.
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9._/=,+:@%-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

// A file operand: a name starting with a dash would be read as an option,
// so it is given as ./NAME (the tool names inputs without directories).
export const fileWord = (name: string) => shellWord(name.startsWith('-') ? `./${name}` : name);

// The settings a file is read with, as the module reads them: empty
// columns and labels are no setting at all.
function normalised(settings: FileSettings): FileSettings {
  const out: FileSettings = {};
  if (settings.format && settings.format !== 'auto') out.format = settings.format;
  const columns = Object.entries(settings.columns ?? {}).filter(([, c]) => c !== '');
  if (columns.length) out.columns = Object.fromEntries(columns.sort(([a], [b]) => (a < b ? -1 : 1)));
  const labels = Object.entries(settings.labels ?? {}).filter(([, v]) => v !== '' && v !== undefined);
  if (labels.length) out.labels = Object.fromEntries(labels.sort(([a], [b]) => (a < b ? -1 : 1)));
  return out;
}

// The input options of the command line (--format, --column, --population)
// when they can say the files' settings: one set for every file, and of the
// labels only a population name. Null when they cannot.
function inputOptions(files: CommandFile[]): string[] | null {
  const all = files.map((f) => normalised(f.settings));
  const first = JSON.stringify(all[0] ?? {});
  if (all.some((s) => JSON.stringify(s) !== first)) return null;
  const s = all[0] ?? {};
  if (Object.keys(s.labels ?? {}).some((key) => key !== 'name')) return null;
  const words: string[] = [];
  if (s.format) words.push('--format', shellWord(s.format));
  for (const [role, column] of Object.entries(s.columns ?? {})) words.push('--column', shellWord(`${role}=${column}`));
  if (s.labels?.name) words.push('--population', shellWord(s.labels.name));
  return words;
}

// The settings that differ from the command line's defaults, in the
// registry's order.
export function settingWords(registry: Setting[], analysis: AnalysisKind, settings: SettingsText): string[] {
  const words: string[] = [];
  for (const s of registry) {
    if (!s.analyses.includes(analysis)) continue;
    const value = settings[s.name];
    if (value === undefined || value === s.default) continue;
    if (s.kind === 'flag') {
      if (value === 'true') words.push(`--${s.name}`);
      continue;
    }
    // A repeatable setting's values, each its own option as one would type them.
    const values = s.repeatable ? value.split(';').map((v) => v.trim()).filter((v) => v !== '') : [value];
    for (const v of values.length ? values : [value]) words.push(`--${s.name}`, shellWord(v));
  }
  return words;
}

export const analysisFileName = (analysis: AnalysisKind) => `shoal-${analysis}-analysis.json`;
export const reportFileName = (analysis: AnalysisKind) => `shoal-${analysis}-report.json`;

export interface CommandLine {
  // The analysis' own command, or `shoal run` of the analysis file when the
  // files' settings differ in ways the command's options cannot say.
  text: string;
  viaAnalysisFile: boolean;
}

// `files` are the responses; `wordNorms` the words' ratings beside colour
// answers, if any.
export function commandLine(registry: Setting[], analysis: AnalysisKind, files: CommandFile[],
  settings: SettingsText, wordNorms: CommandFile | null = null): CommandLine {
  const out = ['--out', reportFileName(analysis)];
  const options = inputOptions(files);
  if (options === null) {
    return { text: ['shoal', 'run', analysisFileName(analysis), ...out].join(' '), viaAnalysisFile: true };
  }
  const words = ['shoal', analysis, ...files.map((f) => fileWord(f.name))];
  if (wordNorms) words.push('--word-norms', fileWord(wordNorms.name));
  words.push(...options, ...settingWords(registry, analysis, settings), ...out);
  return { text: words.join(' '), viaAnalysisFile: false };
}
