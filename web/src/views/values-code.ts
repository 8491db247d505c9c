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
import { sha256Hex } from '../sha256';
import { buildLink } from '../share-ui';
import { valuesAnalysisFile } from '../values/values-client';

export interface ValuesFile extends WasmFile { sha256: string }

export async function valuesFile(name: string, bytes: Uint8Array): Promise<ValuesFile> {
  return { name, bytes, sha256: await sha256Hex(bytes) };
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
  const definition = async () => {
    const outcome = await valuesAnalysisFile(files, settings);
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.report;
  };
  const failed = (what: string) => (error: unknown) => {
    status.textContent = `${what} could not be made: ${error instanceof Error ? error.message : String(error)}`;
  };
  const save = h('button', { type: 'button', 'data-download-analysis': 'values' }, `Download ${analysisFileName('values')}`);
  save.addEventListener('click', () => {
    definition().then((text) => {
      download(analysisFileName('values'), text, 'application/json');
      status.textContent = `Saved ${analysisFileName('values')}.`;
    }, failed('The analysis file'));
  });
  // A share link is the analysis file, compressed, with the data if asked.
  const linkBox = h('textarea', { id: 'values-share-link', readonly: true, rows: 3, hidden: true, 'aria-label': 'Share link' });
  const share = (mode: 'reference' | 'embed') => {
    const carried = files.map((f) => ({ name: f.name, size: f.bytes.length, contents: async () => f.bytes }));
    definition().then((text) => buildLink([text], carried, mode, {})).then(async (link) => {
      linkBox.value = link;
      linkBox.hidden = false;
      const copied = await navigator.clipboard.writeText(link).then(() => true, () => false);
      status.textContent = `${copied ? 'Copied' : 'Select and copy'} the link (${link.length.toLocaleString('en')} characters).`;
    }, failed('The link'));
  };
  const byReference = h('button', { type: 'button', 'data-share-values': 'reference' }, 'Copy a link (names and SHA-256)');
  byReference.addEventListener('click', () => share('reference'));
  const withData = h('button', { type: 'button', 'data-share-values': 'embed' }, 'Copy a link carrying the data');
  withData.addEventListener('click', () => share('embed'));
  return h('div', { class: 'analysis-command', 'data-analysis': 'values' },
    h('p', {}, 'The command that runs this analysis with the ', h('code', {}, 'shoal'), ' command-line tool, and its analysis ' +
      'file (every setting, each file\'s name and SHA-256): with the files beside it, ', h('code', {}, 'shoal run'),
    ' writes the report this page writes, byte for byte.'),
    h('pre', {}, h('code', { 'data-command': 'values' }, command.text)),
    command.viaAnalysisFile
      ? h('p', { class: 'hint' }, 'The files are read with settings of their own, which one command line cannot give: the ' +
        'command runs the analysis file, saved beside the files.')
      : null,
    h('div', { class: 'values-code-actions' }, copy, ' ', save, ' ', byReference, ' ', withData), linkBox, status);
}

export interface Checked {
  // The files to analyse, in the analysis file's order with its settings;
  // null until every input is given and matches.
  ready: ValuesFile[] | null;
  panel: HTMLElement;
}

// The chosen files against an opened analysis file's inputs (or a link's),
// by name and SHA-256; `source` names the file, null for a link. `restore`
// inflates the data the link carries, when the reader asks.
export function checkAgainst(definition: AnalysisDefinition, source: string | null, chosen: ValuesFile[],
  restore: () => void): Checked {
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
  const carried = definition.files.filter((e) => e.data !== undefined && !chosen.some((f) => f.name === e.name));
  let restoring: HTMLButtonElement | null = null;
  if (carried.length > 0) {
    restoring = h('button', { type: 'button', id: 'values-restore' },
      `Restore ${carried.length} file${carried.length === 1 ? '' : 's'} from the link`);
    restoring.addEventListener('click', restore);
  }
  const panel = h('div', { class: 'shared-panel', id: 'values-expected' },
    h('p', {}, `${source === null ? 'This page was opened from a shared link' : `The analysis file ${visibleText(source)} was opened`} ` +
      `(Shoal ${visibleText(definition.tool)}): the settings are set from it. The analysis needs these files; ` +
      `${carried.length ? 'restore those the link carries, choose your copies of the others' : 'choose your copies'}, and each is checked against ` +
      'its SHA-256 before anything runs.'),
    h('ul', { class: 'shared-files' }, ...items),
    restoring,
    extra.length ? h('p', { class: 'hint' }, `Not in the analysis, so not analysed: ${extra.map((f) => visibleText(f.name)).join(', ')}.`) : null);
  return { ready: ready.length === definition.files.length ? ready : null, panel };
}
