// Which addresses a share link may make the reviewer's browser fetch
// (web/src/share.ts fetchableUrl, web/src/links/public-host.ts): only public
// DNS names and public IP addresses, judged on the address as the URL parser
// leaves it, so that no spelling of a private address gets through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPageModule } from './bundle.mjs';

const { fetchableUrl } = await importPageModule('share.ts');

// Each a way to reach this machine or a private network.
const PRIVATE = [
  'https://localhost/a.csv', 'https://localhost./a.csv', 'https://LOCALHOST../a.csv', 'https://foo.localhost/a.csv',
  'https://printer.local./a.csv', 'https://router.home.arpa/a.csv', 'https://intranet/a.csv', 'https://db.internal/a.csv',
  'https://127.0.0.1/a.csv', 'https://127.1/a.csv', 'https://2130706433/a.csv', 'https://0x7f000001/a.csv',
  'https://0177.0.0.1/a.csv', 'https://0x7f.0.0.1/a.csv', 'https://127.0.0.1./a.csv', 'https://0.0.0.0/a.csv',
  'https://10.1.2.3/a.csv', 'https://172.16.0.1/a.csv', 'https://192.168.1.1/a.csv', 'https://169.254.169.254/latest',
  'https://100.64.0.1/a.csv', 'https://198.18.0.1/a.csv', 'https://224.0.0.1/a.csv', 'https://255.255.255.255/a.csv',
  'https://[::1]/a.csv', 'https://[::]/a.csv', 'https://[::127.0.0.1]/a.csv', 'https://[::ffff:127.0.0.1]/a.csv',
  'https://[::ffff:7f00:1]/a.csv', 'https://[0:0:0:0:0:ffff:10.0.0.1]/a.csv', 'https://[64:ff9b::7f00:1]/a.csv',
  'https://[64:ff9b::8.8.8.8]/a.csv', 'https://[64:ff9b:1::a00:1]/a.csv', 'https://[2002:7f00:1::1]/a.csv',
  'https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/a.csv', 'https://[fe80::1]/a.csv', 'https://[fd00::1]/a.csv',
  'https://[fc00::1]/a.csv', 'https://[fec0::1]/a.csv', 'https://[ff02::1]/a.csv', 'https://[2001:db8::1]/a.csv',
  'https://127.0.0.1.nip.io/a.csv', 'https://app.192.168.1.1.nip.io/a.csv', 'https://10-0-0-1.sslip.io/a.csv',
  'https://app-10-0-0-1.sslip.io/a.csv', 'https://127-000-000-001.sslip.io/a.csv', 'https://7f000001.nip.io/a.csv',
  'https://app-c0a80001.nip.io/a.csv', 'https://--1.sslip.io/a.csv', 'https://fe80--1.sslip.io/a.csv',
  'https://localtest.me/a.csv', 'https://x.lvh.me/a.csv',
];

const PUBLIC = [
  'https://raw.githubusercontent.com/skmur/onefish-twofish/3cf5/input-data/color-task/colorref.csv',
  'https://zenodo.org/records/1/files/a.csv', 'https://example.org./a.csv', 'https://8.8.8.8/a.csv',
  'https://[2606:4700:4700::1111]/a.csv', 'https://ec2-54-1-2-3.compute-1.amazonaws.com/a.csv',
  'https://bücher.example.de/a.csv', 'https://osf.io/download/abcde/',
];

test('no spelling of a private or local address may be fetched', () => {
  const let_through = PRIVATE.filter((url) => fetchableUrl(url) !== null);
  assert.deepEqual(let_through, [], 'these reach this machine or a private network');
});

test('public names and addresses may be fetched, over https only and without credentials', () => {
  assert.deepEqual(PUBLIC.filter((url) => fetchableUrl(url) === null), []);
  for (const url of ['http://example.org/a.csv', 'ftp://example.org/a.csv', 'https://user:pw@example.org/a.csv', 'not a url']) {
    assert.equal(fetchableUrl(url), null, url);
  }
});

test('the host rule on its own: addresses as the URL parser writes them', async () => {
  const { isPublicHost } = await importPageModule('links/public-host.ts');
  for (const host of ['127.0.0.1', 'localhost.', '[::7f00:1]', '[64:ff9b::7f00:1]', '[2002:7f00:1::1]', '[2001::1]',
    'com', '-a.example.org', 'a_b.example.org', '1.2.3', 'example.123', '']) {
    assert.equal(isPublicHost(host), false, host);
  }
  for (const host of ['example.org', 'example.org.', '1.1.1.1', '[2a00:1450:4001:80b::200e]', 'xn--bcher-kva.de']) {
    assert.equal(isPublicHost(host), true, host);
  }
});
