// window.backpropLab: set() validation (bad values give notices and training goes on),
// play/pause/step/reset, weights()/loadWeights() round trip, and divergence handling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, until } from './lib.mjs';

let server, browser, page, errors;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, errors } = await openPage(browser, server.origin + '/'));
});
after(async () => { await browser?.close(); await server?.close(); });

const api = (fn, arg) => page.evaluate(fn, arg);

test('set() applies good values live and reports what it applied', async () => {
  const before = await api(() => window.backpropLab.state());
  const r = await api(() => window.backpropLab.set({ lr: 0.3, speed: 30, opt: 'momentum' }));
  assert.deepEqual(r.notices, []);
  assert.deepEqual(r.applied, { lr: 0.3, speed: 30, opt: 'momentum' });
  const after = await api(() => window.backpropLab.state());
  assert.ok(after.epoch >= before.epoch, 'a training setting does not restart the run');
  const shape = await api(() => window.backpropLab.set({ hidden: [6, 3] }));
  assert.equal(shape.applied.hidden, '6,3');
  assert.equal((await api(() => window.backpropLab.weights())).layers.length, 3);
});

test('set() echoes every long alias under its short key, with the value it applied', async () => {
  const r = await api(() => window.backpropLab.set({ activation: 'tanh', output: 'linear', optimizer: 'momentum',
    init_scheme: 'xavier', layers: '5' }));
  assert.deepEqual(r.notices, []);
  assert.deepEqual(r.applied, { act: 'tanh', out: 'linear', opt: 'momentum', init: 'xavier', hidden: '5' });
  const s = await api(() => window.backpropLab.set({ optimiser: 'adam' }));
  assert.deepEqual(s.applied, { opt: 'adam' });
  await api(() => window.backpropLab.set({ act: 'sigmoid', out: 'sigmoid', opt: 'sgd', init: 'normal', hidden: 4 }));
});

test('set() with bad values gives notices and training keeps going', async () => {
  await api(() => window.backpropLab.set({ hidden: 4, lr: 0.1, opt: 'sgd' }));
  await api(() => window.backpropLab.play());
  const bad = await api(() => window.backpropLab.set({
    lr: 'fast', hidden: 100000, act: '<b>bold</b>', speed: -5, seed: NaN, loss: { evil: true },
    nope: 1, row: 17, view: 'sideways', autoplay: 'perhaps', momentum: Infinity,
  }));
  assert.ok(bad.notices.length >= 9, bad.notices.join('\n'));
  assert.deepEqual(Object.keys(bad.applied), ['speed'], 'only the clamped speed is applied');
  assert.equal(bad.applied.speed, 1);
  const s = await api(() => window.backpropLab.state());
  assert.equal(s.params.lr, 0.1);
  assert.equal(s.params.hidden, '4');
  assert.equal(s.params.act, 'sigmoid');
  assert.equal(s.running, true);
  const e0 = s.epoch;
  await until(page, (e) => window.backpropLab.state().epoch > e + 20, e0);
  for (const notSettings of [null, 42, 'lr=1', [1, 2]]) {
    const r = await api((v) => window.backpropLab.set(v), notSettings);
    assert.equal(r.notices.length, 1);
    assert.deepEqual(r.applied, {});
  }
  await api(() => window.backpropLab.set({ speed: 20 }));
});

test('pause, step(n), reset', async () => {
  await api(() => window.backpropLab.pause());
  const a = await api(() => window.backpropLab.state());
  assert.equal(a.running, false);
  const b = await api(() => window.backpropLab.step(25));
  assert.equal(b.epoch, a.epoch + 25);
  await assert.rejects(api(() => window.backpropLab.step(-1)), /whole number/);
  await assert.rejects(api(() => window.backpropLab.step(1e9)), /whole number/);
  const r = await api(() => window.backpropLab.reset());
  assert.equal(r.epoch, 0);
  const w0 = await api(() => window.backpropLab.weights());
  await api(() => window.backpropLab.step(10));
  await api(() => window.backpropLab.reset());
  assert.deepEqual(await api(() => window.backpropLab.weights()), w0, 'same seed, same start');
});

test('weights() and loadWeights() round trip; bad weights are refused', async () => {
  await api(() => window.backpropLab.pause());
  await api(() => window.backpropLab.step(300));
  const trained = await api(() => window.backpropLab.weights());
  const predictions = (await api(() => window.backpropLab.state())).predictions;
  await api(() => window.backpropLab.set({ hidden: '2,2' }));
  const r = await api((w) => window.backpropLab.loadWeights(w), trained);
  assert.deepEqual(r, { ok: true });
  const s = await api(() => window.backpropLab.state());
  assert.equal(s.params.hidden, '4', 'the shape follows the weights');
  assert.deepEqual(s.predictions, predictions);
  assert.deepEqual(await api(() => window.backpropLab.weights()), trained);

  const bad = [
    null, 5, 'not json', '{"layers": 3}', { layers: [] },
    { layers: [{ W: [[1]], b: [0] }] },
    { layers: [{ W: [[1, 2], [3, 4]], b: [0, 0] }, { W: [[1], [2], [3]], b: [0] }] },
    { layers: [{ W: [[1, 'x'], [3, 4]], b: [0, 0] }, { W: [[1], [2]], b: [0] }] },
  ];
  for (const w of bad) {
    const out = await api((v) => window.backpropLab.loadWeights(v), w);
    assert.equal(out.ok, false, JSON.stringify(w));
    assert.equal(typeof out.error, 'string');
  }
  const cyclic = await api(() => { const o = { layers: [] }; o.self = o; return window.backpropLab.loadWeights(o); });
  assert.equal(cyclic.ok, false);
  assert.deepEqual(await api(() => window.backpropLab.weights()), trained, 'refused weights change nothing');
});

test('divergence pauses training, is reported, and reset recovers', async () => {
  await api(() => window.backpropLab.set({ out: 'linear', act: 'relu', lr: 100, hidden: '8' }));
  await api(() => window.backpropLab.play());
  await until(page, () => window.backpropLab.state().diverged === true);
  const s = await api(() => window.backpropLab.state());
  assert.equal(s.running, false);
  assert.equal(s.loss, null, 'no NaN reported as a loss');
  await api(() => window.backpropLab.play());
  assert.equal((await api(() => window.backpropLab.state())).running, false, 'a diverged net does not train');
  await api(() => window.backpropLab.set({ lr: 0.01 }));
  const r = await api(() => window.backpropLab.reset());
  assert.equal(r.diverged, false);
  assert.ok(Number.isFinite(r.loss));
  assert.deepEqual(errors, []);
});
