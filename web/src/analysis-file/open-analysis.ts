// Opening an analysis file (or a report, which holds one as its
// "analysis_file"; docs/analysis.schema.json): it decodes to the state a
// share link decodes to, so the page then does what it does for a link: sets
// the parameters, lists the inputs it needs, and checks each file dropped
// against the SHA-256 recorded before anything runs. A share link carries
// analysis files (analysis-link.ts), read here with the same checks.
import type { FileSettings } from '@shoal-wasm/shoal.mjs';
import { fieldName, pageSettings, type Setting } from '../parameters/settings';
import { checkFileSettings, FILE_NAME, isRecord, SHA256, text, type ShareState, type SharedFile } from '../share';
import { visibleText } from '../links/visible-text';
import type { AnalysisKind } from './command-line';

// An analysis file as read: every setting it states, by the registry's name,
// and its inputs in the analysis' order.
export interface AnalysisDefinition {
  analysis: AnalysisKind;
  settings: Record<string, string>;
  files: SharedFile[];
  tool: string;
}

const FIELDS = ['shoal_analysis', 'version', 'analysis', 'settings', 'inputs'];
const INPUT_FIELDS = ['name', 'role', 'sha256', 'format', 'columns', 'labels'];
const MAX_INPUTS = 64;

function checkInput(v: unknown, index: number, analysis: AnalysisKind): SharedFile {
  const what = `input ${index + 1}`;
  if (!isRecord(v)) throw new Error(`${what} is not an object`);
  for (const key of Object.keys(v)) {
    if (!INPUT_FIELDS.includes(key)) throw new Error(`${what} has an unknown field '${visibleText(key.slice(0, 40))}'`);
  }
  const role = text(v.role, `${what}.role`, 32);
  if (role !== 'responses' && !(role === 'word-norms' && analysis === 'color')) {
    throw new Error(`${what}.role '${visibleText(role)}' is not a role of the ${analysis} analysis`);
  }
  // The words' ratings are recognised as such when dropped: they take no settings.
  const settings: FileSettings = role === 'word-norms' ? {}
    : checkFileSettings({ format: v.format, columns: v.columns, labels: v.labels }, what);
  if (settings.format === 'auto') delete settings.format;
  return { name: text(v.name, `${what}.name`, 255, FILE_NAME), sha256: text(v.sha256, `${what}.sha256`, 64, SHA256), settings };
}

// The analysis file a JSON text holds: itself, or a report's "analysis_file".
function unwrap(content: string): Record<string, unknown> {
  let json: unknown = JSON.parse(content);
  if (isRecord(json) && json.analysis_file !== undefined) json = json.analysis_file;
  else if (isRecord(json) && json.schema_version !== undefined) {
    throw new Error('this report holds no analysis file (it was written by a version of Shoal before they did)');
  }
  if (!isRecord(json) || json.shoal_analysis === undefined) throw new Error('it is neither an analysis file nor a report');
  return json;
}

// Every field checked; throws the bare reason.
export function parseDefinition(content: string, registry: Setting[]): AnalysisDefinition {
  const json = unwrap(content);
  for (const key of Object.keys(json)) {
    if (!FIELDS.includes(key)) throw new Error(`it has an unknown field '${visibleText(key.slice(0, 40))}'`);
  }
  if (json.shoal_analysis !== 1) throw new Error('its layout is not one this page reads');
  const analysis = text(json.analysis, 'analysis', 16);
  if (analysis !== 'color' && analysis !== 'concept' && analysis !== 'values') throw new Error(`unknown analysis '${visibleText(analysis)}'`);
  if (!isRecord(json.settings)) throw new Error('its settings are not an object');
  const settings: Record<string, string> = {};
  for (const [setting, value] of Object.entries(json.settings)) {
    if (!registry.some((s) => s.name === setting && s.analyses.includes(analysis))) {
      throw new Error(`'${visibleText(setting.slice(0, 40))}' is not a setting of the ${analysis} analysis`);
    }
    settings[setting] = text(value, `setting ${setting}`, 256);
  }
  if (!Array.isArray(json.inputs) || json.inputs.length === 0 || json.inputs.length > MAX_INPUTS) {
    throw new Error(`its inputs are not a list of 1 to ${MAX_INPUTS}`);
  }
  const files = json.inputs.map((v, i) => checkInput(v, i, analysis));
  const names = new Set(files.map((f) => f.name));
  if (names.size !== files.length) throw new Error('two of its inputs have one name');
  return { analysis, settings, files, tool: text(json.version, 'version', 64) };
}

// The analysis a JSON text defines, or null when it is no analysis file:
// numeric answers open in their own section.
export function analysisOf(content: string): string | null {
  try {
    const analysis = unwrap(content).analysis;
    return typeof analysis === 'string' ? analysis : null;
  } catch {
    return null;
  }
}

// The state of the page's analysis form a colour or similarity definition
// sets: its settings as the form's fields. Throws for a setting off its
// default that the form does not have (run those with `shoal run`).
export function pageState(definition: AnalysisDefinition, registry: Setting[]): ShareState {
  const { analysis } = definition;
  if (analysis === 'values') throw new Error('it is an analysis of numeric answers: open it in the Numeric answers section');
  const onForm = new Set(pageSettings(registry).map((s) => s.name));
  const parameters: Record<string, string> = {};
  for (const [setting, value] of Object.entries(definition.settings)) {
    const entry = registry.find((s) => s.name === setting && s.analyses.includes(analysis))!;
    if (value.length > 100) throw new Error(`setting ${setting} is longer than 100 characters`);
    if (onForm.has(setting)) parameters[fieldName(setting)] = value;
    else if (value !== entry.default) {
      throw new Error(`it sets ${setting} to ${visibleText(value)}, which this page cannot: run it with shoal run`);
    }
  }
  return { version: 1, tool: definition.tool, parameters, files: definition.files };
}

const unreadable = (name: string, error: unknown) =>
  new Error(`${name} cannot be opened as an analysis file: ${error instanceof Error ? error.message : String(error)}.`);

// The state the file describes, its settings as the analysis form's fields.
// Throws a readable message for a file that is not an analysis file, or one
// the analysis form cannot run as stated.
export function readAnalysisFile(name: string, content: string, registry: Setting[]): ShareState {
  try {
    return { ...pageState(parseDefinition(content, registry), registry), analysisFile: name };
  } catch (error) {
    throw unreadable(name, error);
  }
}

// A numeric-answers analysis file or report, for the Numeric answers section.
export function readValuesAnalysisFile(name: string, content: string, registry: Setting[]): AnalysisDefinition {
  try {
    const definition = parseDefinition(content, registry);
    if (definition.analysis !== 'values') throw new Error(`it is a ${definition.analysis} analysis: open it under The analysis as code`);
    return definition;
  } catch (error) {
    throw unreadable(name, error);
  }
}
