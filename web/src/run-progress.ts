// The run's progress bar and the line under it. The bar shows the work done
// over the work planned, of the slower analysis; it is full only once the
// results are on the page.
import { formatBytes } from './files';
import type { ConceptProgress } from './concept-run';

// Held back until the results are drawn: drawing 60 populations' figures
// takes a moment, and a full bar would claim they are there.
const BEFORE_DRAWING = 0.98;

const clock = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

// What the run bar shows of the progress: the bar (hidden before the first
// run), its value, and the line under it (null: hidden).
export interface ProgressView {
  shown: boolean;
  value: number;
  detail: string | null;
}

export class RunProgress {
  private colorFraction = 1;
  private conceptState: ConceptProgress | null = null;
  private started = 0;
  private timer: number | undefined;
  private stage = '';

  constructor(private readonly view: ProgressView, private readonly changed: () => void) {}

  start(color: boolean, concept: boolean) {
    this.colorFraction = color ? 0 : 1;
    this.conceptState = concept
      ? { bytesRead: 0, bytesPlanned: 0, iterationsDone: 0, iterationsPlanned: 0, fraction: 0 }
      : null;
    this.started = performance.now();
    this.stage = '';
    this.view.shown = true;
    this.view.value = 0;
    window.clearInterval(this.timer);
    this.timer = window.setInterval(() => this.show(), 500);
    this.show();
  }

  color(fraction: number) {
    this.colorFraction = fraction;
    this.show();
  }

  concept(progress: ConceptProgress) {
    this.conceptState = progress;
    this.show();
  }

  rendering() {
    this.stage = 'Drawing the results…';
    this.show();
  }

  finish() {
    window.clearInterval(this.timer);
    this.view.value = 1;
    this.view.detail = `Finished in ${clock((performance.now() - this.started) / 1000)}.`;
    this.changed();
  }

  stop() {
    window.clearInterval(this.timer);
    this.view.detail = '';
    this.view.shown = false;
    this.changed();
  }

  private fraction(): number {
    return Math.min(this.colorFraction, this.conceptState?.fraction ?? 1);
  }

  private show() {
    const fraction = this.fraction() * BEFORE_DRAWING;
    this.view.value = fraction;
    const elapsed = (performance.now() - this.started) / 1000;
    const parts: string[] = [];
    if (this.colorFraction < 1) parts.push(`word–colour ${Math.floor(this.colorFraction * 100)}% of the words`);
    const c = this.conceptState;
    if (c && c.fraction < 1) {
      if (c.bytesPlanned > 0 && c.bytesRead < c.bytesPlanned) parts.push(`similarity: ${formatBytes(c.bytesRead)} of ${formatBytes(c.bytesPlanned)} parsed`);
      if (c.iterationsPlanned > 0) {
        parts.push(`${Math.round(c.iterationsDone).toLocaleString('en')} of ${c.iterationsPlanned.toLocaleString('en')} ` +
          'Gibbs iterations × individuals');
      }
    }
    if (this.stage) parts.push(this.stage);
    const left = fraction > 0.05 ? ` · about ${clock(elapsed * (1 - fraction) / fraction)} left` : '';
    this.view.detail = `${parts.join(' · ')}${parts.length ? ' · ' : ''}${clock(elapsed)} elapsed${left}`;
    this.changed();
  }
}
