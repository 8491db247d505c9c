// Every figure of the results, as drawn on the page, grouped as the page
// groups them; each keeps its own caption and description.
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
      const figures = figuresIn(results.querySelector(`#${id}`));
      return figures.length ? [h('h3', {}, title), ...figures.map(readerCopy)] : [];
    }));
}
