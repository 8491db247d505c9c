// The formats the core reads, with their columns and a small template file
// for each that the page offers for download. The templates are complete
// inputs: each analyses as it is.
import { h } from './dom';
import { download } from './download';

interface Format {
  id: string;
  task: string;
  title: string;
  columns: string;
  note: string;
  template: string[][];
}

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';

// Two individuals, two words, both blocks: the least an analysis accepts.
const colourTrials = (rgb: (person: number, word: number, block: number) => number[]) =>
  [1, 2].flatMap((person) => ['ocean', 'banana'].flatMap((word, w) => [1, 2].map((block) => ({ person, word, block, rgb: rgb(person, w, block) }))));
const shade = (person: number, word: number, block: number) =>
  word === 0 ? [20 + 30 * person + 5 * block, 80, 200 - 10 * person] : [235 - 10 * person, 200 + 5 * block, 40 + 20 * person];
const hex = (rgb: number[]) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

// Three choice pairs per concept, answered by both individuals.
const questions = [['finch', 'robin'], ['finch', 'chicken'], ['robin', 'chicken']];
const choice = (person: number, q: number) => (person + q) % 2;

export const ACCEPTED_FORMATS: Format[] = [
  {
    id: 'human-long', task: 'Word–colour', title: 'Human export',
    columns: 'participantID (or participant, subject, ID), word, response_r, response_g, response_b (0–255), condition (block1_target_trial / block2_target_trial)',
    note: 'One row per trial, as jsPsych exports it. Rows of other conditions (instructions, practice) are skipped and counted.',
    template: [['participantID', 'word', 'response_r', 'response_g', 'response_b', 'condition'],
      ...colourTrials(shade).map((t) => [String(100 + t.person), t.word, ...t.rgb.map(String), `block${t.block}_target_trial`])],
  },
  {
    id: 'llm-wide', task: 'Word–colour', title: 'LLM output',
    columns: 'subject_num, word, hex1 and hex2 and/or the replies generation1 and generation2; optional model_name, prompt, temperature, family, aligned',
    note: 'One row per simulated individual and word. Where a hex column is empty, the first #rrggbb in the reply is the answer; a reply without one is counted as invalid.',
    template: [['model_name', 'prompt', 'temperature', 'subject_num', 'word', 'generation1', 'hex1', 'generation2', 'hex2'],
      ...[1, 2].flatMap((person) => ['ocean', 'banana'].map((word, w) => {
        const [a, b] = [hex(shade(person, w, 1)), hex(shade(person, w, 2))];
        return ['my-model', 'none', 'default', String(person - 1), word, `I associate ${word} with ${a}.`, a, b, b];
      }))],
  },
  {
    id: 'plain-long', task: 'Word–colour', title: 'Plain long table',
    columns: 'population, individual, word, block (1 or 2), colour (#rrggbb or r,g,b) or r, g, b',
    note: 'Any population, one row per answer; a population named human, humans or people is the human reference.',
    template: [['population', 'individual', 'word', 'block', 'colour'],
      ...colourTrials(shade).map((t) => ['my-population', String(t.person), t.word, String(t.block), hex(t.rgb)])],
  },
  {
    id: 'analysis', task: 'Similarity', title: 'Judgements, analysis format',
    columns: 'Concept (the target), ID, Question (the two choices, "choice1 choice2"), ChoiceNumber (0: the first was judged more similar, 1: the second); optional population',
    note: 'One row per answer, as in the paper\'s llm-responses files. Only individuals who answered every question of a concept are clustered.',
    template: [['population', 'Concept', 'ID', 'Question', 'ChoiceNumber'],
      ...[0, 1].flatMap((person) => questions.map((q, k) => ['my-population', 'penguin', String(person), q.join(' '), String(choice(person, k))]))],
  },
  {
    id: 'raw-llm', task: 'Similarity', title: 'Raw LLM replies',
    columns: 'subject_num, target, choice1, choice2, generation1, generation2 (the pair asked in both orders); optional model_name, prompt, temperature, family, aligned',
    note: 'One row per individual and question. A reply is matched to the choice it names; a reply naming neither is counted as invalid.',
    template: [['model_name', 'prompt', 'temperature', 'subject_num', 'target', 'choice1', 'choice2', 'generation1', 'generation2'],
      ...[0, 1].flatMap((person) => questions.map((q, k) => {
        const picked = q[choice(person, k)];
        return ['my-model', 'none', 'default', String(person), 'penguin', q[0], q[1],
          `I would say ${picked} is more similar to penguin.`, `${picked} is more similar.`];
      }))],
  },
  {
    id: 'generic', task: 'Similarity', title: 'Any categorical questionnaire',
    columns: 'individual, target, question, answer (any text); optional options (the question\'s options, "a|b|c"), population, model_name, prompt, temperature, family, aligned',
    note: 'One row per answer: Likert, multiple choice, any number of options. Declare the options: an option nobody chose still changes the likelihood; undeclared, they are the answers seen.',
    template: [['population', 'individual', 'target', 'question', 'answer', 'options'],
      ...[0, 1].flatMap((person) => ['is good for teams', 'saves time', 'is lonely'].map((q, k) => ['my-population', String(person),
        'remote work', q, ['disagree', 'neutral', 'agree'][(person + k) % 3], 'disagree|neutral|agree']))],
  },
];

export function templateText(id: string): string {
  const format = ACCEPTED_FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`no format ${id}`);
  return csv(format.template);
}

export function renderFormats(container: HTMLElement) {
  container.replaceChildren(...ACCEPTED_FORMATS.map((f) => {
    const name = `template-${f.id}.csv`;
    const button = h('button', { type: 'button', class: 'download', 'data-download': name }, `Download ${name}`);
    button.addEventListener('click', () => download(name, templateText(f.id), 'text/csv'));
    return h('article', { class: 'format', 'data-format': f.id },
      h('h3', {}, `${f.task}: ${f.title} `, h('code', {}, f.id)),
      h('p', {}, h('strong', {}, 'Columns: '), f.columns),
      h('p', {}, f.note),
      button);
  }));
}
