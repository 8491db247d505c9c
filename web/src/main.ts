// Wires the page: files in, parameters, analyses in workers, results out.
import './csp';  // first: nothing may connect anywhere before the policy is in place
import './style.css';
import { byId } from './dom';
import { finishReading, forgetBytes, keepBytes, pendingFile, toJobFile, unreadable, type LoadedFile } from './files';
import { runConcept } from './concept-run';
import type { ColorReport, ConceptReport } from './report-types';
import type { FileSettings } from '@shoal-wasm/shoal.mjs';
import { renderColorResults } from './views/color-results';
import { renderConceptResults } from './views/concept-results';
import { renderComparisonReport } from './views/comparison-report';
import { setUpCollectData } from './views/collect-data';
import { setUpNumericAnswers, type NumericAnswers } from './views/numeric-answers';
import { CancelledError } from './worker/client';
import { announceEngine, pool, registry, startEngineAhead, toolVersion } from './engine';
import { agreeToReplicate, fetchPaper, PAPER_PARAMETERS, renderAgreement, renderReplicationOffer, takePendingReplication } from './replicate';
import { checkLink, checkValuesLink, inflateLink } from './links/analysis-link';
import {
  agreeToFetch, buildLink, embeddedFiles, fetchAgreedFiles, judgeShared, linkFile, matchShared, type LinkFiles,
} from './share-ui';
import { RunProgress } from './run-progress';
import { mountShell } from './shell/shell';
import { page, redraw, redrawSoon } from './shell/page-state';
import { renderFormats } from './formats';
import { contentsOf, exportButton, type RunRecord } from './report-export';
import { epochNow, recordPhase, timed } from './phases';
import { applySettings, formValues, parameterRefusal, resetParameters, setParameters } from './shell/parameter-form';
import { analysisSettings } from './parameters/settings';
import type { SettingsText } from './worker/protocol';
import { onSchemeChange } from './charts/theme';
import { analysisJobFiles, analysisResponses, runBatch } from './analysis-file/analysis-inputs';
import { analysisFileName, type RunnableAnalysis } from './analysis-file/command-line';
import { analysisOf, readAnalysisFile } from './analysis-file/open-analysis';
import { download } from './download';
import { savedTooLongReport } from './report/too-long';
import { keepForOffline } from './offline';

const files = page.files;

// What a run keeps between its steps (the page's own state is in `page`).
const session = {
  // The workers' jobs of the run under way, for Cancel.
  jobs: [] as number[],
  // The parameters are being checked before a run: a second Run waits.
  checkingSettings: false,
  lastConceptReport: null as ConceptReport | null,
  lastRun: null as RunRecord | null,
  // Draws the last run's results into the elements `into` gives for the
  // results' places ('color-results', ...): the page's own at first, others
  // when they are drawn again (see redrawForScheme).
  drawResults: null as ResultsDrawing | null,
  // Counts the drawings begun, so that a redraw overtaken by a run or by
  // another redraw is dropped.
  drawings: 0,
  // Per file, the last check asked for: a reader who edits the settings twice
  // in a row sees what the second check found, whichever answers first.
  checks: new WeakMap<LoadedFile, number>(),
};
type ResultsDrawing = (into: (id: string) => HTMLElement) => Promise<void>;

const progress = new RunProgress(page.run.progress, redraw);

function showError(message: string | null) {
  page.run.error = message;
  redraw();
}

function setStatus(status: string) {
  page.run.status = status;
  redraw();
}

function remove(file: LoadedFile) {
  forgetBytes(file);
  files.splice(files.indexOf(file), 1);
  redraw();
}

async function inspect(file: LoadedFile) {
  // A file not yet fingerprinted is read whole by the job first.
  file.state = file.sha256 ? 'inspecting' : 'reading';
  redrawSoon();
  const check = (session.checks.get(file) ?? 0) + 1;
  session.checks.set(file, check);
  let inspection: LoadedFile['inspection'] = null;
  let failure: string | undefined;
  let sha256 = '';
  let bytes: ArrayBuffer | null = null;
  try {
    const result = await pool.run({ kind: 'inspect', file: toJobFile(file) }).done;
    inspection = result.ok ? JSON.parse(result.report) : null;
    failure = result.ok ? undefined : result.error.message;
    sha256 = result.sha256;
    bytes = result.bytes;
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  if (session.checks.get(file) !== check) return;
  if (sha256) {
    file.sha256 = sha256;
    judgeShared(page.shared, file);
  }
  if (bytes && files.includes(file)) keepBytes(file, bytes);
  file.inspection = inspection;
  file.failure = failure;
  file.state = 'inspected';
  if (files.includes(file)) redrawSoon();
}

// A file as it arrives: dropped or chosen (a Blob the browser holds, read
// and fingerprinted by the worker that inspects it), or already in memory
// (fetched, from a link, collected), fingerprinted here.
type Arriving = { name: string; settings?: FileSettings } & ({ blob: Blob } | { bytes: Uint8Array });

// Every file is listed at once with its state; reading, fingerprinting and
// inspecting then go on per file.
async function addFiles(entries: Arriving[]) {
  showError(null);
  const added = entries.map((arriving) => {
    const file = pendingFile(arriving.name, 'blob' in arriving ? arriving.blob.size : arriving.bytes.length);
    if (arriving.settings) file.settings = arriving.settings;
    return { file, arriving };
  });
  files.push(...added.map((a) => a.file));
  redraw();
  const started = epochNow();
  await Promise.all(added.map(async ({ file, arriving }) => {
    if ('blob' in arriving) {
      file.blob = arriving.blob;
    } else {
      try {
        await finishReading(file, arriving.bytes);
        recordPhase('reading', started);
      } catch (error) {
        file.state = 'inspected';
        file.failure = unreadable(error);
        redrawSoon();
        return;
      }
    }
    matchShared(page.shared, file);
    await inspect(file);
  }));
}

const fromBytes = (name: string, bytes: Uint8Array): Arriving => ({ name, bytes });

// The Numeric answers section, where analysis files of numeric answers open.
let numericAnswers: NumericAnswers | null = null;

// The form's values as typed, as each analysis's settings: the module
// checks them with the same rules and messages as the command line before
// anything runs.
const parameters = () => analysisSettings(registry, formValues());

function setRunning(on: boolean) {
  page.running = on;
  document.body.dataset.running = String(on);
  redraw();
}

async function runColor(batch: LoadedFile[], settings: SettingsText) {
  const jobFiles = analysisJobFiles(batch, files, 'color', true);
  if (jobFiles.length === 0) return null;
  // On the last worker, ahead of the share of the similarity files it would
  // parse next: the bar shows the slower of the two analyses, so a colour job
  // left waiting behind a parse would hold it at zero for the parse's length.
  // The word ratings go along, so that the report carries their fits.
  const job = pool.run({ kind: 'color', files: jobFiles, settings }, (p) => progress.color(p.fraction),
    { worker: pool.size - 1 });
  session.jobs.push(job.id);
  const result = await job.done;
  if (!result.ok) throw new Error(result.error.message);
  if (result.reportBlob) throw savedTooLongReport('colour', result.reportBlob);
  progress.color(1);
  const report = await timed('decoding', () => JSON.parse(result.report) as ColorReport);
  const norms = files.find((f) => f.inspection?.task === 'word-norms')?.inspection?.word_norms ?? null;
  page.run.colorMillis = result.millis;
  return {
    summary: `word–colour ${(result.millis / 1000).toFixed(2)} s`,
    target: 'color-results',
    render: (into: HTMLElement) => renderColorResults(into, report, result.report, (result.data as Uint8Array) ?? new Uint8Array(), norms),
    comparison: { task: 'Word–colour associations', key: 'color', metric: 'dist_from_diagonal', comparisons: report.comparisons, report },
  };
}

async function runConcepts(batch: LoadedFile[], settings: SettingsText) {
  const conceptFiles = analysisJobFiles(batch, files, 'concept', true);
  if (conceptFiles.length === 0) return null;
  const run = await runConcept(pool, conceptFiles, settings, (p) => progress.concept(p),
    (ids) => session.jobs.push(...ids));
  if (run.reportBlob) throw savedTooLongReport('similarity', run.reportBlob);
  const report = await timed('decoding', () => JSON.parse(run.report) as ConceptReport);
  session.lastConceptReport = report;
  page.run.conceptMillis = run.millis;
  return {
    summary: `similarity ${(run.millis / 1000).toFixed(2)} s on ${run.workers} worker${run.workers === 1 ? '' : 's'}`,
    target: 'concept-results',
    render: (into: HTMLElement) => renderConceptResults(into, report, run.report, run.chains),
    comparison: { task: 'Conceptual similarity', key: 'concept', metric: 'p_multiple_concepts', comparisons: report.comparisons, report },
  };
}

// Figures take the scheme's colours when drawn (theme.ts): when the reader
// switches between light and dark, every result is drawn again, off the
// page, and swapped in whole, so the page keeps its length and the reader
// their place.
async function redrawForScheme() {
  if (!session.drawResults || page.running) return;
  const drawing = ++session.drawings;
  const fresh = new Map<string, HTMLElement>();
  const into = (id: string) => {
    const element = document.createElement('div');
    fresh.set(id, element);
    return element;
  };
  await session.drawResults(into);
  if (drawing !== session.drawings || page.running) return;
  for (const [id, element] of fresh) byId(id).replaceChildren(...element.childNodes);
  byId('results-contents').replaceChildren(contentsOf(byId('results')));
}

async function run() {
  if (page.running || session.checkingSettings) return;
  page.run.error = null;
  setStatus('');
  // Exactly the files listed as analysable and the parameters as they are
  // when Run is pressed; files added later wait for the next run.
  const batch = runBatch(files, page.shared);
  const p = parameters();
  // The values as typed go to the command line's validator: a value it
  // refuses is pointed out here, in its words, before anything runs.
  session.checkingSettings = true;
  const refused = await parameterRefusal(pool)
    .catch((error: unknown) => (error instanceof Error ? error.message : String(error)))
    .finally(() => { session.checkingSettings = false; });
  if (refused !== null) {
    showError(refused);
    return;
  }
  page.run.status = `Analysing ${batch.length} file${batch.length === 1 ? '' : 's'}…`;
  setRunning(true);
  session.drawResults = null;
  session.drawings++;
  byId('results').hidden = true;
  session.lastConceptReport = null;
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
    session.drawResults = drawing;
    session.lastRun = {
      version: page.toolVersion, parameters: p, files: batch, finished: new Date(), tasks: done.map((d) => d.comparison),
      shareLink: await analysisFiles(batch, p).then((definitions) => buildLink(definitions, batch.map(linkFile), 'reference', {})).catch(() => ''),
    };
    byId('results-contents').replaceChildren(contentsOf(byId('results')));
    byId('results-export').replaceChildren(exportButton(() => session.lastRun!, byId('results')));
    progress.finish();
    setStatus(`Done: ${done.map((d) => d.summary).join('; ')}.`);
    // Focus alone leaves the heading wherever the browser puts it (mid-screen
    // here, or not scrolled at all elsewhere): the results start at the top
    // of the view, under the run bar (the headings' scroll margin).
    const heading = byId('results-heading');
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  } catch (error) {
    pool.cancel(session.jobs);
    page.run.status = error instanceof CancelledError ? 'Cancelled.' : '';
    if (!(error instanceof CancelledError)) page.run.error = error instanceof Error ? error.message : String(error);
    progress.stop();
  } finally {
    session.jobs = [];
    setRunning(false);
  }
}

// The analysis file of an analysis as Run would now make it: the same files,
// the same settings, through the same function of the core as the report's.
async function analysisFile(analysis: RunnableAnalysis, batch = runBatch(files, page.shared), settings = parameters()): Promise<string> {
  const result = await pool.run({ kind: 'analysis-file', analysis, files: analysisJobFiles(batch, files, analysis), settings: settings[analysis] }).done;
  if (!result.ok) throw new Error(result.error.message);
  return result.report;
}

async function saveAnalysisFile(analysis: RunnableAnalysis) {
  download(analysisFileName(analysis), await analysisFile(analysis), 'application/json');
}

// The analysis file of each analysis the files make: what a share link holds.
const analysisFiles = (batch = runBatch(files, page.shared), settings = parameters()) =>
  Promise.all((['color', 'concept'] as const).filter((a) => analysisResponses(batch, a).length > 0).map((a) => analysisFile(a, batch, settings)));

// An analysis file (or a report) opened: read as a share link is, its
// parameters set and its inputs expected; the files already listed are
// checked against it now, those dropped later as they come.
async function openAnalysisFile(file: File) {
  showError(null);
  try {
    const content = await file.text();
    if (analysisOf(content) === 'values') {
      numericAnswers?.open(file.name, content);
      return;
    }
    const state = readAnalysisFile(file.name, content, registry);
    page.shared = state;
    setParameters(state.parameters);
    for (const listed of files) {
      if (!state.files.some((e) => e.name === listed.name)) continue;
      matchShared(state, listed);
      void inspect(listed);
    }
    redraw();
    byId('files-heading').scrollIntoView();
  } catch (error) {
    showError(error instanceof Error ? error.message : String(error));
  }
}

function setUpDropZone() {
  const zone = byId('drop-zone');
  const input = byId<HTMLInputElement>('file-input');
  const read = (list: FileList | null) => {
    if (!list) return;
    // No data format is JSON: a JSON file is an analysis file or a report.
    const all = [...list];
    const definitions = all.filter((f) => /\.json$/i.test(f.name));
    for (const definition of definitions.slice(0, 1)) void openAnalysisFile(definition);
    const data = all.filter((f) => !definitions.includes(f));
    if (data.length === 0) return;
    void addFiles(data.map((f) => ({ name: f.name, blob: f })));
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

// The page's link, read once the page is drawn: a damaged link or a bomb is
// refused, and nothing of it is used. The time from the decoder's start to
// the link's refusal, or to its checks passed, is the 'link' phase.
async function restoreShared() {
  const started = epochNow();
  const refuse = (error: unknown) => {
    showError(error instanceof Error ? error.message : String(error));
    recordPhase('link', started);
  };
  let values: ReturnType<typeof checkValuesLink>;
  try {
    const inflated = await inflateLink(location.hash);
    if (!inflated) return;
    values = checkValuesLink(inflated, registry);
    if (!values) page.shared = checkLink(inflated, registry);
  } catch (error) {
    refuse(error);
    return;
  }
  recordPhase('link', started);
  // A link to numeric answers opens in their section.
  if (values) return numericAnswers?.openLink(values);
  const shared = page.shared;
  if (!shared) return;
  setParameters(shared.parameters);
  await addLinkFiles(await fetchAgreedFiles(shared));
}

// Files from a link, those that could be had; the others are named.
async function addLinkFiles({ files: arriving, problems }: LinkFiles) {
  if (arriving.length > 0) await addFiles(arriving.map((a) => fromBytes(a.name, a.bytes)));
  if (problems.length > 0) showError(problems.join(' '));
}

// After the user agreed to fetch the paper's files (and the page reloaded
// with the repository's host allowed): fetch, set the paper's parameters, run.
async function replicatePaper() {
  // The engine loads while the files come, and says so before the fetch's
  // own progress takes the status line.
  pool.start();
  const status = byId('engine-status');
  const paper = await fetchPaper((done, total, bytes) => {
    status.textContent = `Fetching the paper's files: ${done} of ${total} (${(bytes / 1e6).toFixed(1)} MB).`;
  });
  resetParameters();   // to the registry's starts, which the paper shares but for these
  setParameters(PAPER_PARAMETERS);
  await addFiles(paper.inputs.map((f) => ({
    ...fromBytes(f.name, f.bytes), settings: f.human ? { labels: { human: true, name: 'human' } } : undefined,
  })));
  status.textContent = `Fetched ${paper.inputs.length + paper.paperChains.length} of the paper's files`
    + `${paper.failures.length ? ` (${paper.failures.length} could not be fetched)` : ''}.`;
  await run();
  renderAgreement(byId('replication-results'), session.lastConceptReport, paper);
  byId('results').hidden = false;
  byId('replication-heading').scrollIntoView();
}

async function start() {
  setUpDropZone();
  renderFormats(byId('formats-list'));
  mountShell({
    reread: (file) => { void inspect(file); },
    remove,
    fetchShared: () => { if (page.shared) agreeToFetch(page.shared, (name) => files.some((f) => f.name === name)); },
    restoreShared: () => { if (page.shared) void embeddedFiles(page.shared).then(addLinkFiles); },
    run: () => { void run(); },
    cancel: () => pool.cancel(session.jobs),
    analysisFiles: () => analysisFiles(),
    saveAnalysisFile,
    openAnalysisFile: (file) => { void openAnalysisFile(file); },
  });
  onSchemeChange(() => { void redrawForScheme(); });
  numericAnswers = setUpNumericAnswers(byId('numeric-answers'), () => registry);
  setUpCollectData(byId('collect-data'), async (name, bytes) => {
    await addFiles([fromBytes(name, bytes)]);
    byId('files-heading').scrollIntoView();
  });
  startEngineAhead(byId<HTMLInputElement>('file-input'));
  applySettings(registry);
  page.toolVersion = toolVersion;
  byId('version').textContent = page.toolVersion;
  redraw();
  await restoreShared();
  if (location.hash === '#replicate') renderReplicationOffer(byId('replicate-panel'), agreeToReplicate);
  announceEngine();
  document.body.dataset.ready = 'true';
  keepForOffline();
  if (takePendingReplication()) await replicatePaper();
}

start().catch((error) => showError(`The analysis engine could not start: ${error instanceof Error ? error.message : String(error)}`));
