// Speed: 10,000 epochs per frame stays inside the per-frame training budget (the page stays
// responsive on slow devices), and 1 epoch per frame trains exactly one epoch per frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, frames } from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('10,000 epochs per frame keeps training inside the frame budget', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/?speed=10000');
  await frames(page, 5);
  const start = await page.evaluate(() => window.backpropLab.state());
  const samples = [];
  for (let i = 0; i < 20; i++) {
    await frames(page, 1);
    samples.push(await page.evaluate(() => window.backpropLab.state()));
  }
  // Wall-clock times on a busy machine include time the OS gave to other processes: judge the median.
  const times = samples.map((s) => s.trainMs).sort((a, b) => a - b);
  const median = times[times.length >> 1];
  const last = samples[samples.length - 1];
  console.log(`info: epochs/frame ${last.epochsLastFrame}, training median ${median} ms (max ${times[times.length - 1]}),` +
              ` fps ${last.fps}, frame ${last.frameMs} ms`);
  // The budget is at most 4 ms (web/main.cpp: what the rest of a 4 ms frame leaves).
  assert.ok(median < 8, `training stays near its budget of at most 4 ms (median ${median} ms; ${times})`);
  assert.ok(last.epoch - start.epoch > 2000, 'thousands of epochs per second');
  assert.ok(last.historyPoints <= 2048, 'loss history stays bounded');
  assert.deepEqual(errors, []);
});

test('1 epoch per frame trains one epoch per frame', async () => {
  const { page } = await openPage(browser, server.origin + '/?speed=1');
  const per = await page.evaluate(() => new Promise((resolve) => {
    const seen = [];
    const tick = () => {
      seen.push(window.backpropLab.state().epoch);
      if (seen.length < 12) requestAnimationFrame(tick); else resolve(seen);
    };
    requestAnimationFrame(tick);
  }));
  const steps = per.slice(1).map((e, i) => e - per[i]);
  assert.ok(steps.every((d) => d === 0 || d === 1), `one epoch at most per frame: ${steps}`);
  assert.ok(steps.some((d) => d === 1));
});
