// Wires the page: files in, parameters, analyses in workers, results out.
import './csp';  // first: nothing may connect anywhere before the policy is in place
import './style.css';
import { byId, h } from './dom';
import { loadFile, toWasmFile, type LoadedFile } from './files';
import { runConcept } from './concept-run';
import type { ColorReport, ConceptReport, Inspection } from './report-types';
import { fileCard } from './views/file-card';
import { renderColorResults } from './views/color-results';
import { renderConceptResults } from './views/concept-results';
import { renderComparisonReport } from './views/comparison-report';
import { CancelledError, WorkerPool } from './worker/client';
import { decodeShare, type ShareState } from './share';
import {
  agreeToFetch, applyParameters, buildLink, embeddedFiles, fetchAgreedFiles, matchShared, readParameters,
  renderSharedPanel, sharedFilesReady,
} from './share-ui';

const pool = new WorkerPool();
const files: LoadedFile[] = [];
let running: number[] = [];
let shared: ShareState | null = null;
let toolVersion = '';
const shareUrls: Record<number, string> = {};

const runButton = byId<HTMLButtonElement>('run-button');
const cancelButton = byId<HTMLButtonElement>('cancel-button');
const progress = byId<HTMLProgressElement>('progress');
const runStatus = byId('run-status');
const runError = byId('run-error');

function showError(message: string | null) {
  runError.hidden = message === null;
  runError.textContent = message ?? '';
}

function renderFiles() {
  byId('file-list').replaceChildren(...files.map((f) => fileCard(f, { onReread: inspect, onRemove: remove })));
  renderSharedPanel(shared, files, () => shared && agreeToFetch(shared));
  const runnable = files.some((f) => f.inspection?.task && !f.inspection.error);
  runButton.disabled = !runnable || files.some((f) => f.mismatch) || !sharedFilesReady(shared, files);
  byId<HTMLButtonElement>('share-button').disabled = files.length === 0;
  renderShareUrls();
}

function renderShareUrls() {
  const mode = (document.querySelector('input[name="share-mode"]:checked') as HTMLInputElement | null)?.value;
  const holder = byId('share-urls');
  if (mode !== 'urls') {
    holder.replaceChildren();
    return;
  }
  holder.replaceChildren(...files.map((f) => {
    const input = h('input', { type: 'url', name: `share-url-${f.id}`, placeholder: 'https://…', value: shareUrls[f.id] ?? '' });
    input.addEventListener('input', () => { shareUrls[f.id] = input.value.trim(); });
    return h('label', {}, `${f.name}: `, input);
  }));
}

async function copyLink() {
  const status = byId('share-status');
  const mode = (document.querySelector('input[name="share-mode"]:checked') as HTMLInputElement).value;
  try {
    const link = await buildLink(files, readParameters(byId<HTMLFormElement>('parameters')), toolVersion, mode, shareUrls);
    const box = byId<HTMLTextAreaElement>('share-link');
    box.value = link;
    byId('share-link-label').hidden = false;
    let copied = true;
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      copied = false;
    }
    status.textContent = `${copied ? 'Copied' : 'Select and copy'} the link (${link.length.toLocaleString()} characters).`;
  } catch (error) {
    status.textContent = error instanceof Error ? error.message : String(error);
  }
}

function remove(file: LoadedFile) {
  files.splice(files.indexOf(file), 1);
  renderFiles();
}

async function inspect(file: LoadedFile) {
  const result = await pool.run({ kind: 'inspect', file: toWasmFile(file) }).done;
  file.inspection = result.ok ? (JSON.parse(result.report) as Inspection) : null;
  if (!result.ok) showError(result.error.message);
  renderFiles();
}

async function addFiles(entries: { name: string; bytes: Uint8Array }[]) {
  showError(null);
  const loaded = await Promise.all(entries.map((e) => loadFile(e.name, e.bytes)));
  for (const file of loaded) matchShared(shared, file);
  files.push(...loaded);
  renderFiles();
  await Promise.all(loaded.map(inspect));
}

// The form's values as typed: the module checks them with the same rules
// and messages as the command line before anything runs (an empty field is
// NaN, which it refuses).
function parameters() {
  const form = byId<HTMLFormElement>('parameters');
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
  const number = (name: string) => (value(name).trim() === '' ? NaN : Number(value(name)));
  const seed = number('seed');
  const bootstrap = number('bootstrap');
  return {
    color: { pairs: value('pairs'), deltaE: value('deltaE'), jsdSamples: number('jsdSamples'), reference: '', seed, bootstrap },
    concept: {
      alpha: number('alpha'),
      prior: value('prior'),
      iterations: number('iterations'),
      burnIn: number('burnIn'),
      chains: number('chains'),
      subsets: value('subsets'),
      seed,
      traces: false,
      bootstrap,
    },
  };
}

function setRunning(on: boolean) {
  runButton.disabled = on;
  cancelButton.hidden = !on;
  progress.hidden = !on;
  if (on) progress.removeAttribute('value');
}

// Both analyses run at once; the bar shows the slower one.
let colorProgress = 1;
let conceptProgress = 1;
function showProgress() {
  progress.value = Math.min(colorProgress, conceptProgress);
}

async function runColor(request: ReturnType<typeof parameters>['color']) {
  const colorFiles = files.filter((f) => f.inspection?.task === 'color');
  if (colorFiles.length === 0) return null;
  const job = pool.run({ kind: 'color', files: colorFiles.map(toWasmFile), request }, (fraction) => { colorProgress = fraction; showProgress(); });
  running.push(job.id);
  const result = await job.done;
  if (!result.ok) throw new Error(result.error.message);
  const report = JSON.parse(result.report) as ColorReport;
  await renderColorResults(byId('color-results'), report, result.report, (result.data as Uint8Array) ?? new Uint8Array());
  runStatus.dataset.colorMillis = String(result.millis);
  return {
    summary: `word–colour ${(result.millis / 1000).toFixed(2)} s`,
    comparison: { task: 'Word–colour associations', key: 'color', metric: 'dist_from_diagonal', comparisons: report.comparisons },
  };
}

async function runConcepts(request: ReturnType<typeof parameters>['concept']) {
  const conceptFiles = files.filter((f) => f.inspection?.task === 'concept');
  if (conceptFiles.length === 0) return null;
  const run = await runConcept(pool, conceptFiles.map(toWasmFile), request, (fraction) => {
    conceptProgress = fraction;
    showProgress();
  }, (ids) => running.push(...ids));
  const report = JSON.parse(run.report) as ConceptReport;
  await renderConceptResults(byId('concept-results'), report, run.report);
  runStatus.dataset.conceptMillis = String(run.millis);
  return {
    summary: `similarity ${(run.millis / 1000).toFixed(2)} s on ${run.workers} worker${run.workers === 1 ? '' : 's'}`,
    comparison: { task: 'Conceptual similarity', key: 'concept', metric: 'p_multiple_concepts', comparisons: report.comparisons },
  };
}

async function run() {
  showError(null);
  // The fields' limits are the analyses' own (see README): a value outside
  // them is pointed out here, before anything runs.
  if (!byId<HTMLFormElement>('parameters').reportValidity()) return;
  const p = parameters();
  setRunning(true);
  runStatus.textContent = 'Analysing…';
  byId('color-results').replaceChildren();
  byId('concept-results').replaceChildren();
  byId('comparison-results').replaceChildren();
  colorProgress = files.some((f) => f.inspection?.task === 'color') ? 0 : 1;
  conceptProgress = files.some((f) => f.inspection?.task === 'concept') ? 0 : 1;
  try {
    const done = (await Promise.all([runColor(p.color), runConcepts(p.concept)])).filter((d) => d !== null);
    await renderComparisonReport(byId('comparison-results'), done.map((d) => d.comparison));
    byId('results').hidden = false;
    runStatus.textContent = `Done: ${done.map((d) => d.summary).join('; ')}.`;
  } catch (error) {
    pool.cancel(running);
    runStatus.textContent = error instanceof CancelledError ? 'Cancelled.' : '';
    if (!(error instanceof CancelledError)) showError(error instanceof Error ? error.message : String(error));
  } finally {
    running = [];
    setRunning(false);
  }
}

function setUpDropZone() {
  const zone = byId('drop-zone');
  const input = byId<HTMLInputElement>('file-input');
  const read = async (list: FileList | null) => {
    if (!list) return;
    await addFiles(await Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
  };
  input.addEventListener('change', async () => {
    await read(input.files);
    input.value = '';
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', async (e) => {
    e.preventDefault();
    zone.classList.remove('dragging');
    await read(e.dataTransfer?.files ?? null);
  });
  byId('example-button').addEventListener('click', () => {
    loadExamples().catch((error) => showError(error instanceof Error ? error.message : String(error)));
  });
}

async function loadExamples() {
  // The generated examples, as listed by the generator.
  const index = await fetch('examples/index.json');
  if (!index.ok) throw new Error('The generated examples are missing from this build.');
  const { files: paths } = (await index.json()) as { files: string[] };
  const entries = await Promise.all(paths.map(async (path) => {
    const response = await fetch(encodeURI(`examples/${path}`));  // as the offline cache lists it
    if (!response.ok) throw new Error(`The example file ${path} is missing from this build.`);
    return { name: path.split('/').pop()!, bytes: new Uint8Array(await response.arrayBuffer()) };
  }));
  await addFiles(entries);
}

async function restoreShared() {
  try {
    shared = await decodeShare(location.hash);
  } catch (error) {
    showError(error instanceof Error ? error.message : String(error));
    return;
  }
  if (!shared) return;
  applyParameters(byId<HTMLFormElement>('parameters'), shared.parameters);
  renderFiles();
  const arriving = [...(await embeddedFiles(shared)), ...(await fetchAgreedFiles(shared))];
  if (arriving.length > 0) await addFiles(arriving);
}

async function start() {
  setUpDropZone();
  byId('share-button').addEventListener('click', copyLink);
  for (const radio of document.querySelectorAll('input[name="share-mode"]')) radio.addEventListener('change', renderShareUrls);
  if ('serviceWorker' in navigator && import.meta.env.PROD) {
    navigator.serviceWorker.register('./sw.js').catch(() => undefined);  // offline use is a bonus, not a need
  }
  runButton.addEventListener('click', run);
  cancelButton.addEventListener('click', () => pool.cancel(running));
  const version = await pool.run({ kind: 'version' }).done;
  toolVersion = version.report;
  byId('version').textContent = toolVersion;
  await restoreShared();
  byId('engine-status').textContent = `The analysis engine is ready (${pool.size} workers). Add files to begin.`;
  document.body.dataset.ready = 'true';
}

start().catch((error) => showError(`The analysis engine could not start: ${error instanceof Error ? error.message : String(error)}`));
