// The experiment kit end to end: requests from `shoal prompts`, fake batch
// results, `shoal replies`, then the existing analyses; and the wasm entry
// points giving the CLI's files byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadShoal, native, shared } from './support.mjs';

const work = mkdtempSync(path.join(os.tmpdir(), 'shoal-kit-'));
const conceptPersonas = path.join(shared, 'paper-data/concept-task/persona-prompts.csv');

function shoal(args) {
  const run = spawnSync(native, args, { maxBuffer: 1 << 28 });
  assert.equal(run.status, 0, run.stderr.toString());
  return { out: run.stdout.toString(), err: run.stderr.toString() };
}

const requestsOf = (jsonl) => jsonl.trim().split('\n').map((line) => JSON.parse(line));
const question = (request) => request.body.messages.at(-1).content;

// A model that always names the first choice it is offered.
function firstNamed(request) {
  return /Respond only with "([^"]+)"/.exec(question(request))[1];
}

function openaiLine(id, content) {
  return JSON.stringify({ id: `batch_req_${id}`, custom_id: id, error: null,
    response: { status_code: 200, request_id: 'r', body: { choices: [{ index: 0, message: { role: 'assistant', content } }] } } });
}

test('concept round trip: the first-named choice, one failed, one missing and one unanswered reply', () => {
  const requestsPath = path.join(work, 'concept.jsonl');
  const { err } = shoal(['prompts', 'concept', '--model', 'toy', '--condition', 'identity', '--personas', conceptPersonas,
    '--individuals', '100', '--out', requestsPath]);
  assert.match(err, /7200 requests for 100 individuals/);
  const requests = requestsOf(readFileSync(requestsPath, 'utf8'));
  assert.equal(requests.length, 100 * 36 * 2);

  const failing = new Map([[0, 'failed'], [72, 'missing'], [144, 'neither']]);   // individuals 0, 1 and 2
  const lines = [];
  requests.forEach((request, i) => {
    const kind = failing.get(i);
    if (kind === 'missing') return;
    if (kind === 'failed') {
      lines.push(JSON.stringify({ custom_id: request.custom_id, response: { status_code: 500, body: { error: { message: 'overloaded' } } } }));
    } else {
      lines.push(openaiLine(request.custom_id, kind === 'neither' ? 'Neither of them.' : `"${firstNamed(request)}"`));
    }
  });
  lines.reverse();   // batch services return results in any order
  const resultsPath = path.join(work, 'concept-results.jsonl');
  writeFileSync(resultsPath, `${lines.join('\n')}\n`);

  const csvPath = path.join(work, 'concept.csv');
  const replies = shoal(['replies', requestsPath, resultsPath, '--out', csvPath]);
  assert.match(replies.err, /7200 requests, 7199 result lines: 7198 replies with text, 3600 rows written \(concept\)/);
  assert.match(replies.err, /failed +1\n.*concept\/identity\/default\/0\/1\/.*status 500: overloaded/);
  assert.match(replies.err, /missing +1\n.*concept\/identity\/default\/1\/1\//);
  assert.match(replies.err, /no_answer +1\n.*concept\/identity\/default\/2\/1\/.*names neither choice/);
  const csv = readFileSync(csvPath, 'utf8');
  assert.ok(csv.startsWith('model_name,prompt,temperature,subject_num,target,choice1,choice2,generation1,generation2\n'));

  const report = JSON.parse(shoal(['concept', csvPath, '--quiet', '--iterations', '40', '--burn-in', '10',
    '--subsets', '25', '--bootstrap', '0']).out);
  assert.equal(report.inputs[0].format, 'raw-llm');
  assert.equal(report.inputs[0].rows, 3600);
  const population = report.populations[0];
  assert.equal(population.name, 'toy prompt=identity temp=default');
  assert.equal(population.concepts.length, 10);
  const sum = (f) => population.concepts.reduce((total, c) => total + f(c), 0);
  assert.equal(sum((c) => c.invalid_replies), 3);
  assert.equal(sum((c) => c.incomplete_individuals), 3);
  assert.equal(sum((c) => c.complete_individuals), 97);
  // Everyone answers alike, so one concept; the two orders always disagree.
  assert.equal(population.mean_p_multiple_concepts, 0);
  assert.equal(population.within_individual_agreement.agreement, 0);
  assert.equal(population.within_individual_agreement.pairs, 100 * 36 - 3);
  const issues = Object.fromEntries(report.input_issues.map((i) => [i.kind, i.count]));
  assert.equal(issues.invalid_reply, 3);
  assert.equal(issues.incomplete_individual, 3);
});

test('wasm makes the CLI requests and reads replies back into the CLI file, byte for byte', async () => {
  const module = await loadShoal();
  const personas = { name: 'persona-prompts.csv', bytes: new Uint8Array(readFileSync(conceptPersonas)) };
  const settings = { task: 'concept', condition: 'random', model: 'toy', individuals: '12', temperature: '2',
    seed: '7', 'persona-as': 'system', wording: 'corrected', concepts: 'politicians' };
  const made = module.makePrompts(settings, personas, null);
  assert.equal(made.ok, true, made.error.message);
  assert.deepEqual(JSON.parse(made.summary), { requests: 12 * 72, individuals: 12 });
  const requestsPath = path.join(work, 'politicians.jsonl');
  shoal(['prompts', 'concept', '--model', 'toy', '--condition', 'random', '--personas', conceptPersonas, '--individuals',
    '12', '--temperature', '2', '--seed', '7', '--persona-as', 'system', '--wording', 'corrected', '--concepts',
    'politicians', '--out', requestsPath]);
  assert.equal(made.report, readFileSync(requestsPath, 'utf8'));

  const color = { task: 'color', condition: 'identity', model: 'toy', individuals: '3', seed: '7' };
  const words = { name: 'words.txt', bytes: new TextEncoder().encode('apple\nsky\n') };
  const colorMade = module.makePrompts(color, null, words);
  assert.equal(colorMade.ok, true, colorMade.error.message);
  writeFileSync(path.join(work, 'words.txt'), 'apple\nsky\n');
  const nativeColor = shoal(['prompts', 'color', '--model', 'toy', '--condition', 'identity', '--individuals', '3', '--seed', '7',
    '--words', path.join(work, 'words.txt')]).out;
  assert.equal(colorMade.report, nativeColor);
  assert.match(requestsOf(colorMade.report)[0].body.messages[0].content, /^You are an? .+ works as an? .+\. Question: What is the HEX code/);

  // vLLM's run-batch lines, with the colour inside a sentence.
  const results = requestsOf(nativeColor).map((r) => JSON.stringify({ id: 'vllm-1', custom_id: r.custom_id,
    response: { id: 'cmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: 'It is #A0522D, sienna.' } }] },
    error: null })).join('\n');
  const requestsFile = { name: 'color.jsonl', bytes: new TextEncoder().encode(nativeColor) };
  const resultsFile = { name: 'color-results.jsonl', bytes: new TextEncoder().encode(results) };
  const imported = module.importReplies(requestsFile, resultsFile);
  assert.equal(imported.ok, true, imported.error.message);
  const gzipped = module.importReplies(requestsFile, { name: 'color-results.jsonl.gz', bytes: new Uint8Array(gzipSync(results)) });
  assert.equal(gzipped.ok, true, gzipped.error.message);
  assert.equal(gzipped.report, imported.report);
  writeFileSync(path.join(work, 'color.jsonl'), nativeColor);
  writeFileSync(path.join(work, 'color-results.jsonl'), results);
  const nativeCsv = shoal(['replies', path.join(work, 'color.jsonl'), path.join(work, 'color-results.jsonl'), '--quiet']).out;
  assert.equal(imported.report, nativeCsv);
  const summary = JSON.parse(imported.summary);
  assert.equal(summary.task, 'color');
  assert.equal(summary.requests, 12);
  assert.equal(summary.rows, 6);
  assert.deepEqual(Object.values(summary.counts), [0, 0, 0, 0, 0, 0]);
  assert.equal(nativeCsv.split('\n')[1], 'toy,identity,default,0,apple,"It is #A0522D, sienna.","It is #A0522D, sienna."');
});

test('wasm kit errors come back as values naming the file, row and column', async () => {
  const module = await loadShoal();
  const base = { task: 'color', condition: 'identity', model: 'toy' };
  const badPersonas = { name: 'people.csv', bytes: new TextEncoder().encode('identity,random\nYou are a.,x\n,y\n') };
  const bad = module.makePrompts(base, badPersonas, null);
  assert.equal(bad.ok, false);
  assert.deepEqual([bad.error.file, bad.error.row, bad.error.column], ['people.csv', 3, 'identity']);
  const noModel = module.makePrompts({ ...base, model: '' }, null, null);
  assert.equal(noModel.ok, false);
  assert.match(noModel.error.message, /model/);
  const random = module.makePrompts({ ...base, condition: 'random' }, null, null);
  assert.match(random.error.message, /persona file/);
  const requests = { name: 'r.jsonl', bytes: new TextEncoder().encode('{"custom_id": "color/none/default/0/1/apple", "body": {"model": "m"}}\n') };
  const broken = module.importReplies(requests, { name: 'out.jsonl', bytes: new TextEncoder().encode('\n{oops\n') });
  assert.equal(broken.ok, false);
  assert.deepEqual([broken.error.file, broken.error.row], ['out.jsonl', 2]);
});

test('wasm kit settings: the validator\'s limits and words, as the CLI gives them', async () => {
  const module = await loadShoal();
  const limits = module.promptLimits();
  assert.equal(limits.ok, true);
  assert.deepEqual(JSON.parse(limits.report), {
    individuals: { min: 0, max: 1000000, default: 0, whole: true },
    seed: { min: 0, max: 4294967295, default: 42, whole: true },
    temperature: { min: 0, max: 100, default: null, whole: false },
  });
  const base = { task: 'concept', model: 'toy', individuals: '1' };
  for (const [field, value, option] of [['individuals', '1000001', '--individuals'], ['temperature', '100.5', '--temperature'],
    ['seed', String(2 ** 32), '--seed'], ['wording', 'plain', '--wording']]) {
    const made = module.makePrompts({ ...base, [field]: value }, null, null);
    assert.equal(made.ok, false, field);
    const cli = spawnSync(native, ['prompts', 'concept', '--model', 'toy', option, String(value)]);
    assert.equal(cli.status, 2);
    assert.equal(cli.stderr.toString(), `shoal: ${made.error.message}\n`);
  }
  // Wording and concepts are the concept task's: the module refuses them for colour, as the command line does.
  const colorWording = module.makePrompts({ ...base, task: 'color', wording: 'corrected' }, null, null);
  assert.equal(colorWording.ok, false);
  const cli = spawnSync(native, ['prompts', 'color', '--model', 'toy', '--wording', 'corrected']);
  assert.equal(cli.stderr.toString(), `shoal: ${colorWording.error.message}\n`);
});
