// Wires the page: files in, parameters, analyses in workers, results out.
import './csp';  // first: nothing may connect anywhere before the policy is in place
import './style.css';
import { byId, h } from './dom';
import { analysable, exclusionReason, finishReading, pendingFile, toJobFile, type LoadedFile } from './files';
import { runConcept } from './concept-run';
import type { ColorReport, ConceptReport } from './report-types';
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
  agreeToFetch, applyParameters, buildLink, embeddedFiles, fetchAgreedFiles, matchShared, parameterNames, readParameters,
  renderSharedPanel, sharedFilesReady, TooLargeToEmbed,
} from './share-ui';
import { fileSummary, readiness } from './file-summary';
import { RunProgress } from './run-progress';
import { renderFormats } from './formats';
import { contentsOf, exportButton, type RunRecord } from './report-export';
import { epochNow, recordPhase, timed } from './phases';
import { applyLimits, parameterRefusal } from './parameters/parameter-form';
import { onSchemeChange } from './charts/theme';

const pool = new WorkerPool();
const files: LoadedFile[] = [];
let running: number[] = [];
let isRunning = false;
let checkingSettings = false;
let shared: ShareState | null = null;
let toolVersion = '';
const shareUrls: Record<number, string> = {};
// The user's choice to fold or unfold the file list, once made, is kept.
let foldChosen = false;
let lastConceptReport: ConceptReport | null = null;

const runButton = byId<HTMLButtonElement>('run-button');
const cancelButton = byId<HTMLButtonElement>('cancel-button');
const runStatus = byId('run-status');
const runError = byId('run-error');
const progress = new RunProgress(byId<HTMLProgressElement>('progress'), byId('progress-detail'));

function showError(message: string | null) {
  runError.hidden = message === null;
  runError.textContent = message ?? '';
}

// A long list folds into its summary (the run bar stays in reach either way).
const FOLD_ABOVE = 12;

// While many files are read and checked their states change hundreds of
// times; redrawing the whole list at each change kept the main thread busy
// for seconds, so those changes redraw it at most every 100 ms.
let renderTimer: number | undefined;
function renderFilesSoon() {
  renderTimer ??= window.setTimeout(renderFiles, 100);
}

function renderFiles() {
  window.clearTimeout(renderTimer);
  renderTimer = undefined;
  byId('file-list').replaceChildren(...files.map((f) => fileCard(f, { onReread: inspect, onRemove: remove })));
  const fold = byId<HTMLDetailsElement>('file-fold');
  fold.hidden = files.length === 0;
  if (!foldChosen) fold.open = files.length <= FOLD_ABOVE;
  const summary = fileSummary(files);
  byId('file-summary').textContent = summary.line;
  const exclusions = byId('file-exclusions');
  exclusions.hidden = summary.excluded.length === 0;
  exclusions.textContent = summary.excluded.length === 0 ? '' : `${summary.excluded.length} file${summary.excluded.length === 1 ? '' : 's'} ` +
    `will not be analysed: ${summary.excluded.map((f) => `${f.name} (${exclusionReason(f) ?? f.mismatch})`).join('; ')}.`;
  renderSharedPanel(shared, files, () => shared && agreeToFetch(shared), toolVersion);
  const ready = readiness(files, sharedFilesReady(shared, files));
  byId('run-reason').textContent = isRunning ? '' : ready.reason;
  runButton.disabled = isRunning || !ready.ok;
  byId<HTMLButtonElement>('share-button').disabled = files.length === 0 || files.some((f) => f.state !== 'inspected');
  renderShareUrls();
}

function shareMode(): string {
  return (document.querySelector('input[name="share-mode"]:checked') as HTMLInputElement | null)?.value ?? 'reference';
}

function renderShareUrls() {
  const holder = byId('share-urls');
  if (shareMode() !== 'urls') {
    holder.replaceChildren();
    return;
  }
  holder.replaceChildren(...files.map((f) => {
    const input = h('input', { type: 'url', name: `share-url-${f.id}`, placeholder: 'https://…', value: shareUrls[f.id] ?? '' });
    input.addEventListener('input', () => { shareUrls[f.id] = input.value.trim(); });
    return h('label', {}, `${f.name}: `, input);
  }));
}

const formValues = () => readParameters(byId<HTMLFormElement>('parameters'));
const currentLink = (mode: string) => buildLink(files, formValues(), toolVersion, mode, shareUrls);

// Past this many characters many chat and mail programs cut a link.
const LONG_LINK = 100_000;

// Switches to the link with names and fingerprints and copies it: short
// whatever the size of the data.
function byReferenceButton(): HTMLElement {
  const instead = h('button', { type: 'button', id: 'share-by-reference' }, 'Copy the link with fingerprints instead');
  instead.addEventListener('click', () => {
    (document.querySelector('input[name="share-mode"][value="reference"]') as HTMLInputElement).checked = true;
    renderShareUrls();
    void copyLink();
  });
  return instead;
}

async function copyLink() {
  const status = byId('share-status');
  const warning = byId('share-warning');
  const box = byId<HTMLTextAreaElement>('share-link');
  warning.replaceChildren();
  warning.hidden = true;
  const mode = shareMode();
  const warn = (text: string) => {
    warning.append(h('p', {}, text), byReferenceButton());
    warning.hidden = false;
  };
  try {
    const link = await currentLink(mode);
    box.value = link;
    byId('share-link-label').hidden = false;
    let copied = true;
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      copied = false;
    }
    status.textContent = `${copied ? 'Copied' : 'Select and copy'} the link (${link.length.toLocaleString('en')} characters).`;
    if (mode === 'embed' && link.length > LONG_LINK) {
      warn(`This link is ${link.length.toLocaleString('en')} characters long: many chat and mail programs ` +
        `cut links longer than ${LONG_LINK.toLocaleString('en')} characters, and a cut link restores nothing. The link with ` +
        'names and SHA-256 fingerprints is short; the reviewer drops in their own copies of the files.');
    }
  } catch (error) {
    // No link was made: an earlier one left in the box would pass for this one.
    box.value = '';
    byId('share-link-label').hidden = true;
    if (error instanceof TooLargeToEmbed) {
      status.textContent = 'No link was copied: the data are too large to embed.';
      warn(`${error.message} The link with the files' names and SHA-256 fingerprints is short whatever their size: ` +
        'the reviewer drops in their own copies, and each is checked before anything runs.');
    } else {
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  }
}

function remove(file: LoadedFile) {
  files.splice(files.indexOf(file), 1);
  renderFiles();
}

async function inspect(file: LoadedFile) {
  file.state = 'inspecting';
  renderFilesSoon();
  const started = epochNow();
  try {
    const result = await pool.run({ kind: 'inspect', file: toJobFile(file) }).done;
    file.inspection = result.ok ? JSON.parse(result.report) : null;
    file.failure = result.ok ? undefined : result.error.message;
  } catch (error) {
    file.inspection = null;
    file.failure = error instanceof Error ? error.message : String(error);
  }
  file.state = 'inspected';
  recordPhase('inspection', started);
  if (files.includes(file)) renderFilesSoon();
}

interface Arriving {
  name: string;
  size: number;
  bytes: () => Promise<Uint8Array>;
  settings?: FileSettings;
}

// Every file is listed at once with its state; reading, fingerprinting and
// inspecting then go on per file.
async function addFiles(entries: Arriving[]) {
  showError(null);
  const added = entries.map((e) => {
    const file = pendingFile(e.name, e.size);
    if (e.settings) file.settings = e.settings;
    return { file, read: e.bytes };
  });
  files.push(...added.map((a) => a.file));
  renderFiles();
  const started = epochNow();
  await Promise.all(added.map(async ({ file, read }) => {
    try {
      await finishReading(file, await read());
      recordPhase('reading', started);
    } catch (error) {
      file.state = 'inspected';
      file.failure = `it could not be read: ${error instanceof Error ? error.message : String(error)}`;
      renderFilesSoon();
      return;
    }
    matchShared(shared, file);
    await inspect(file);
  }));
}

const fromBytes = (name: string, bytes: Uint8Array): Arriving => ({ name, size: bytes.length, bytes: async () => bytes });

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
    color: { pairs: value('pairs'), deltaE: value('deltaE'), jsd: value('jsd'), jsdSamples: number('jsdSamples'), reference: '', seed, bootstrap },
    concept: {
      alpha: number('alpha'),
      prior: value('prior'),
      kernel: value('kernel'),
      iterations: number('iterations'),
      burnIn: number('burnIn'),
      chains: number('chains'),
      subsets: value('subsets'),
      seed,
      traces: false,
      bootstrap,
      minPeople: number('minPeople'),
    },
  };
}

function setRunning(on: boolean) {
  isRunning = on;
  cancelButton.hidden = !on;
  document.body.dataset.running = String(on);
  renderFiles();
}

async function runColor(batch: LoadedFile[], request: ReturnType<typeof parameters>['color']) {
  const colorFiles = batch.filter((f) => f.inspection?.task === 'color');
  if (colorFiles.length === 0) return null;
  // On the last worker, ahead of the share of the similarity files it would
  // parse next: the bar shows the slower of the two analyses, so a colour job
  // left waiting behind a parse would hold it at zero for the parse's length.
  const job = pool.run({ kind: 'color', files: colorFiles.map(toJobFile), request }, (p) => progress.color(p.fraction),
    { worker: pool.size - 1 });
  running.push(job.id);
  const result = await job.done;
  if (!result.ok) throw new Error(result.error.message);
  progress.color(1);
  const report = await timed('decoding', () => JSON.parse(result.report) as ColorReport);
  const norms = files.find((f) => f.inspection?.task === 'word-norms')?.inspection?.word_norms ?? null;
  runStatus.dataset.colorMillis = String(result.millis);
  return {
    summary: `word–colour ${(result.millis / 1000).toFixed(2)} s`,
    target: 'color-results',
    render: (into: HTMLElement) => renderColorResults(into, report, result.report, (result.data as Uint8Array) ?? new Uint8Array(), norms),
    comparison: { task: 'Word–colour associations', key: 'color', metric: 'dist_from_diagonal', comparisons: report.comparisons, report },
  };
}

async function runConcepts(batch: LoadedFile[], request: ReturnType<typeof parameters>['concept']) {
  const conceptFiles = batch.filter((f) => f.inspection?.task === 'concept');
  if (conceptFiles.length === 0) return null;
  const run = await runConcept(pool, conceptFiles.map(toJobFile), request, (p) => progress.concept(p),
    (ids) => running.push(...ids));
  const report = await timed('decoding', () => JSON.parse(run.report) as ConceptReport);
  lastConceptReport = report;
  runStatus.dataset.conceptMillis = String(run.millis);
  return {
    summary: `similarity ${(run.millis / 1000).toFixed(2)} s on ${run.workers} worker${run.workers === 1 ? '' : 's'}`,
    target: 'concept-results',
    render: (into: HTMLElement) => renderConceptResults(into, report, run.report, run.chains),
    comparison: { task: 'Conceptual similarity', key: 'concept', metric: 'p_multiple_concepts', comparisons: report.comparisons, report },
  };
}

let lastRun: RunRecord | null = null;

// Draws the last run's results into the elements `into` gives for the
// results' places ('color-results', ...): the page's own at first, others
// when they are drawn again (see redrawForScheme).
type ResultsDrawing = (into: (id: string) => HTMLElement) => Promise<void>;
let drawResults: ResultsDrawing | null = null;
// Counts the drawings begun, so that a redraw overtaken by a run or by
// another redraw is dropped.
let drawings = 0;

// Figures take the scheme's colours when drawn (theme.ts): when the reader
// switches between light and dark, every result is drawn again, off the
// page, and swapped in whole, so the page keeps its length and the reader
// their place.
async function redrawForScheme() {
  if (!drawResults || isRunning) return;
  const drawing = ++drawings;
  const fresh = new Map<string, HTMLElement>();
  const into = (id: string) => {
    const element = document.createElement('div');
    fresh.set(id, element);
    return element;
  };
  await drawResults(into);
  if (drawing !== drawings || isRunning) return;
  for (const [id, element] of fresh) byId(id).replaceChildren(...element.childNodes);
  byId('results-contents').replaceChildren(contentsOf(byId('results')));
}

async function run() {
  if (isRunning || checkingSettings) return;
  showError(null);
  runStatus.textContent = '';
  // Exactly the files listed as analysable and the parameters as they are
  // when Run is pressed; files added later wait for the next run.
  const batch = files.filter(analysable);
  const p = parameters();
  const form = formValues();
  // The values as typed go to the command line's validator: a value it
  // refuses is pointed out here, in its words, before anything runs.
  checkingSettings = true;
  const refused = await parameterRefusal(byId<HTMLFormElement>('parameters'), pool)
    .catch((error: unknown) => (error instanceof Error ? error.message : String(error)))
    .finally(() => { checkingSettings = false; });
  if (refused !== null) {
    showError(refused);
    return;
  }
  setRunning(true);
  drawResults = null;
  drawings++;
  runStatus.textContent = `Analysing ${batch.length} file${batch.length === 1 ? '' : 's'}…`;
  byId('results').hidden = true;
  lastConceptReport = null;
  for (const id of ['color-results', 'concept-results', 'replication-results', 'comparison-results', 'results-contents', 'results-export']) {
    byId(id).replaceChildren();
  }
  progress.start(batch.some((f) => f.inspection?.task === 'color'), batch.some((f) => f.inspection?.task === 'concept'));
  try {
    // The colour job is queued first, for the last worker; the first worker
    // parses every similarity file meanwhile, the longest step before any
    // chain can start there.
    const done = (await timed('analysis', () => {
      const color = runColor(batch, p.color);
      return Promise.all([color, runConcepts(batch, p.concept)]);
    })).filter((d) => d !== null);
    progress.rendering();
    const drawing: ResultsDrawing = async (into) => {
      for (const d of done) await d.render(into(d.target));
      await renderComparisonReport(into('comparison-results'), done.map((d) => d.comparison));
    };
    await timed('rendering', async () => {
      byId('results').hidden = false;
      await drawing(byId);
    });
    drawResults = drawing;
    lastRun = {
      version: toolVersion, parameters: p, files: batch, finished: new Date(), tasks: done.map((d) => d.comparison),
      shareLink: await buildLink(batch, form, toolVersion, 'reference', {}).catch(() => ''),
    };
    byId('results-contents').replaceChildren(contentsOf(byId('results')));
    byId('results-export').replaceChildren(exportButton(() => lastRun!, byId('results')));
    progress.finish();
    runStatus.textContent = `Done: ${done.map((d) => d.summary).join('; ')}.`;
    // Focus alone leaves the heading wherever the browser puts it (mid-screen
    // here, or not scrolled at all elsewhere): the results start at the top
    // of the view, under the run bar (the headings' scroll margin).
    const heading = byId('results-heading');
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  } catch (error) {
    pool.cancel(running);
    progress.stop();
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
  const read = (list: FileList | null) => {
    if (!list) return;
    void addFiles([...list].map((f) => ({ name: f.name, size: f.size, bytes: async () => new Uint8Array(await f.arrayBuffer()) })));
  };
  input.addEventListener('change', () => {
    read(input.files);
    input.value = '';
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dragging');
    read(e.dataTransfer?.files ?? null);
  });
  byId('replicate-button').addEventListener('click', () => renderReplicationOffer(byId('replicate-panel'), agreeToReplicate));
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-example]')) {
    button.addEventListener('click', () => {
      loadExamples(button.dataset.example!).catch((error) => showError(error instanceof Error ? error.message : String(error)));
    });
  }
  // A click, or Enter on the summary: the page's own folding fires toggle too.
  byId('file-summary').addEventListener('click', () => { foldChosen = true; });
}

// The generated examples, as listed by the generator; `task` is the folder
// ("color", "concept"), "all", or an example listed apart ("likert").
async function loadExamples(task: string) {
  const index = await fetch('examples/index.json');
  if (!index.ok) throw new Error('The generated examples are missing from this build.');
  const listing = (await index.json()) as { files: string[] } & Record<string, string[] | undefined>;
  // An example tried on its own (the Likert questionnaire) has a list of its own.
  const chosen = (task !== 'files' && listing[task]) || listing.files.filter((path) => task === 'all' || path.startsWith(`${task}/`));
  const entries = await Promise.all(chosen.map(async (path) => {
    const response = await fetch(encodeURI(`examples/${path}`));  // as the offline cache lists it
    if (!response.ok) throw new Error(`The example file ${path} is missing from this build.`);
    return fromBytes(path.split('/').pop()!, new Uint8Array(await response.arrayBuffer()));
  }));
  await addFiles(entries);
}

async function restoreShared() {
  try {
    shared = await decodeShare(location.hash, parameterNames(byId<HTMLFormElement>('parameters')));
  } catch (error) {
    showError(error instanceof Error ? error.message : String(error));
    return;
  }
  if (!shared) return;
  applyParameters(byId<HTMLFormElement>('parameters'), shared.parameters);
  renderFiles();
  let arriving: { name: string; bytes: Uint8Array }[];
  try {
    arriving = [...(await embeddedFiles(shared)), ...(await fetchAgreedFiles(shared))];
  } catch (error) {
    showError(error instanceof Error ? error.message : String(error));
    return;
  }
  if (arriving.length > 0) await addFiles(arriving.map((a) => fromBytes(a.name, a.bytes)));
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
    ...fromBytes(f.name, f.bytes), settings: f.human ? { labels: { human: true, name: 'human' } } : undefined,
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
  renderFormats(byId('formats-list'));
  renderFiles();
  byId('share-button').addEventListener('click', copyLink);
  for (const radio of document.querySelectorAll('input[name="share-mode"]')) radio.addEventListener('change', renderShareUrls);
  if ('serviceWorker' in navigator && import.meta.env.PROD) {
    navigator.serviceWorker.register('./sw.js', { updateViaCache: 'none' }).catch(() => undefined);  // offline use is a bonus, not a need; the worker's own script is always fetched afresh
  }
  runButton.addEventListener('click', run);
  onSchemeChange(() => { void redrawForScheme(); });
  const detailsToggle = byId('run-details-toggle');
  detailsToggle.addEventListener('click', () => {
    const unfolded = detailsToggle.closest('.run-bar')!.classList.toggle('unfolded');
    detailsToggle.setAttribute('aria-expanded', String(unfolded));
    detailsToggle.textContent = unfolded ? 'Less' : 'More';
  });
  setUpNumericAnswers(byId('numeric-answers'));
  setUpCollectData(byId('collect-data'), async (name, bytes) => {
    await addFiles([fromBytes(name, bytes)]);
    byId('files-heading').scrollIntoView();
  });
  cancelButton.addEventListener('click', () => pool.cancel(running));
  const limits = pool.run({ kind: 'option-limits' }).done;
  const version = await pool.run({ kind: 'version' }).done;
  applyLimits(byId<HTMLFormElement>('parameters'), JSON.parse((await limits).report));
  toolVersion = version.report;
  byId('version').textContent = toolVersion;
  await restoreShared();
  if (location.hash === '#replicate') renderReplicationOffer(byId('replicate-panel'), agreeToReplicate);
  byId('engine-status').textContent = `The analysis engine is ready (${pool.size} workers).`;
  document.body.dataset.ready = 'true';
  if (takePendingReplication()) await replicatePaper();
}

start().catch((error) => showError(`The analysis engine could not start: ${error instanceof Error ? error.message : String(error)}`));
