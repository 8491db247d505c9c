// The analysis engine as the page holds it: a pool of workers, one per core,
// each with its own instance of the module, started only when something needs
// them (files read, an analysis file opened, a run), or just ahead of them
// (a drag over the page, the file chooser opened). What the page needs of the
// module before that (the settings' definitions, the version) was asked of it
// when the site was built, so that a page opened to read a link, or to refuse
// one, holds no module at all.
import { settingsRegistry, toolVersion } from 'virtual:shoal-engine-facts';
import { byId } from './dom';
import { parseRegistry } from './parameters/settings';
import { WorkerPool } from './worker/client';

export { toolVersion };
export const registry = parseRegistry(settingsRegistry);

const workers = (n: number) => `${n} worker${n === 1 ? '' : 's'}`;
const say = (text: string) => { byId('engine-status').textContent = text; };

// "Ready" replaces only the engine's own "Starting…": what the page said
// meanwhile (the paper's files fetched, say) stays.
const starting = () => `Starting the analysis engine (${workers(pool.size)})…`;
export const pool: WorkerPool = new WorkerPool(undefined, {
  starting: () => say(starting()),
  ready: () => {
    if (byId('engine-status').textContent === starting()) say(`The analysis engine is ready (${workers(pool.size)}).`);
  },
});

// Said once the page is drawn, unless the workers started meanwhile.
export function announceEngine() {
  if (!pool.started) say(`The page is ready; its analysis engine (${workers(pool.size)}) starts with the first file.`);
}

// Starts the workers ahead of the files: as something is dragged over the
// page, or the file chooser opens, so that their modules load while the
// reader aims or picks.
export function startEngineAhead(chooser: HTMLInputElement) {
  document.addEventListener('dragenter', () => pool.start(), { once: true });
  chooser.addEventListener('click', () => pool.start(), { once: true });
}
