// Embed mode at 480×360, and the postMessage bridge from a parent page on another origin:
// commands and replies, bad messages answered with errors, state reports to the parent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, newContext, frames, until, screenshotPath, pixelStats } from './lib.mjs';

let server, parentServer, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The parent page lives on another origin (another port) and frames the page in embed mode.
  const parentJs = `
    window.replies = []; window.reports = [];
    window.addEventListener('message', (e) => {
      if (!e.data || e.data.type !== 'backpropLab') return;
      if (!e.data.event) window.replies.push(e.data);
      else if (e.data.event === 'state') window.reports.push(e.data);   // not 'size' (embed_size.test.mjs)
    });
    window.send = (msg) => document.getElementById('lab').contentWindow.postMessage(msg, '*');
    window.reply = (id) => new Promise((resolve) => {
      const poll = () => { const r = window.replies.find((m) => m.id === id); r ? resolve(r) : setTimeout(poll, 50); };
      poll();
    });`;
  parentServer = await startServer({ extraRoutes: {
    '/parent.html': { body: `<!doctype html><title>parent</title><link rel="icon" href="data:,"><script src="/parent.js"></script>
      <iframe id="lab" src="${server.origin}/?embed=1&speed=50" width="480" height="360" style="border:0"></iframe>` },
    '/parent.js': { type: 'text/javascript', body: parentJs },
  } });
});
after(async () => { await browser?.close(); await server?.close(); await parentServer?.close(); });

test('embed mode renders at 480×360', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/?embed=1', { width: 480, height: 360 });
  const s = await page.evaluate(() => window.backpropLab.state());
  assert.equal(s.params.embed, true);
  await until(page, () => window.backpropLab.state().epoch > 300);
  await frames(page, 10);
  const png = await page.screenshot({ path: screenshotPath('embed-480x360.png') });
  const stats = await pixelStats(png);
  assert.equal(stats.width, 480);
  assert.ok(stats.colours > 40 && stats.std > 10, `embed is not blank: ${JSON.stringify(stats)}`);
  assert.deepEqual(errors, []);
});

test('postMessage bridge: commands, replies, validation and state reports', async () => {
  const context = await newContext(browser, { width: 800, height: 500 });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(parentServer.origin + '/parent.html');
  const frame = page.frameLocator('#lab');
  assert.ok(frame);
  // Commands sent before the page is ready are queued and answered once it is.
  await page.evaluate(() => window.send({ type: 'backpropLab', id: 'early', cmd: 'state' }));
  const early = await page.evaluate(() => window.reply('early'));
  assert.equal(early.ok, true);
  assert.equal(typeof early.result.epoch, 'number');

  await page.evaluate(() => window.send({ type: 'backpropLab', id: 1, cmd: 'set', args: [{ lr: 0.7, hidden: 'x' }] }));
  const set = await page.evaluate(() => window.reply(1));
  assert.equal(set.ok, true);
  assert.deepEqual(set.result.applied, { lr: 0.7 });
  assert.equal(set.result.notices.length, 1);

  await page.evaluate(() => window.send({ type: 'backpropLab', id: 2, cmd: 'pause' }));
  assert.equal((await page.evaluate(() => window.reply(2))).result.running, false);
  await page.evaluate(() => window.send({ type: 'backpropLab', id: 3, cmd: 'step', args: [5] }));
  const stepped = await page.evaluate(() => window.reply(3));
  await page.evaluate(() => window.send({ type: 'backpropLab', id: 4, cmd: 'weights' }));
  const weights = (await page.evaluate(() => window.reply(4))).result;
  assert.equal(weights.layers.length, 2);
  await page.evaluate((w) => window.send({ type: 'backpropLab', id: 5, cmd: 'loadWeights', args: [w] }), weights);
  assert.deepEqual((await page.evaluate(() => window.reply(5))).result, { ok: true });

  // Bad messages: unknown commands, bad ids, bad args are answered with errors; others ignored.
  const bad = [
    [{ type: 'backpropLab', id: 'b1', cmd: 'eval', args: ['alert(1)'] }, /unknown command/],
    [{ type: 'backpropLab', id: 'b2', cmd: 'constructor' }, /unknown command/],
    [{ type: 'backpropLab', id: 'b3', cmd: 'step', args: 'lots' }, /args/],
    [{ type: 'backpropLab', id: 'b4', cmd: 'step', args: [-4] }, /whole number/],
    [{ type: 'backpropLab', id: 'b5', cmd: 'loadWeights', args: [{ layers: 'no' }] }, null],
  ];
  for (const [msg, pattern] of bad) {
    await page.evaluate((m) => window.send(m), msg);
    const r = await page.evaluate((id) => window.reply(id), msg.id);
    if (pattern) { assert.equal(r.ok, false, JSON.stringify(r)); assert.match(r.error, pattern); }
    else assert.equal(r.result.ok, false);
  }
  await page.evaluate(() => window.send({ type: 'backpropLab', id: { nested: 1 }, cmd: 'state' }));
  await until(page, () => window.replies.some((m) => m.id === null && /id must be/.test(m.error)));
  for (const junk of ['string', 42, null, [1, 2], { type: 'other', cmd: 'reset' }]) {
    await page.evaluate((m) => window.send(m), junk);
  }
  await page.evaluate(() => window.send({ type: 'backpropLab', id: 6, cmd: 'state' }));
  const after = (await page.evaluate(() => window.reply(6))).result;
  assert.equal(after.epoch, stepped.result.epoch - stepped.result.epoch, 'loadWeights restarted the count; junk did nothing');

  // State reports arrive without asking: on play, and while running.
  await page.evaluate(() => window.send({ type: 'backpropLab', id: 7, cmd: 'play' }));
  await until(page, () => window.reports.some((r) => r.reasons.includes('play')));
  await until(page, () => window.reports.some((r) => r.reasons.includes('progress') && r.state.epoch > 0));
  assert.deepEqual(errors, []);
  await context.close();
});
