// The numeric-answers analysis as code: the command line that runs it with
// the native tool (copied with a button), its analysis file to download, and
// an opened analysis file's inputs, each checked against its SHA-256 before
// anything runs. The same pieces as the form's analyses (analysis-file/).
import type { SettingsText, WasmFile } from '@shoal-wasm/shoal.mjs';
import { analysisFileName, commandLine } from '../analysis-file/command-line';
import type { AnalysisDefinition } from '../analysis-file/open-analysis';
import { h } from '../dom';
import { download } from '../download';
import { visibleText } from '../links/visible-text';
import type { Setting } from '../parameters/settings';
import { valuesAnalysisFile } from '../values/values-client';

export interface ValuesFile extends WasmFile { sha256: string }

export async function valuesFile(name: string, bytes: Uint8Array): Promise<ValuesFile> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return { name, bytes, sha256: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('') };
}

// The command, a copy button and the analysis file's download, for the files
// and settings the section would run.
export function valuesCode(registry: Setting[], files: ValuesFile[], settings: SettingsText): HTMLElement {
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const command = commandLine(registry, 'values', files.map((f) => ({ name: f.name, settings: f.settings ?? {} })), settings);
  const copy = h('button', { type: 'button', 'data-copy-command': 'values' }, 'Copy the command');
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(command.text).then(() => { status.textContent = 'Copied the command.'; },
      () => { status.textContent = 'The browser did not allow copying: select the command and copy it.'; });
  });
  const save = h('button', { type: 'button', 'data-download-analysis': 'values' }, `Download ${analysisFileName('values')}`);
  save.addEventListener('click', async () => {
    const outcome = await valuesAnalysisFile(files, settings).catch((error: unknown) =>
      ({ ok: false, report: '', error: { message: error instanceof Error ? error.message : String(error) } }));
    if (!outcome.ok) {
      status.textContent = `The analysis file could not be made: ${outcome.error.message}`;
      return;
    }
    download(analysisFileName('values'), outcome.report, 'application/json');
    status.textContent = `Saved ${analysisFileName('values')}.`;
  });
  return h('div', { class: 'analysis-command', 'data-analysis': 'values' },
    h('p', {}, 'The command that runs this analysis with the ', h('code', {}, 'shoal'), ' command-line tool, and its analysis ' +
      'file (every setting, each file\'s name and SHA-256): with the files beside it, ', h('code', {}, 'shoal run'),
    ' writes the report this page writes, byte for byte.'),
    h('pre', {}, h('code', { 'data-command': 'values' }, command.text)),
    command.viaAnalysisFile
      ? h('p', { class: 'hint' }, 'The files are read with settings of their own, which one command line cannot give: the ' +
        'command runs the analysis file, saved beside the files.')
      : null,
    copy, ' ', save, status);
}

export interface Checked {
  // The files to analyse, in the analysis file's order with its settings;
  // null until every input is given and matches.
  ready: ValuesFile[] | null;
  panel: HTMLElement;
}

// The chosen files against an opened analysis file's inputs, by name and SHA-256.
export function checkAgainst(definition: AnalysisDefinition, source: string, chosen: ValuesFile[]): Checked {
  const ready: ValuesFile[] = [];
  const items = definition.files.map((e) => {
    const given = chosen.find((f) => f.name === e.name);
    const state = !given ? 'missing' : given.sha256 !== e.sha256 ? 'mismatch' : 'matched';
    if (given && state === 'matched') ready.push({ ...given, settings: structuredClone(e.settings) });
    const words = state === 'missing' ? 'waiting for this file'
      : state === 'matched' ? 'matches'
        : `a different file was given: expected SHA-256 ${e.sha256}, got ${given!.sha256}. Nothing runs until it is replaced.`;
    return h('li', { class: state, 'data-expected': e.name },
      h('bdi', { dir: 'auto' }, visibleText(e.name)), ` SHA-256 ${e.sha256.slice(0, 12)}… `, h('span', {}, words));
  });
  const extra = chosen.filter((f) => !definition.files.some((e) => e.name === f.name));
  const panel = h('div', { class: 'shared-panel', id: 'values-expected' },
    h('p', {}, `The analysis file ${visibleText(source)} (Shoal ${visibleText(definition.tool)}) set the settings. The analysis ` +
      'needs these files; choose your copies, and each is checked against the SHA-256 in the file before anything runs.'),
    h('ul', { class: 'shared-files' }, ...items),
    extra.length ? h('p', { class: 'hint' }, `Not in the analysis file, so not analysed: ${extra.map((f) => visibleText(f.name)).join(', ')}.`) : null);
  return { ready: ready.length === definition.files.length ? ready : null, panel };
}
