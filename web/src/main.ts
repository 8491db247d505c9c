// Wires the page: files in, parameters, analyses in workers, results out.
import './csp';  // first: nothing may connect anywhere before the policy is in place
import './style.css';
import { byId, h } from './dom';
import { loadFile, toWasmFile, type LoadedFile } from './files';
import { runConcept } from './concept-run';
import type { ColorReport, ConceptReport, Inspection } from './report-types';
import type { FileSettings } from '@shoal-wasm/shoal.mjs';
import { fileCard } from './views/file-card';
import { renderColorResults } from './views/color-results';
import { renderConceptResults } from './views/concept-results';
import { renderComparisonReport } from './views/comparison-report';
import { setUpCollectData } from './views/collect-data';
import { setUpNumericAnswers } from './views/numeric-answers';
import { CancelledError, WorkerPool } from './worker/client';
import { agreeToReplicate, fetchPaper, PAPER_PARAMETERS, renderAgreement, renderReplicationOffer, takePendingReplication } from './replicate';
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
let lastConceptReport: ConceptReport | null = null;

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
  renderSharedPanel(shared, files, () => shared && agreeToFetch(shared), toolVersion);
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

async function addFiles(entries: { name: string; bytes: Uint8Array; settings?: FileSettings }[]) {
  showError(null);
  const loaded = await Promise.all(entries.map(async (e) => {
    const file = await loadFile(e.name, e.bytes);
    if (e.settings) file.settings = e.settings;
    return file;
  }));
  for (const file of loaded) matchShared(shared, file);
  files.push(...loaded);
  renderFiles();
  await Promise.all(loaded.map(inspect));
}

function parameters() {
  const form = byId<HTMLFormElement>('parameters');
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
  const whole = (name: string, fallback: number) => {
    const v = Math.floor(Number(value(name)));
    return Number.isFinite(v) && v >= 0 ? v : fallback;
  };
  const seed = whole('seed', 1);
  const bootstrap = whole('bootstrap', 2000);
  return {
    color: { pairs: value('pairs'), deltaE: value('deltaE'), jsdSamples: whole('jsdSamples', 20000), reference: '', seed, bootstrap },
    concept: {
      alpha: Number(value('alpha')) || 0.16,
      prior: value('prior'),
      iterations: whole('iterations', 500),
      burnIn: whole('burnIn', 100),
      chains: Math.max(1, whole('chains', 1)),
      subsets: value('subsets').replace(/\s+/g, ''),
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
  lastConceptReport = report;
  await renderConceptResults(byId('concept-results'), report, run.report);
  runStatus.dataset.conceptMillis = String(run.millis);
  return {
    summary: `similarity ${(run.millis / 1000).toFixed(2)} s on ${run.workers} worker${run.workers === 1 ? '' : 's'}`,
    comparison: { task: 'Conceptual similarity', key: 'concept', metric: 'p_multiple_concepts', comparisons: report.comparisons },
  };
}

async function run() {
  showError(null);
  const p = parameters();
  setRunning(true);
  runStatus.textContent = 'Analysing…';
  byId('color-results').replaceChildren();
  byId('concept-results').replaceChildren();
  byId('replication-results').replaceChildren();
  lastConceptReport = null;
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
  byId('replicate-button').addEventListener('click', () => renderReplicationOffer(byId('replicate-panel'), agreeToReplicate));
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

// After the user agreed to fetch the paper's files (and the page reloaded
// with the repository's host allowed): fetch, set the paper's parameters, run.
async function replicatePaper() {
  const status = byId('engine-status');
  const paper = await fetchPaper((done, total, bytes) => {
    status.textContent = `Fetching the paper's files: ${done} of ${total} (${(bytes / 1e6).toFixed(1)} MB).`;
  });
  applyParameters(byId<HTMLFormElement>('parameters'), PAPER_PARAMETERS);
  await addFiles(paper.inputs.map((f) => ({
    name: f.name, bytes: f.bytes, settings: f.human ? { labels: { human: true, name: 'human' } } : undefined,
  })));
  status.textContent = `Fetched ${paper.inputs.length + paper.paperChains.length} of the paper's files`
    + `${paper.failures.length ? ` (${paper.failures.length} could not be fetched)` : ''}.`;
  await run();
  renderAgreement(byId('replication-results'), lastConceptReport, paper);
  byId('results').hidden = false;
  byId('replication-heading').scrollIntoView();
}

async function start() {
  setUpDropZone();
  byId('share-button').addEventListener('click', copyLink);
  for (const radio of document.querySelectorAll('input[name="share-mode"]')) radio.addEventListener('change', renderShareUrls);
  if ('serviceWorker' in navigator && import.meta.env.PROD) {
    navigator.serviceWorker.register('./sw.js').catch(() => undefined);  // offline use is a bonus, not a need
  }
  runButton.addEventListener('click', run);
  setUpNumericAnswers(byId('numeric-answers'));
  setUpCollectData(byId('collect-data'), async (name, bytes) => {
    await addFiles([{ name, bytes }]);
    byId('files-heading').scrollIntoView();
  });
  cancelButton.addEventListener('click', () => pool.cancel(running));
  const version = await pool.run({ kind: 'version' }).done;
  toolVersion = version.report;
  byId('version').textContent = toolVersion;
  await restoreShared();
  if (location.hash === '#replicate') renderReplicationOffer(byId('replicate-panel'), agreeToReplicate);
  byId('engine-status').textContent = `The analysis engine is ready (${pool.size} workers). Add files to begin.`;
  document.body.dataset.ready = 'true';
  if (takePendingReplication()) await replicatePaper();
}

start().catch((error) => showError(`The analysis engine could not start: ${error instanceof Error ? error.message : String(error)}`));
