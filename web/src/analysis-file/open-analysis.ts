// Opening an analysis file (or a report, which holds one as its
// "analysis_file"; docs/analysis.schema.json): it decodes to the state a
// share link decodes to, so the page then does what it does for a link: sets
// the parameters, lists the inputs it needs, and checks each file dropped
// against the SHA-256 recorded before anything runs.
import type { FileSettings } from '@shoal-wasm/shoal.mjs';
import { fieldName, pageSettings, type Setting } from '../parameters/settings';
import { checkFileSettings, FILE_NAME, isRecord, SHA256, text, type ShareState, type SharedFile } from '../share';

const FIELDS = ['shoal_analysis', 'version', 'analysis', 'settings', 'inputs'];
const INPUT_FIELDS = ['name', 'role', 'sha256', 'format', 'columns', 'labels'];
const MAX_INPUTS = 64;

function checkInput(v: unknown, index: number, analysis: string): SharedFile {
  const what = `input ${index + 1}`;
  if (!isRecord(v)) throw new Error(`${what} is not an object`);
  for (const key of Object.keys(v)) {
    if (!INPUT_FIELDS.includes(key)) throw new Error(`${what} has an unknown field '${key.slice(0, 40)}'`);
  }
  const role = text(v.role, `${what}.role`, 32);
  if (role !== 'responses' && !(role === 'word-norms' && analysis === 'color')) {
    throw new Error(`${what}.role '${role}' is not a role of the ${analysis} analysis`);
  }
  // The words' ratings are recognised as such when dropped: they take no settings.
  const settings: FileSettings = role === 'word-norms' ? {}
    : checkFileSettings({ format: v.format, columns: v.columns, labels: v.labels }, what);
  if (settings.format === 'auto') delete settings.format;
  return { name: text(v.name, `${what}.name`, 255, FILE_NAME), sha256: text(v.sha256, `${what}.sha256`, 64, SHA256), settings };
}

// The state the file describes, its settings as the analysis form's fields.
// Throws a readable message for a file that is not an analysis file, or one
// the page cannot run as stated: a values analysis, or a setting off its
// default that the form does not have (run those with `shoal run`).
export function readAnalysisFile(name: string, content: string, registry: Setting[]): ShareState {
  try {
    let json: unknown = JSON.parse(content);
    if (isRecord(json) && json.analysis_file !== undefined) json = json.analysis_file;
    else if (isRecord(json) && json.schema_version !== undefined) {
      throw new Error('this report holds no analysis file (it was written by a version of Shoal before they did)');
    }
    if (!isRecord(json) || json.shoal_analysis === undefined) throw new Error('it is neither an analysis file nor a report');
    for (const key of Object.keys(json)) {
      if (!FIELDS.includes(key)) throw new Error(`it has an unknown field '${key.slice(0, 40)}'`);
    }
    if (json.shoal_analysis !== 1) throw new Error('its layout is not one this page reads');
    const analysis = text(json.analysis, 'analysis', 16);
    if (analysis === 'values') throw new Error('the page runs numeric answers in their own section: run this analysis with shoal run');
    if (analysis !== 'color' && analysis !== 'concept') throw new Error(`unknown analysis '${analysis}'`);
    if (!isRecord(json.settings)) throw new Error('its settings are not an object');
    const onForm = new Set(pageSettings(registry).map((s) => s.name));
    const parameters: Record<string, string> = {};
    for (const [setting, value] of Object.entries(json.settings)) {
      const entry = registry.find((s) => s.name === setting && s.analyses.includes(analysis));
      if (!entry) throw new Error(`'${setting.slice(0, 40)}' is not a setting of the ${analysis} analysis`);
      const typed = text(value, `setting ${setting}`, 100);
      if (onForm.has(setting)) parameters[fieldName(setting)] = typed;
      else if (typed !== entry.default) {
        throw new Error(`it sets ${setting} to ${typed}, which this page cannot: run it with shoal run`);
      }
    }
    if (!Array.isArray(json.inputs) || json.inputs.length === 0 || json.inputs.length > MAX_INPUTS) {
      throw new Error(`its inputs are not a list of 1 to ${MAX_INPUTS}`);
    }
    const files = json.inputs.map((v, i) => checkInput(v, i, analysis));
    const names = new Set(files.map((f) => f.name));
    if (names.size !== files.length) throw new Error('two of its inputs have one name');
    return { version: 1, tool: text(json.version, 'version', 64), parameters, files, analysisFile: name };
  } catch (error) {
    throw new Error(`${name} cannot be opened as an analysis file: ${error instanceof Error ? error.message : String(error)}.`);
  }
}
