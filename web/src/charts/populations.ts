// Population order and colours shared by every figure: humans first, in
// black; the rest in report order.
import { populationScale } from './figure';

export interface NamedPopulation { name: string; human: boolean }

export function populationOrder(populations: NamedPopulation[]): string[] {
  return [...populations.filter((p) => p.human), ...populations.filter((p) => !p.human)].map((p) => p.name);
}

export function colourScale(populations: NamedPopulation[]) {
  const human = new Set(populations.filter((p) => p.human).map((p) => p.name));
  return populationScale(populationOrder(populations), (name) => human.has(name));
}
