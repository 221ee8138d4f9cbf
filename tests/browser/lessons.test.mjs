// Guided lessons: each opens by URL (lesson=<id>) and shows what its text claims on the real
// engine. Measurements go through backpropLab (pause, reset, step n) so they do not depend on
// the frame rate; a screenshot of each lesson as it plays is saved as lesson-<id>.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, frames, until, screenshotPath } from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const TARGETS = [0, 1, 1, 0];
const correct = (s) => s.predictions.filter((p, i) => (p > 0.5) === (TARGETS[i] === 1)).length;
const squaredError = (s) => s.predictions.reduce((sum, p, i) => sum + (p - TARGETS[i]) ** 2, 0) / 4;

// Opens the lesson, checks it is on, lets it play for a moment and saves the screenshot.
async function openLesson(id, shotAtEpoch) {
  const { page, errors } = await openPage(browser, `${server.origin}/?lesson=${id}`);
  const s = await page.evaluate(() => window.backpropLab.state());
  assert.equal(s.lesson, id);
  assert.equal(s.running, true, 'a lesson plays on its own');
  assert.deepEqual(s.notices, []);
  await until(page, (e) => window.backpropLab.state().epoch >= e, shotAtEpoch);
  await frames(page, 5);
  await page.screenshot({ path: screenshotPath(`lesson-${id}.png`) });
  return { page, errors };
}

// From the lesson's start (epoch 0), paused: the state after n epochs.
const fromStart = (page, n) => page.evaluate((count) => {
  const lab = window.backpropLab;
  lab.pause();
  lab.reset();
  let s = lab.state();
  for (let left = count; left > 0; left -= 100000) s = lab.step(Math.min(left, 100000));
  return s;
}, n);
const step = (page, n) => page.evaluate((count) => window.backpropLab.step(count), n);
const set = (page, params) => page.evaluate((p) => window.backpropLab.set(p), params);

test('lessons are listed, chosen by set(), and an unknown id lists the valid ones', async () => {
  const { page, errors } = await openPage(browser, `${server.origin}/?lesson=nope`);
  const ids = (await page.evaluate(() => window.backpropLab.lessons())).map((l) => l.id);
  assert.deepEqual(ids, ['hidden-layer', 'lr-too-small', 'lr-too-large', 'saturation', 'seeds']);
  const s = await page.evaluate(() => window.backpropLab.state());
  assert.equal(s.lesson, null);
  assert.ok(s.notices.some((n) => n.includes('nope') && ids.every((id) => n.includes(id))), s.notices.join('\n'));
  const r = await set(page, { lesson: 'seeds' });
  assert.equal(r.applied.lesson, 'seeds');
  const after = await page.evaluate(() => window.backpropLab.state());
  assert.equal(after.lesson, 'seeds');
  assert.equal(after.params.seed, 42);
  await until(page, () => location.search.startsWith('?lesson=seeds'));
  assert.deepEqual(errors, []);
});

test('hidden-layer: no hidden layer learns AND, fails XOR at 0.5 everywhere; 2 hidden units solve it', async () => {
  const { page, errors } = await openLesson('hidden-layer', 300);
  const and = await fromStart(page, 4);
  assert.equal(and.params.data, 'and');
  assert.equal(and.params.hidden, '0');
  assert.equal(and.rowsRight, 4, `AND by epoch 4: ${and.predictions}`);
  const and300 = await step(page, 296);
  assert.ok(and300.loss < 0.01, `AND loss below 0.01 by epoch 300: ${and300.loss}`);
  await set(page, { data: 'xor' });
  let xor = await fromStart(page, 200000);
  assert.equal(xor.params.hidden, '0');
  assert.equal(xor.rowsRight, 2, `XOR, no hidden layer: ${xor.predictions}`);
  assert.ok(Math.abs(xor.loss - 0.25) < 1e-3, `loss 0.25: ${xor.loss}`);
  for (const p of xor.predictions) assert.ok(Math.abs(p - 0.5) < 1e-3, `ŷ = 0.5 for every row: ${xor.predictions}`);
  await set(page, { hidden: 1 });
  const one = await fromStart(page, 20000);
  assert.equal(correct(one), 3, `1 unit: predictions ${one.predictions}`);
  assert.ok(Math.abs(one.loss - 0.1667) < 0.001, `loss stuck near 0.167: ${one.loss}`);
  await set(page, { hidden: 2 });
  const two170 = await step(page, 170);
  assert.equal(correct(two170), 4, `2 units, epoch 170: ${two170.predictions}`);
  const two400 = await step(page, 230);
  assert.equal(two400.epoch, 400);
  assert.ok(two400.loss < 0.01, `loss below 0.01 by epoch 400: ${two400.loss}`);
  assert.deepEqual(errors, []);
});

test('lr-too-small: η = 0.01 crawls; η = 1 from the same start is ~100x faster', async () => {
  const { page, errors } = await openLesson('lr-too-small', 2500);
  const crawl = await fromStart(page, 5000);
  assert.equal(crawl.params.lr, 0.01);
  assert.ok(crawl.loss > 0.24 && correct(crawl) < 4, `still crawling at epoch 5000: ${crawl.loss}`);
  const solved = await step(page, 11000);   // epoch 16,000
  assert.equal(correct(solved), 4, `all right by 16,000: ${solved.predictions}`);
  assert.ok(solved.loss > 0.01);
  await set(page, { lr: 1 });
  const fast = await fromStart(page, 400);
  assert.ok(fast.loss < 0.01 && correct(fast) === 4, `η = 1: loss ${fast.loss} at epoch 400`);
  assert.deepEqual(errors, []);
});

test('lr-too-large: η = 1 diverges and is flagged; η = 0.1 from the same start converges', async () => {
  const { page, errors } = await openPage(browser, `${server.origin}/?lesson=lr-too-large`);
  // It plays one epoch a frame so the blow-up can be watched; past epoch 10 the loss is huge.
  await until(page, () => window.backpropLab.state().epoch >= 12);
  const climbing = await page.evaluate(() => window.backpropLab.state());
  assert.ok(climbing.loss > 1e20 && !climbing.diverged, `loss climbing: ${climbing.loss} at epoch ${climbing.epoch}`);
  await step(page, 200);   // the rest of the way at once (slow software-GL frames here)
  await frames(page, 10);
  await page.screenshot({ path: screenshotPath('lesson-lr-too-large.png') });
  const s = await page.evaluate(() => window.backpropLab.state());
  assert.equal(s.running, false, 'the page stops training');
  assert.ok(s.epoch > 100 && s.epoch < 130, `diverged around epoch 123: ${s.epoch}`);
  assert.equal(s.loss, null, 'the loss is not a number any more');
  const stuck = await step(page, 10);
  assert.equal(stuck.epoch, s.epoch, 'a diverged net does not train');
  // The remedy the page offers: η ÷ 10 and reset.
  await set(page, { lr: 0.1 });
  const fixed = await fromStart(page, 140);
  assert.equal(fixed.diverged, false);
  assert.ok(fixed.loss < 0.01 && correct(fixed) === 4, `η = 0.1: loss ${fixed.loss} at epoch 140`);
  assert.deepEqual(errors, []);
});

test('saturation: MSE sits on a plateau with tiny gradients; cross-entropy escapes at once', async () => {
  const { page, errors } = await openLesson('saturation', 150);
  const mse20 = await fromStart(page, 20);
  const mseGrad = await page.evaluate(() => window.backpropLab.history().gradNormsLast);
  assert.ok(mse20.predictions.every((p) => p < 0.01), `saturated output: ${mse20.predictions}`);
  const mse1500 = await step(page, 1480);
  assert.ok(squaredError(mse1500) > 0.49, `MSE still on the plateau at epoch 1500: ${squaredError(mse1500)}`);
  const mse2439 = await step(page, 939);
  assert.equal(correct(mse2439), 4, 'MSE gets there at epoch 2,439');
  await set(page, { loss: 'bce' });
  const bce20 = await fromStart(page, 20);
  const bceGrad = await page.evaluate(() => window.backpropLab.history().gradNormsLast);
  assert.ok(squaredError(bce20) < 0.25, `cross-entropy leaves the plateau within 20 epochs: ${squaredError(bce20)}`);
  const out = mseGrad.length - 1;
  assert.ok(bceGrad[out] > 20 * mseGrad[out], `output-layer gradient: bce ${bceGrad[out]} vs mse ${mseGrad[out]}`);
  const bce161 = await step(page, 141);
  assert.equal(correct(bce161), 4, 'cross-entropy: all right by epoch 161');
  assert.deepEqual(errors, []);
});

test('seeds: seed 42 gets stuck at loss 0.125; seed 10 converges', async () => {
  const { page, errors } = await openLesson('seeds', 1500);
  const stuck = await fromStart(page, 20000);
  assert.ok(Math.abs(stuck.loss - 0.125) < 0.001, `stuck at 0.125: ${stuck.loss}`);
  assert.equal(stuck.predictions.filter((p) => Math.abs(p - 0.5) < 0.01).length, 2, `two rows at 0.5: ${stuck.predictions}`);
  const still = await step(page, 80000);
  assert.ok(Math.abs(still.loss - 0.125) < 0.001 && correct(still) < 4, `still stuck at epoch 100,000: ${still.loss}`);
  await set(page, { seed: 10 });
  const good = await step(page, 400);
  assert.equal(good.epoch, 400);
  assert.ok(good.loss < 0.01 && correct(good) === 4, `seed 10: loss ${good.loss} at epoch 400`);
  assert.deepEqual(errors, []);
});
