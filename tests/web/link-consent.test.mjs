// The reviewer's agreement to fetch (web/src/links/consent.ts): bound to the
// page it was given on, used once, and written into the page's policy as
// sources that match the agreed URLs alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPageModule } from './bundle.mjs';

const store = new Map();
globalThis.sessionStorage = {
  getItem: (k) => (store.has(k) ? store.get(k) : null), setItem: (k, v) => store.set(k, String(v)), removeItem: (k) => store.delete(k),
};
const { grantConsent, takeConsent, consentedUrls, policySource } = await importPageModule('links/consent.ts');

const a = 'https://data.example.org/study/a.csv';

test('an agreement counts on the page it was given on, once', () => {
  grantConsent({ purpose: 'link', page: '#s=first', urls: [a] });
  assert.equal(takeConsent('#s=second'), null, 'another link');
  assert.deepEqual([...consentedUrls('link')], []);
  assert.equal(takeConsent('#s=first'), null, 'already taken: a reload asks again');

  grantConsent({ purpose: 'link', page: '#s=first', urls: [a, 'ftp://x.example/y', 7] });
  assert.deepEqual(takeConsent('#s=first')?.urls, [a]);
  assert.deepEqual([...consentedUrls('link')], [a]);
  assert.deepEqual([...consentedUrls('replicate')], [], 'for its purpose only');
  assert.equal(store.size, 0);
});

test('a damaged record is no agreement', () => {
  for (const text of ['{', 'null', '{"purpose":"all","page":"","urls":[]}', '{"purpose":"link","page":1,"urls":[]}']) {
    store.set('shoal-consent', text);
    assert.equal(takeConsent(''), null, text);
  }
});

test('policy sources match the agreed URL alone: no query, and nothing that ends a source or a directive', () => {
  assert.equal(policySource(a), a);
  assert.equal(policySource(`${a}?token=1#x`), a);
  assert.equal(policySource("https://x.example/a;b,c'd.csv"), 'https://x.example/a%3Bb%2Cc%27d.csv');
  assert.equal(policySource('https://x.example/a b.csv'), 'https://x.example/a%20b.csv');
  assert.equal(policySource('javascript:alert(1)'), null);
  assert.equal(policySource('not a url'), null);
});
