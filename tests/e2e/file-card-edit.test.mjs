// Editing a file's settings inspects it again, and other files change state
// meanwhile: the card being edited must stay open, with the focus where the
// reader left it, through every redraw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, site, useSite } from './support.mjs';

const shoal = useSite();
const edited = 'toy-a-chat-judgements.csv';
const other = 'toy-b-chat-judgements.csv';

// Where the focus is, by its field's name, and whether the card is open.
const where = (page) => page.evaluate((name) => ({
  focused: document.activeElement?.getAttribute('name') ?? document.activeElement?.tagName ?? null,
  open: document.querySelector(`article[data-file="${name}"] details`)?.open ?? null,
}), edited);

test('editing a card\'s format, a column and a label keeps the card open and the focus in place', async () => {
  const { context, page, consoleErrors } = await shoal.open();
  await page.setInputFiles('#file-input', [path.join(site, 'examples/concept', edited)]);
  const card = page.locator(`article[data-file="${edited}"]`);
  await card.locator('.recognised[data-state="inspected"]').waitFor();
  await card.locator('summary').click();
  const line = card.locator('.recognised');
  const populations = card.locator('.populations');

  // The format, chosen by keyboard: the list re-reads the file with it.
  const format = card.locator('select[name^="format-"]');
  const formatName = await format.getAttribute('name');
  await format.focus();
  await format.selectOption('generic');
  await line.filter({ hasText: 'format: generic' }).waitFor();
  assert.deepEqual(await where(page), { focused: formatName, open: true }, 'after choosing a format');
  await format.selectOption('raw-llm');
  await line.filter({ hasText: 'format: raw-llm' }).waitFor();
  assert.deepEqual(await where(page), { focused: formatName, open: true }, 'after choosing the format back');

  // Another file arriving redraws the list while the card is open.
  await page.setInputFiles('#file-input', [path.join(site, 'examples/concept', other)]);
  await page.locator(`article[data-file="${other}"] .recognised[data-state="inspected"]`).waitFor();
  assert.deepEqual(await where(page), { focused: formatName, open: true }, 'after another file was checked');

  // A column: the model's name read from the family column instead.
  const model = card.locator('select[name$="-model"]');
  const modelName = await model.getAttribute('name');
  await model.focus();
  await model.selectOption('family');
  await populations.filter({ hasText: 'Populations: toy-a prompt=none' }).waitFor();
  assert.deepEqual(await where(page), { focused: modelName, open: true }, 'after choosing a column');

  // A label, typed and left with Tab: the focus is on the next field.
  const label = card.locator('input[name^="name-"]');
  await label.fill('edited population');
  await label.press('Tab');
  const next = await page.evaluate(() => document.activeElement?.getAttribute('name'));
  assert.match(next ?? '', /^model-/);
  await populations.filter({ hasText: 'Populations: edited population' }).waitFor();
  assert.deepEqual(await where(page), { focused: next, open: true }, 'after editing a label');
  // The field keeps what was typed, and the other file's card is untouched.
  assert.equal(await label.inputValue(), 'edited population');
  assert.equal(await page.locator(`article[data-file="${other}"] details`).evaluate((d) => d.open), false);

  await card.screenshot({ path: path.join(artifacts, 'file-card-edited.png') });
  assert.deepEqual(consoleErrors, []);
  await context.close();
});
