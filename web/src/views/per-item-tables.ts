// Tables shared by the per-item analyses (word–colour, numeric answers): a
// row per population and a row per item, named in the analysis's terms;
// `extra` columns are an analysis's own (the colour task's divergence).
import { type PerItemEntry, type PerItemMeasure, type PerItemPopulation } from '../charts/per-item-charts';
import type { Column } from '../table';
import { sortableTable } from '../table';
import { displayName } from '../charts/palette';

export function perItemPopulationTable<P, I>(populations: PerItemPopulation<P, I>[], m: PerItemMeasure,
  extra: Column<PerItemPopulation<P, I>>[] = []): HTMLElement {
  return sortableTable<PerItemPopulation<P, I>>(`${m.prefix}-populations`, 'Diversity per population', populations, [
    { title: 'population', value: (p) => displayName(p) },
    { title: 'human', value: (p) => (p.human ? 'yes' : 'no') },
    { title: 'individuals', value: (p) => p.individuals },
    { title: `${m.item}s`, value: (p) => p.analysed },
    { title: 'mean distance from diagonal', value: (p) => p.dist_from_diagonal.mean, digits: 4 },
    { title: 'ci95 low', value: (p) => p.dist_from_diagonal.ci95[0], digits: 4 },
    { title: 'ci95 high', value: (p) => p.dist_from_diagonal.ci95[1], digits: 4 },
    { title: 'slope', value: (p) => p.regression_internal_on_population.slope, digits: 4 },
    { title: 'intercept', value: (p) => p.regression_internal_on_population.intercept, digits: 4 },
    { title: 'R²', value: (p) => p.regression_internal_on_population.r_squared, digits: 4 },
    ...extra,
    { title: m.replies[0], value: (p) => p.responses.valid },
    { title: m.replies[1], value: (p) => p.responses.invalid },
  ]);
}

type ItemRow<I> = { population: string; i: PerItemEntry<I> };

export function perItemTable<P, I>(populations: PerItemPopulation<P, I>[], m: PerItemMeasure, extra: Column<ItemRow<I>>[] = []): HTMLElement {
  const rows = populations.flatMap((p) => p.items.map((i) => ({ population: displayName(p), i })));
  return sortableTable<ItemRow<I>>(`${m.prefix}-${m.item}s`, `Per ${m.item}`, rows, [
    { title: 'population', value: (r) => r.population },
    { title: m.item, value: (r) => r.i.item },
    { title: 'individuals', value: (r) => r.i.individuals },
    { title: `internal ${m.quantity}`, value: (r) => r.i.internal, digits: 4 },
    { title: `population ${m.quantity}`, value: (r) => r.i.population, digits: 4 },
    { title: 'distance from diagonal', value: (r) => r.i.dist_from_diagonal, digits: 4 },
    ...extra,
  ]);
}
