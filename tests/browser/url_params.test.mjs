// URL parameters: good values are applied at start, bad ones are refused or clamped with a
// visible notice (never a crash), and the address bar is kept current with replaceState.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, until } from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('good URL parameters are applied', async () => {
  const query = '?lr=0.5&hidden=8,8&act=tanh&loss=bce&opt=adam&seed=7&speed=50&autoplay=0&view=gradients&row=all';
  const { page, errors } = await openPage(browser, server.origin + '/' + query);
  const s = await page.evaluate(() => window.backpropLab.state());
  assert.deepEqual(
    { lr: s.params.lr, hidden: s.params.hidden, act: s.params.act, loss: s.params.loss, opt: s.params.opt,
      seed: s.params.seed, speed: s.params.speed, view: s.params.view, row: s.params.row },
    { lr: 0.5, hidden: '8,8', act: 'tanh', loss: 'bce', opt: 'adam', seed: 7, speed: 50, view: 'gradients', row: 'all' });
  assert.equal(s.running, false, 'autoplay=0 starts paused');
  assert.equal(s.epoch, 0);
  assert.deepEqual(s.notices, []);
  assert.deepEqual(errors, []);
});

test('bad URL parameters give notices, are ignored or clamped, and the page keeps working', async () => {
  const query = '?lr=abc&hidden=100000&speed=99999&act=%3Cscript%3Ealert(1)%3C/script%3E&foo=1&row=9&seed=-3&embed=maybe';
  const { page, errors } = await openPage(browser, server.origin + '/' + query);
  const s = await page.evaluate(() => window.backpropLab.state());
  assert.equal(s.params.lr, 0.1, 'lr keeps its default');
  assert.equal(s.params.hidden, '4', 'hidden=100000 refused');
  assert.equal(s.params.speed, 10000, 'speed clamped');
  assert.equal(s.params.act, 'sigmoid');
  assert.equal(s.params.row, 0);
  assert.equal(s.params.seed, 42);
  assert.equal(s.params.embed, false);
  const text = s.notices.join('\n');
  for (const word of ['lr', 'hidden', 'speed', 'act', 'foo', 'row', 'seed', 'embed']) {
    assert.ok(text.includes(word), `a notice mentions ${word}:\n${text}`);
  }
  assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src])').length), 0, 'nothing injected');
  await until(page, () => window.backpropLab.state().epoch > 100);
  // The bad link is tidied in the address bar to the settings actually in use.
  await until(page, () => location.search.includes('lr=0.1') && !location.search.includes('foo'));
  assert.deepEqual(errors, []);
});

test('the address bar follows changes made through the API', async () => {
  const { page } = await openPage(browser, server.origin + '/');
  await page.evaluate(() => window.backpropLab.set({ lr: 0.25, hidden: [3, 5] }));
  await until(page, () => location.search.includes('lr=0.25') && location.search.includes('hidden=3,5'));
  const search = await page.evaluate(() => location.search);
  // Opening that address reproduces the settings.
  const again = await openPage(browser, server.origin + '/' + search);
  const s = await again.page.evaluate(() => window.backpropLab.state());
  assert.equal(s.params.lr, 0.25);
  assert.equal(s.params.hidden, '3,5');
});
