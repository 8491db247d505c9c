// The panel of a page opened from a shared link: the parameters it set, the
// files it expects and whether each is there, restoring those it carries and
// fetching those it points to, each only when the reader asks.
import type { LoadedFile } from '../files';
import { formatBytes } from '../files';
import { visibleText } from '../links/visible-text';
import type { ShareState } from '../share';
import { remoteFiles } from '../share-ui';

// What the reader has to do for the files.
function whatToDo(state: ShareState): string {
  const carried = state.files.filter((e) => e.data !== undefined).length;
  const needed = state.files.length - carried;
  const checked = 'each is checked against the fingerprint in the link before anything runs';
  if (needed === 0) {
    return `The link carries the data: ${carried === 1 ? 'the file is' : `all ${carried} files are`} restored from it when ` +
      `you ask, and ${checked}. There is nothing to add: restore them, then run the analyses once the list below shows ` +
      'every file matching.';
  }
  const drop = state.files.some((e) => e.url && e.data === undefined)
    ? 'fetch them or drop your copies in' : 'drop your copies in';
  return carried === 0
    ? `The analysis needs these files; ${drop}, and ${checked}.`
    : `The link carries ${carried} of the files, restored from it when you ask; for the other ${needed}, ${drop}, and ${checked}.`;
}

const STATUS_WORDS = {
  missing: (carried: boolean) => (carried ? 'carried by the link' : 'waiting for this file'),
  mismatch: () => 'a different file was given',
  matched: () => 'matches',
};

export function SharedPanel({ state, files, toolVersion, onFetch, onRestore }:
  { state: ShareState | null; files: LoadedFile[]; toolVersion: string; onFetch: () => void; onRestore: () => void }) {
  if (!state) return <div id="shared-panel" class="shared-panel" hidden />;
  const present = (name: string) => files.some((f) => f.name === name);
  const remote = remoteFiles(state, present);
  const carried = state.files.filter((e) => e.data !== undefined && !present(e.name));
  const origins = [...new Set(remote.map((e) => new URL(e.url!).origin))];
  return (
    <div id="shared-panel" class="shared-panel">
      <p id="shared-intro">{(state.analysisFile
        ? `The analysis file ${visibleText(state.analysisFile)} (Shoal ${visibleText(state.tool)}) set the parameters. ` +
          'The analysis needs these files; drop your copies in, and each is checked against the SHA-256 in the file before anything runs.'
        : `This page was opened from a shared link (Shoal ${visibleText(state.tool)}): the parameters are set as shared. ` + whatToDo(state))}</p>
      {toolVersion && state.tool !== toolVersion
        ? <p class="notice" id="shared-version">{`The ${state.analysisFile ? 'analysis file' : 'link'} was made by Shoal ${visibleText(state.tool)}; ` +
          `this page is Shoal ${toolVersion}. Numbers can differ between versions: to reproduce the analysis exactly, open the ` +
          `${state.analysisFile ? 'file' : 'link'} with that version.`}</p>
        : null}
      <ul class="shared-files">
        {state.files.map((e) => {
          const given = files.find((f) => f.name === e.name);
          const status = !given ? 'missing' : given.mismatch ? 'mismatch' : 'matched';
          // The name is the link's text: escaped, isolated, and kept apart
          // from the page's own words about it, which follow in their own box.
          return <li key={e.name} class={status} data-expected={e.name}>
            <bdi class="shared-name" dir="auto">{visibleText(e.name)}</bdi>
            <span class="shared-facts">{` ${e.size === undefined ? '' : `${e.size.toLocaleString('en')} bytes, `}SHA-256 ${e.sha256.slice(0, 12)}… `}</span>
            <span class="shared-status" data-status={status}>{STATUS_WORDS[status](e.data !== undefined)}</span>
          </li>;
        })}
      </ul>
      {carried.length > 0
        ? <>
          <button type="button" id="restore-shared" onClick={onRestore}>
            {`Restore ${carried.length} file${carried.length === 1 ? '' : 's'} from the link ` +
              `(${formatBytes(carried.reduce((t, e) => t + (e.size ?? 0), 0))})`}</button>
          <p class="hint">The data are in the link itself: restoring them asks no server for anything.</p>
        </>
        : null}
      {remote.length > 0
        ? <>
          <button type="button" id="fetch-shared" onClick={onFetch}>
            {`Fetch ${remote.length} file${remote.length === 1 ? '' : 's'} from ${origins.join(', ')}`}</button>
          <p class="hint">Fetching asks for these exact addresses, for this link only, and nothing is sent but the
            requests:</p>
          <ul id="fetch-urls" class="fetch-urls">{remote.map((e) => <li key={e.url}><code>{visibleText(e.url!)}</code></li>)}</ul>
        </>
        : null}
    </div>
  );
}
