// The page's shell: the file list, the shared-link panel, the parameter form,
// the run bar and the Share section, drawn from the page's state
// (page-state.ts) into their places in index.html. Each redraw diffs against
// what is on the page, so a card or a field being edited keeps its open
// state, its typing and the focus.
import { render } from 'preact';
import { byId } from '../dom';
import type { LoadedFile } from '../files';
import { readiness } from '../file-summary';
import { sharedFilesReady } from '../share-ui';
import { FileList } from './file-list';
import { onRedraw, page } from './page-state';
import { ParameterForm, typeParameter } from './parameter-form';
import { RunBar } from './run-bar';
import { SharedPanel } from './shared-panel';
import { SharePanel } from './share-panel';
import { AnalysisPanel } from './analysis-panel';
import type { RunnableAnalysis } from '../analysis-file/command-line';

export interface ShellActions {
  reread: (file: LoadedFile) => void;
  remove: (file: LoadedFile) => void;
  fetchShared: () => void;
  restoreShared: () => void;
  run: () => void;
  cancel: () => void;
  // The analysis files of the page's analyses as Run would make them now, for a share link.
  analysisFiles: () => Promise<string[]>;
  // The analysis file of an analysis as the page would run it now, saved.
  saveAnalysisFile: (analysis: RunnableAnalysis) => Promise<void>;
  // An analysis file (or a report) opened: its parameters set, its inputs asked for.
  openAnalysisFile: (file: File) => void;
}

export function mountShell(actions: ShellActions) {
  const events = { onReread: actions.reread, onRemove: actions.remove };
  // Typing redraws the form and the command line alone: the rest of the page
  // does not depend on it.
  const drawCode = () => render(<AnalysisPanel files={page.files} shared={page.shared} registry={page.parameters.registry}
    values={page.parameters.values} onDownload={actions.saveAnalysisFile} onOpen={actions.openAnalysisFile} />,
  byId('analysis-shell'));
  const drawForm = () => {
    render(<ParameterForm state={page.parameters}
      onType={(name, value) => { typeParameter(name, value); drawForm(); }} />, byId('parameters'));
    drawCode();
  };
  const draw = () => {
    const { files, shared, toolVersion } = page;
    render(<SharedPanel state={shared} files={files} toolVersion={toolVersion} onFetch={actions.fetchShared} onRestore={actions.restoreShared} />, byId('shared-shell'));
    render(<FileList files={files} events={events} />, byId('files-shell'));
    drawForm();
    render(<RunBar running={page.running} ready={readiness(files, sharedFilesReady(shared, files))} run={page.run}
      onRun={actions.run} onCancel={actions.cancel} />, byId('run-shell'));
    render(<SharePanel files={files} definitions={actions.analysisFiles} />, byId('share-shell'));
  };
  onRedraw(draw);
  draw();
}
