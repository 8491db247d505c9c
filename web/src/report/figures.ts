// Every figure of the results, as drawn on the page, grouped as the page
// groups them; each keeps its own caption and description. The concept
// cards of the cell chosen in "Which concepts" follow its similarity matrix.
import { h } from '../dom';
import { figuresIn, readerCopy } from './page-copy';

const GROUPS: [string, string][] = [
  ['comparison-results', 'Comparing populations'],
  ['concept-results', 'Conceptual similarity'],
  ['color-results', 'Word–colour associations'],
];

export function figuresSection(results: HTMLElement): HTMLElement {
  return h('section', { 'data-section': 'figures' },
    h('h2', {}, 'Figures'),
    ...GROUPS.flatMap(([id, title]) => {
      const group = results.querySelector(`#${id}`);
      const figures = figuresIn(group);
      const cards = group?.querySelector('.which-concepts-cards');
      const copies = figures.flatMap((f) => (f.dataset.figure === 'concept-similarity' && cards ? [readerCopy(f), readerCopy(cards)] : [readerCopy(f)]));
      return figures.length ? [h('h3', {}, title), ...copies] : [];
    }));
}
