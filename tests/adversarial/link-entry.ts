// What the `links` cases call, gathered for one bundle (run_link_case.mjs).
export { decodeLink } from '../../web/src/links/analysis-link';
export { embeddedFiles } from '../../web/src/links/link-files';
export { visibleText } from '../../web/src/links/visible-text';
