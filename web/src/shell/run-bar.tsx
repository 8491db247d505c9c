// The run bar: Run (or why it waits), Cancel, the progress and the outcome.
import { useState } from 'preact/hooks';
import type { Readiness } from '../file-summary';
import type { PageState } from './page-state';

export function RunBar({ running, ready, run, onRun, onCancel }:
  { running: boolean; ready: Readiness; run: PageState['run']; onRun: () => void; onCancel: () => void }) {
  // Only a phone's bar folds its details away (see the narrow layout).
  const [unfolded, setUnfolded] = useState(false);
  const { progress } = run;
  return (
    <section aria-labelledby="run-heading" class={`run-bar${unfolded ? ' unfolded' : ''}`}>
      <h2 id="run-heading" class="visually-hidden">Run</h2>
      <div class="run-controls">
        <button id="run-button" type="button" disabled={running || !ready.ok} onClick={onRun}>Run the analyses</button>
        <button id="cancel-button" type="button" hidden={!running} onClick={onCancel}>Cancel</button>
        <progress id="progress" max={1} value={progress.value} hidden={!progress.shown} aria-label="Analysis progress" />
        <span id="run-status" role="status" aria-live="polite"
          data-color-millis={run.colorMillis} data-concept-millis={run.conceptMillis}>{run.status}</span>
        <button id="run-details-toggle" class="run-details-toggle" type="button" aria-expanded={unfolded ? 'true' : 'false'}
          aria-controls="run-reason progress-detail run-status" onClick={() => setUnfolded(!unfolded)}>{unfolded ? 'Less' : 'More'}</button>
      </div>
      <div class="run-details">
        <p id="run-reason" class="run-reason">{running ? '' : ready.reason}</p>
        <p id="progress-detail" class="progress-detail" hidden={progress.detail === null}>{progress.detail ?? ''}</p>
      </div>
      <div id="run-error" class="error" role="alert" hidden={run.error === null}>{run.error ?? ''}</div>
    </section>
  );
}
