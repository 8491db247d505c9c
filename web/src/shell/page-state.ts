// The page's state, held in one place: the panels are drawn from it (see
// shell.tsx) and the page's actions change it, then ask for a redraw.
import type { LoadedFile } from '../files';
import type { ShareState } from '../share';
import type { ProgressView } from '../run-progress';
import type { Setting } from '../parameters/settings';

// A value the validator refused: the field it is about is marked until edited.
export interface Refusal { setting: string; message: string }

export interface PageState {
  files: LoadedFile[];
  // A run is under way: Run waits, Cancel shows.
  running: boolean;
  // The analysis a shared link restores, if the page was opened from one.
  shared: ShareState | null;
  toolVersion: string;
  // The analysis form: the registry it is drawn from (empty until the module
  // has answered), the values as typed by field name, and a refusal.
  parameters: { registry: Setting[]; values: Record<string, string>; refusal: Refusal | null };
  run: {
    status: string;
    error: string | null;
    progress: ProgressView;
    // How long each analysis took in its worker (for the tests' timings log).
    colorMillis?: number;
    conceptMillis?: number;
  };
}

export const page: PageState = {
  files: [],
  running: false,
  shared: null,
  toolVersion: '',
  parameters: { registry: [], values: {}, refusal: null },
  run: { status: '', error: null, progress: { shown: false, value: 0, detail: null } },
};

let draw: () => void = () => undefined;
let timer: number | undefined;

// Set once by the shell when it mounts the panels.
export function onRedraw(redraw: () => void) {
  draw = redraw;
}

export function redraw() {
  window.clearTimeout(timer);
  timer = undefined;
  draw();
}

// While many files are read and checked their states change hundreds of
// times: those changes redraw the panels at most every 100 ms.
export function redrawSoon() {
  timer ??= window.setTimeout(redraw, 100);
}
