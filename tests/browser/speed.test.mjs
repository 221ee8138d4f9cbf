// Speed setting: epochs per frame follow it (many at 10,000, exactly one at 1, never more than
// the setting), and the loss history stays bounded however many epochs run. Behaviour only:
// how long training takes per frame depends on the machine and is measured by the benchmark
// (scripts/bench.sh, bench/page_bench.mjs), not asserted here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, until, epochsPerFrame, deltas } from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

test('10,000 epochs per frame: many epochs every frame, never more than 10,000; bounded history', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/?speed=10000');
  const steps = deltas(await epochsPerFrame(page, 30));
  console.log(`info: epochs per frame at speed=10000: median ${median(steps)}, ${steps.join(' ')}`);
  assert.ok(steps.every((d) => d >= 0 && d <= 10000), `never more than the setting: ${steps}`);
  // The page trains as much of the setting as its per-frame budget allows (at least 0.5 ms):
  // hundreds of epochs even on a slow machine, where one epoch of this net costs ~0.3 µs here.
  assert.ok(median(steps) >= 10, `many epochs per frame: ${steps}`);
  // The loss curve keeps at most 2,048 points, however long it runs.
  await until(page, () => window.backpropLab.state().epoch > 50000);
  const s = await page.evaluate(() => window.backpropLab.state());
  assert.ok(s.historyPoints > 0 && s.historyPoints <= 2048, `loss history bounded: ${s.historyPoints} points at epoch ${s.epoch}`);
  assert.equal(s.params.speed, 10000);
  assert.deepEqual(errors, []);
});

test('100 epochs per frame: never more, the full 100 when the budget allows', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/?speed=100');
  const steps = deltas(await epochsPerFrame(page, 20));
  assert.ok(steps.every((d) => d >= 0 && d <= 100), `at most 100 a frame: ${steps}`);
  assert.equal(Math.max(...steps), 100, `100 in a frame: ${steps}`);
  assert.deepEqual(errors, []);
});

test('1 epoch per frame trains one epoch per frame', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/?speed=1');
  const steps = deltas(await epochsPerFrame(page, 12));
  assert.ok(steps.every((d) => d === 0 || d === 1), `one epoch at most per frame: ${steps}`);
  assert.ok(steps.some((d) => d === 1), `and it trains: ${steps}`);
  assert.deepEqual(errors, []);
});
