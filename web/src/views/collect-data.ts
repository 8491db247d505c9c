// "Collect data": the paper's requests for any model as an OpenAI batch file,
// and the batch results read back into a response file for the analysis.
// Everything happens in this page; the data go to the model only through
// the user's own batch run.
import type { WasmFile } from '@shoal-wasm/shoal.mjs';
import { h } from '../dom';
import { download, safeFileName } from '../download';
import { runKit } from '../kit/kit-client';
import './collect-data.css';

const PROBLEM_TITLES: Record<string, string> = {
  failed: 'Failed (an error or a status other than 200)',
  missing: 'Missing (no result for the request)',
  empty: 'Empty reply',
  no_answer: 'No answer in the reply (counted invalid by the analysis)',
  duplicate: 'Further results for the same request (first usable kept)',
  unknown_id: 'Results for no request in the file',
};

// A numeric field's range as the module's validator has it.
interface Limit { min: number; max: number; default: number | null; whole: boolean }
type PromptLimits = Record<'individuals' | 'temperature' | 'seed', Limit>;

interface ReplySummary {
  task: string;
  requests: number;
  result_lines: number;
  answered: number;
  rows: number;
  counts: Record<string, number>;
  problems: { kind: string; custom_id: string; line: number; detail: string }[];
}

const select = (name: string, options: [string, string][], value = options[0][0]) =>
  h('select', { name }, ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));

async function fileOf(input: HTMLInputElement): Promise<WasmFile | null> {
  const file = input.files?.[0];
  return file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
}

function countsTable(summary: ReplySummary): HTMLElement {
  const rows: [string, number][] = [
    ['Requests', summary.requests],
    ['Result lines', summary.result_lines],
    ['Replies with text', summary.answered],
    ['Rows written', summary.rows],
    ...Object.entries(summary.counts).map(([kind, n]): [string, number] => [PROBLEM_TITLES[kind] ?? kind, n]),
  ];
  return h('table', { 'data-table': 'kit-reply-counts' },
    h('caption', {}, 'Replies read'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'What'), h('th', { scope: 'col' }, 'Count'))),
    h('tbody', {}, ...rows.map(([what, n]) => h('tr', {}, h('td', {}, what), h('td', {}, n.toLocaleString('en-US'))))));
}

function problemList(summary: ReplySummary): HTMLElement | null {
  if (summary.problems.length === 0) return null;
  const shown = summary.problems.slice(0, 200);
  return h('details', { class: 'table-fold' },
    h('summary', {}, `Every problem (${summary.problems.length.toLocaleString('en-US')})`),
    h('div', { class: 'table-scroll' }, h('table', { 'data-table': 'kit-reply-problems' },
      h('thead', {}, h('tr', {}, ...['Kind', 'custom_id', 'Results line', 'Detail'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...shown.map((p) => h('tr', {}, h('td', {}, p.kind), h('td', {}, p.custom_id),
        h('td', {}, p.line ? String(p.line) : '—'), h('td', {}, p.detail)))))),
    summary.problems.length > shown.length
      ? h('p', { class: 'hint' }, `The first ${shown.length}; the command line's --problems FILE lists all.`) : null);
}

export function setUpCollectData(section: HTMLElement, addResponseFile: (name: string, bytes: Uint8Array) => Promise<void>) {
  const task = select('kit-task', [['color', 'Word–colour associations'], ['concept', 'Conceptual similarity']]);
  const model = h('input', { name: 'kit-model', type: 'text', placeholder: 'e.g. my-model', required: true });
  const condition = select('kit-condition', [['none', 'none: the question alone'], ['identity', 'identity: a demographic persona'],
    ['random', 'random: an encyclopedia paragraph (persona file)'], ['nonsense', 'nonsense: its words shuffled (persona file)']]);
  const personas = h('input', { name: 'kit-personas', type: 'file', accept: '.csv,.tsv,.gz,text/csv' });
  const personaAs = select('kit-persona-as', [['user', 'before the question, in the user message (the paper\'s)'], ['system', 'a system message']]);
  const individuals = h('input', { name: 'kit-individuals', type: 'number', step: '1', placeholder: 'paper: 150 / 900' });
  const temperature = h('input', { name: 'kit-temperature', type: 'number', step: 'any', placeholder: 'the model\'s default' });
  const seed = h('input', { name: 'kit-seed', type: 'number', step: '1' });
  const words = h('input', { name: 'kit-words', type: 'file', accept: '.txt,text/plain' });
  const concepts = select('kit-concepts', [['animals', 'animals'], ['politicians', 'US politicians'], ['custom', 'my own list']]);
  const conceptList = h('input', { name: 'kit-concept-list', type: 'text', placeholder: 'a dog, a cat, a wolf, …', hidden: true });
  const wording = select('kit-wording', [['paper', 'the paper\'s ("similar to a a finch")'], ['corrected', 'corrected (no extra article)']]);
  const colorOnly = [h('label', {}, 'Words (one per line; default the 199 of the human study)', words)];
  const conceptOnly = [h('label', {}, 'Concepts', concepts, conceptList), h('label', {}, 'Wording', wording)];
  const makeButton = h('button', { id: 'kit-make-button', type: 'button' }, 'Download the requests');
  const makeStatus = h('p', { id: 'kit-make-status', role: 'status', 'aria-live': 'polite' });

  const results = h('input', { name: 'kit-results', type: 'file', accept: '.jsonl,.json,.gz,application/jsonl' });
  const requests = h('input', { name: 'kit-requests', type: 'file', accept: '.jsonl,.json,.gz,application/jsonl' });
  const readButton = h('button', { id: 'kit-read-button', type: 'button' }, 'Read the replies');
  const readStatus = h('div', { id: 'kit-read-status', role: 'status', 'aria-live': 'polite' });
  const error = h('div', { id: 'kit-error', class: 'error', role: 'alert', hidden: true });

  const showError = (message: string | null) => {
    error.hidden = message === null;
    error.textContent = message ?? '';
  };
  const showTaskFields = () => {
    for (const label of colorOnly) label.hidden = task.value !== 'color';
    for (const label of conceptOnly) label.hidden = task.value !== 'concept';
    conceptList.hidden = concepts.value !== 'custom';
  };
  // The numeric fields take their ranges from the module's validator, so a
  // value out of range is pointed out before the request file is made.
  let limits: Promise<PromptLimits> | null = null;
  const loadLimits = () => limits ??= runKit({ kind: 'limits' }).then((outcome) => {
    const loaded = JSON.parse(outcome.report) as PromptLimits;
    for (const [input, name] of [[individuals, 'individuals'], [temperature, 'temperature'], [seed, 'seed']] as const) {
      input.min = String(loaded[name].min);
      input.max = String(loaded[name].max);
      input.step = loaded[name].whole ? '1' : 'any';
    }
    seed.placeholder = String(loaded.seed.default);
    return loaded;
  }).catch((e: unknown) => {
    limits = null;
    throw e;
  });
  task.addEventListener('change', showTaskFields);
  concepts.addEventListener('change', showTaskFields);
  showTaskFields();

  makeButton.addEventListener('click', async () => {
    showError(null);
    if (!model.value.trim()) {
      showError('Name the model: every request carries it, and the replies are labelled with it.');
      model.focus();
      return;
    }
    makeButton.disabled = true;
    try {
      await loadLimits();
      if (!requestForm.reportValidity()) return;
      makeStatus.textContent = 'Writing the requests…';
      // By the names of `shoal prompts`, as typed; a field left empty takes
      // the registry's default, and wording and concepts go with the concept
      // task alone.
      const settings: Record<string, string> = {
        task: task.value, condition: condition.value, model: model.value.trim(), 'persona-as': personaAs.value,
        temperature: temperature.value,
      };
      if (individuals.value) settings.individuals = individuals.value;
      if (seed.value) settings.seed = seed.value;
      if (task.value === 'concept') {
        settings.wording = wording.value;
        settings.concepts = concepts.value === 'custom' ? conceptList.value : concepts.value;
      }
      const outcome = await runKit({ kind: 'prompts', settings, personas: await fileOf(personas), words: await fileOf(words) });
      if (!outcome.ok) {
        makeStatus.textContent = '';
        showError(outcome.error.message);
        return;
      }
      const { requests: count, individuals: people } = JSON.parse(outcome.summary) as { requests: number; individuals: number };
      const name = `requests-${settings.task}-${settings.condition}-${safeFileName(settings.model)}.jsonl`;
      download(name, outcome.report, 'application/jsonl');
      makeStatus.textContent = `${count.toLocaleString('en-US')} requests for ${people.toLocaleString('en-US')} individuals, saved as ${name}.`;
    } catch (e) {
      makeStatus.textContent = '';
      showError(e instanceof Error ? e.message : String(e));
    } finally {
      makeButton.disabled = false;
    }
  });

  readButton.addEventListener('click', async () => {
    showError(null);
    const [resultsFile, requestsFile] = [await fileOf(results), await fileOf(requests)];
    if (!resultsFile || !requestsFile) {
      showError('Choose both files: the results your batch run returned and the request file it was given.');
      return;
    }
    readButton.disabled = true;
    readStatus.replaceChildren('Reading the replies…');
    try {
      const outcome = await runKit({ kind: 'replies', requests: requestsFile, results: resultsFile });
      if (!outcome.ok) {
        readStatus.replaceChildren();
        showError(outcome.error.message);
        return;
      }
      const summary = JSON.parse(outcome.summary) as ReplySummary;
      const name = `replies-${requestsFile.name.replace(/(\.gz)?$/, '').replace(/\.jsonl?$/, '').replace(/^requests-/, '')}.csv`;
      const csvLink = h('button', { type: 'button', id: 'kit-csv-download' }, `Download ${name}`);
      csvLink.addEventListener('click', () => download(name, outcome.report, 'text/csv'));
      readStatus.replaceChildren(
        h('p', {}, `Added ${name} to the response files below: add any other files (the human data, other models), then run the analyses.`),
        countsTable(summary), problemList(summary) ?? '', csvLink);
      await addResponseFile(name, new TextEncoder().encode(outcome.report));
    } catch (e) {
      readStatus.replaceChildren();
      showError(e instanceof Error ? e.message : String(e));
    } finally {
      readButton.disabled = false;
    }
  });

  const requestForm = h('form', { id: 'kit-requests', class: 'parameters' },
    h('fieldset', {},
      h('legend', {}, 'Requests'),
      h('label', {}, 'Task', task),
      h('label', {}, 'Model', model),
      h('label', {}, 'Context before the question', condition),
      h('label', {}, 'Persona file (CSV with random, nonsense, identity columns; row i = individual i)', personas),
      h('label', {}, 'The context goes in', personaAs),
      h('label', {}, 'Individuals', individuals),
      h('label', {}, 'Temperature', temperature),
      h('label', {}, 'Seed (its default gives the paper\'s concept targets)', seed),
      ...colorOnly, ...conceptOnly,
      h('p', { class: 'hint' }, 'Without a persona file, identity personas are generated from the seed. Colour: ' +
        'two requests per individual and word. Concept: one target per individual and both orders of the 36 pairs ' +
        'of the other nine concepts.'),
      makeButton, makeStatus));
  // Folded: most visits bring data already collected.
  const details = h('details', { id: 'kit-details' },
    h('summary', {}, h('h2', { id: 'collect-heading' }, 'Collect data from a model')),
    h('p', {}, 'Run the paper\'s experiment on any model. This writes its requests in the OpenAI batch format, which ' +
      'hosted batch APIs and vLLM\'s run-batch (for local open models) take; then bring the results back here with ' +
      'the request file, and the replies become a response file for the analysis. Nothing is sent anywhere by this page.'),
    requestForm,
    h('form', { id: 'kit-replies', class: 'parameters' },
      h('fieldset', {},
        h('legend', {}, 'Replies'),
        h('label', {}, 'Results of the batch run (JSONL)', results),
        h('label', {}, 'The request file it was given', requests),
        readButton)),
    error, readStatus);
  details.addEventListener('toggle', () => {
    if (details.open) loadLimits().catch(() => undefined);   // a failure is shown when the requests are asked for
  });
  section.replaceChildren(details);
}
