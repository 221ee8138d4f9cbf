// The "seeing why it learns" tools: the gradient check, rewind (bounded history, loss curve
// cut to match, deterministic replay, branching keeps the weights), gradient sizes per layer
// and the before/after of an update. Screenshots of each tab for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, frames, screenshotPath } from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const lab = (page, fn, arg) => page.evaluate(fn, arg);
// Tab labels in the area under the network at 1280x800 (web/panel_insights.cpp).
const TABS = { loss: [358, 531], gradSizes: [447, 531], gradCheck: [571, 531], rewind: [672, 531], lessons: [752, 531] };
// Point, then press for two frames, as a person does. (A press and release inside one frame,
// right after hovering the tab, is lost by ImGui 1.86: seen with Playwright's instant clicks.)
async function showTab(page, name, shot) {
  await page.mouse.move(...TABS[name]);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await page.mouse.move(1270, 790);   // no tooltip in the picture
  await frames(page, 8);
  await page.screenshot({ path: screenshotPath(shot) });
}

test('gradient check: backprop matches finite differences on the default net', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/?autoplay=0');
  const start = await lab(page, () => window.backpropLab.gradCheck());
  assert.equal(start.entries.length, 17, '2-4-1 net: 8 + 4 + 4 + 1 parameters');
  assert.ok(start.maxRelError < 1e-5, `max relative error ${start.maxRelError}`);
  for (const e of start.entries) assert.ok(Math.abs(e.backprop - e.numerical) <= 1e-6 * (Math.abs(e.backprop) + 1e-9) + 1e-10);
  await lab(page, () => window.backpropLab.step(1000));
  const trained = await lab(page, () => window.backpropLab.gradCheck());
  assert.equal(trained.epoch, 1000);
  assert.ok(trained.maxRelError < 1e-5, `after 1000 epochs: ${trained.maxRelError}`);
  await frames(page, 8);
  await page.mouse.move(1270, 790);
  await frames(page, 4);
  await page.screenshot({ path: screenshotPath('insight-gradient-check.png') });
  assert.deepEqual(errors, []);
});

test('rewind: bounded history, loss curve cut, replay gives the same weights', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/?autoplay=0');
  const at3000 = await lab(page, () => window.backpropLab.step(3000));
  assert.equal(at3000.historyPoints, 1500);
  const w3000 = await lab(page, () => window.backpropLab.weights());
  const h = await lab(page, () => window.backpropLab.history());
  assert.equal(h.newest, 3000);
  assert.equal(h.oldest, 0);
  assert.equal(h.exact, 1000, 'every epoch of the last 1,000');
  assert.ok(h.count <= 1000 + 256 && h.count > 1000, `bounded: ${h.count} snapshots`);

  // Inside the exact part: back to 2500, replay 500 epochs.
  const r = await lab(page, () => window.backpropLab.rewind(2500));
  assert.deepEqual(r, { ok: true, epoch: 2500 });
  const s = await lab(page, () => window.backpropLab.state());
  assert.equal(s.epoch, 2500);
  assert.equal(s.running, false);
  // 3000 epochs fill the loss curve past its 2,048 points: one point per 2 epochs, so cut at 2500/2.
  assert.equal(s.historyPoints, 1250, 'loss curve cut at the rewound epoch');
  assert.equal((await lab(page, () => window.backpropLab.history())).newest, 2500);
  await lab(page, () => window.backpropLab.step(500));
  assert.deepEqual(await lab(page, () => window.backpropLab.weights()), w3000, 'replay is deterministic');

  // In the thinned part: the nearest stored epoch at or before, then replay to 3000.
  const thin = await lab(page, () => window.backpropLab.rewind(1001));
  assert.equal(thin.ok, true);
  assert.ok(thin.epoch <= 1001 && thin.epoch > 900, `nearest stored epoch: ${thin.epoch}`);
  await lab(page, (n) => window.backpropLab.step(n), 3000 - thin.epoch);
  assert.deepEqual(await lab(page, () => window.backpropLab.weights()), w3000, 'replay from a thinned snapshot');
  await frames(page, 4);
  await showTab(page, 'rewind', 'insight-rewind.png');

  // Branch: a new learning rate after a rewind keeps the weights.
  await lab(page, () => window.backpropLab.rewind(2000));
  const w2000 = await lab(page, () => window.backpropLab.weights());
  await lab(page, () => window.backpropLab.set({ lr: 0.5 }));
  assert.deepEqual(await lab(page, () => window.backpropLab.weights()), w2000, 'changing η keeps the weights');
  const branched = await lab(page, () => window.backpropLab.step(1000));
  assert.equal(branched.epoch, 3000);
  assert.notDeepEqual(await lab(page, () => window.backpropLab.weights()), w3000, 'the branch differs');
  assert.ok(branched.loss < s.loss, 'and learns faster with the larger η');

  const bad = await lab(page, () => { try { window.backpropLab.rewind(-1); return 'no error'; } catch (e) { return e.message; } });
  assert.match(bad, /rewind\(epoch\)/);
  assert.deepEqual(errors, []);
});

test('gradient sizes per layer are recorded over the run, bounded', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/?autoplay=0&hidden=4,4,4');
  await lab(page, () => window.backpropLab.step(3000));
  const h = await lab(page, () => window.backpropLab.history());
  assert.equal(h.gradNormsLast.length, 4, 'one norm per layer');
  assert.ok(h.gradNormPoints <= 1024 && h.gradNormPoints * h.gradNormStride <= 3000 && h.gradNormPoints * h.gradNormStride > 2000);
  // Deep sigmoid stack: the first layer's gradient is much smaller than the output layer's.
  assert.ok(h.gradNormsLast[0] < h.gradNormsLast[3], `vanishing: ${h.gradNormsLast}`);
  await showTab(page, 'gradSizes', 'insight-gradient-sizes.png');
  assert.deepEqual(errors, []);
});

test('before/after: the coming update and the last one agree; the loss falls', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/?autoplay=0');
  await lab(page, () => window.backpropLab.step(10));
  const last = await lab(page, () => window.backpropLab.beforeAfter());
  assert.equal(last.valid, true);
  assert.equal(last.pending, false);
  assert.equal(last.epoch, 9);
  assert.equal(last.rows, 4);
  assert.ok(last.after < last.before, `one step lowers the loss: ${last.before} -> ${last.after}`);
  // Phase by phase to the update (2 layers: 7 phases, the update is the 7th).
  await lab(page, () => window.backpropLab.stepPhase(6));
  const coming = await lab(page, () => window.backpropLab.beforeAfter());
  assert.equal(coming.pending, true);
  assert.equal(coming.epoch, 10);
  await lab(page, () => window.backpropLab.stepPhase(1));
  const done = await lab(page, () => window.backpropLab.beforeAfter());
  assert.equal(done.pending, false);
  assert.equal(done.epoch, 10);
  assert.ok(Math.abs(done.after - coming.after) < 1e-15, `predicted ${coming.after}, got ${done.after}`);
  assert.ok(Math.abs(done.before - coming.before) < 1e-12);
  assert.deepEqual(errors, []);
});
