// Phase stepping: the phase list of a batch, phases through a whole epoch ending on the very
// weights of one epoch step (from the same start, reset twice), switching between phases and
// epochs mid-epoch, the . key, slow-motion play; a screenshot of every phase of one epoch
// (phase-<k>-<name>.png in BPL_SCREENSHOT_DIR) for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, frames, screenshotPath, decodePng } from './lib.mjs';

let server, browser, page, errors;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, errors } = await openPage(browser, server.origin + '/?learn=1&row=1'));
});
after(async () => { await browser?.close(); await server?.close(); });

const api = (fn, arg) => page.evaluate(fn, arg);
const lab = {
  set: (p) => api((x) => window.backpropLab.set(x), p),
  reset: () => api(() => window.backpropLab.reset()),
  step: (n) => api((k) => window.backpropLab.step(k), n),
  stepPhase: (n) => api((k) => window.backpropLab.stepPhase(k), n),
  phase: () => api(() => window.backpropLab.phase()),
  weights: () => api(() => window.backpropLab.weights()),
  state: () => api(() => window.backpropLab.state()),
};

test('the learn URL opens the Step-through mode, paused, at the start', async () => {
  const p = await lab.phase();
  assert.equal(p.stepThrough, true);
  assert.equal(p.ran, false);
  assert.equal((await lab.state()).running, false);
  assert.equal((await lab.state()).params.learn, true);
});

test('one batch is forward 1..L, loss, output delta, hidden deltas backwards, gradients, update', async () => {
  await lab.set({ hidden: '3,2', act: 'sigmoid', loss: 'mse', opt: 'sgd', batch: 'full' });
  await lab.reset();
  const seen = [];
  for (let k = 0; k < 9; ++k) {
    const p = await lab.stepPhase(1);
    seen.push(`${p.kind}:${p.layer}`);
    assert.equal(p.index, k);
    assert.equal(p.count, 9);
    assert.equal(p.epoch, 0);
  }
  assert.deepEqual(seen, ['forward:0', 'forward:1', 'forward:2', 'loss:-1', 'outputDelta:2',
                          'hiddenDelta:1', 'hiddenDelta:0', 'gradients:-1', 'update:-1']);
  const last = await lab.phase();
  assert.equal(last.epochDone, true);
  assert.equal((await lab.state()).epoch, 1);
});

const settingsToTry = [
  { hidden: 4, act: 'sigmoid', loss: 'mse', opt: 'sgd', batch: 'full', seed: 42, lr: 0.1 },
  { hidden: '3,2', act: 'tanh', loss: 'bce', opt: 'adam', batch: 'full', seed: 7, lr: 0.05 },
  { hidden: 5, act: 'relu', loss: 'mse_mean', opt: 'momentum', batch: 'sample', seed: 3, lr: 0.2 },
];

for (const settings of settingsToTry) {
  test(`phases through a whole epoch = one epoch step, bit for bit (${JSON.stringify(settings)})`, async () => {
    await lab.set(settings);
    await lab.reset();
    await lab.step(5);
    const byEpoch = (await lab.step(1)).epoch;
    const epochWeights = await lab.weights();
    await lab.reset();
    await lab.step(5);
    const first = await lab.phase();
    const perEpoch = first.count * (settings.batch === 'sample' ? 4 : 1);
    let p;
    for (let k = 0; k < perEpoch; ++k) p = await lab.stepPhase(1);
    assert.equal(p.kind, 'update');
    assert.equal(p.epochDone, true);
    assert.equal((await lab.state()).epoch, byEpoch);
    assert.deepEqual(await lab.weights(), epochWeights, 'weights differ after stepping phases');
  });
}

test('switching between phases and epochs mid-epoch never desynchronises', async () => {
  await lab.set(settingsToTry[0]);
  await lab.reset();
  await lab.step(3);
  const three = await lab.weights();
  await lab.step(2);
  const five = await lab.weights();
  await lab.reset();
  await lab.step(2);
  await lab.stepPhase(4);                       // part of epoch 2 ...
  assert.equal((await lab.step(1)).epoch, 3);   // ... finished by an epoch step
  assert.deepEqual(await lab.weights(), three);
  await lab.stepPhase(9);                       // epoch 3 in phases, into epoch 4
  await lab.step(1);
  assert.deepEqual(await lab.weights(), five);
  assert.equal((await lab.state()).epoch, 5);
});

test('the . key steps one phase; play in Step-through mode runs phases in slow motion', async () => {
  await lab.reset();
  await page.mouse.click(400, 30);   // the header's tagline: focus, no control
  await page.keyboard.press('.');
  await frames(page, 3);
  assert.equal((await lab.phase()).index, 0);
  await page.keyboard.press('.');
  await frames(page, 3);
  assert.equal((await lab.phase()).index, 1);
  await api(() => window.backpropLab.play());
  await page.waitForTimeout(2000);              // 0.8 s per phase: two or three phases, not epochs
  await api(() => window.backpropLab.pause());
  const p = await lab.phase();
  assert.ok(p.index >= 2 && p.index <= 5, `index ${p.index}`);
  assert.equal((await lab.state()).epoch, 0);
});

function fileName(p) {
  const layer = p.layer >= 0 ? `-layer${p.layer + 1}` : '';
  return `phase-${p.index + 1}-${p.kind.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}${layer}.png`;
}

test('a screenshot of every phase of one epoch', async () => {
  await lab.set(settingsToTry[0]);
  await lab.set({ row: 1 });
  await lab.reset();
  await lab.step(300);
  await page.mouse.move(5, 795);
  const count = (await lab.phase()).count;
  for (let k = 0; k < count; ++k) {
    const p = await lab.stepPhase(1);
    await page.waitForTimeout(700);   // the easing (300 ms) and the cell flashes settle
    await frames(page, 2);
    await page.screenshot({ path: screenshotPath(fileName(p)) });
  }
  assert.deepEqual(errors, []);
});

// The lit flowchart box, found the way a person finds it: by its light-blue fill in the lower
// middle of the page (the learning-loop panel at 1280×800). Returns its centre, or null.
async function litBoxCentre() {
  const { width, height, data: d } = decodePng(await page.screenshot());
  const x0 = Math.round(width * 0.24), x1 = Math.round(width * 0.6), y0 = Math.round(height * 0.6);
  let lo = [Infinity, Infinity], hi = [-1, -1];
  for (let y = y0; y < height; ++y)
    for (let x = x0; x < x1; ++x) {
      const i = 4 * (y * width + x);   // the box fill: accent blue at 15% over white
      if (Math.abs(d[i] - 217) <= 4 && Math.abs(d[i + 1] - 234) <= 4 && Math.abs(d[i + 2] - 244) <= 4) {
        lo = [Math.min(lo[0], x), Math.min(lo[1], y)];
        hi = [Math.max(hi[0], x), Math.max(hi[1], y)];
      }
    }
  if (hi[0] < 0) return null;
  return { x: (lo[0] + hi[0]) / 2, y: (lo[1] + hi[1]) / 2, w: hi[0] - lo[0], h: hi[1] - lo[1] };
}

test('clicking flowchart box "2 Loss" finishes the epoch and runs the next one up to its loss', async () => {
  await lab.set(settingsToTry[0]);
  await lab.reset();
  await lab.step(4);
  let p;
  do p = await lab.stepPhase(1); while (p.kind !== 'loss');   // box 2 lit: find it on screen
  await page.mouse.move(5, 795);
  await frames(page, 3);
  const box = await litBoxCentre();
  assert.ok(box && box.w > 30 && box.h > 30, `lit box not found: ${JSON.stringify(box)}`);
  await lab.stepPhase(2);                                       // on into the backprop box
  assert.notEqual((await lab.phase()).kind, 'loss');
  await page.mouse.move(box.x, box.y);
  await frames(page, 3);
  await page.mouse.down();
  await frames(page, 3);
  await page.mouse.up();
  await frames(page, 5);
  const after = await lab.phase();
  assert.equal(after.kind, 'loss');
  assert.equal(after.index, p.index);
  assert.equal(after.epoch, p.epoch + 1, 'the loss of the next epoch');
  assert.equal(after.epochDone, false);
  assert.equal((await lab.state()).epoch, p.epoch + 1);
  assert.equal((await lab.state()).running, false);
  const lit = await litBoxCentre();                             // box 2 is lit again
  assert.ok(lit && Math.abs(lit.x - box.x) < 3 && Math.abs(lit.y - box.y) < 3, JSON.stringify(lit));
  assert.deepEqual(errors, []);
});
