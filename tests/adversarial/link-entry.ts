// What the `links` cases call, gathered for one bundle (run_link_case.mjs).
export { decodeShare } from '../../web/src/share';
export { embeddedFiles } from '../../web/src/links/link-files';
export { visibleText } from '../../web/src/links/visible-text';
