// The formulas panel shows the engine's numbers: for every phase of an epoch (several settings),
// every number substituted in a formula equals the engine value it names (read through
// backpropLab.intermediates()) and is printed in the formula line; the matrices are the engine's
// buffers. MSE vs cross-entropy changes δ_out; tanh shows 1 − a². With seed-faithful settings
// the code panel's `Epoch N, Loss: X` lines are what the reference Python program prints, within
// REFERENCE_TOLERANCE: the page calls Emscripten's `exp` and NumPy its own SIMD kernels or glibc's,
// which round some results differently in the last bit (tests/reference/compare_cli.py says more).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openPage } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// The same bound as tests/reference/compare_cli.py: 100x the drift that last-bit `exp`
// differences reach (tests/reference/drift.py).
const REFERENCE_TOLERANCE = 1e-11;
let server, browser, page, errors;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, errors } = await openPage(browser, server.origin + '/?learn=1'));
});
after(async () => { await browser?.close(); await server?.close(); });

const api = (fn, arg) => page.evaluate(fn, arg);
const set = (p) => api((x) => window.backpropLab.set(x), p);
const reset = () => api(() => window.backpropLab.reset());
const step = (n) => api((k) => window.backpropLab.step(k), n);
const stepPhase = (n) => api((k) => window.backpropLab.stepPhase(k), n);
const formula = () => api(() => window.backpropLab.formulaValues());
const engine = () => api(() => window.backpropLab.intermediates());

// "a/1/2/0" -> intermediates.a[1][2][0]; "lastStep.W/0/1/3" -> intermediates.lastStep.W[0][1][3].
function lookup(values, source) {
  const [head, ...idx] = source.split('/');
  let v = head.split('.').reduce((o, k) => o[k], values);
  for (const i of idx) v = v[Number(i)];
  return v;
}

const unminus = (s) => s.replace(/−/g, '-');

// Every term equals its engine value exactly and its printed text is in one of the number lines
// and rounds to the engine value.
function checkTerms(f, values, where) {
  assert.ok(f.terms.length >= 3, `${where}: only ${f.terms.length} numbers`);
  const printed = f.lines.map((l) => l.numbers).join('\n');
  for (const t of f.terms) {
    const v = lookup(values, t.source);
    assert.equal(typeof v, 'number', `${where}: ${t.source} is not an engine value`);
    assert.equal(t.value, v, `${where}: ${t.name} (${t.source}) shows ${t.value}, engine has ${v}`);
    assert.ok(printed.includes(t.shown), `${where}: "${t.shown}" is not in the formula text:\n${printed}`);
    const shown = Number(unminus(t.shown));
    assert.ok(Math.abs(shown - v) <= Math.abs(v) * 5e-3 + 1e-300, `${where}: ${t.shown} is not ${v} rounded`);
  }
}

const settings = [
  { hidden: 4, act: 'sigmoid', loss: 'mse', opt: 'sgd', batch: 'full', seed: 42, lr: 0.1, row: 1 },
  { hidden: '3,2', act: 'tanh', loss: 'bce', opt: 'adam', batch: 'full', seed: 5, lr: 0.05, row: 3 },
  { hidden: 2, act: 'leaky_relu', loss: 'mse_mean', opt: 'sgd', batch: 'sample', seed: 9, lr: 0.3, row: 0 },
];

for (const s of settings) {
  test(`every substituted number is the engine's, in every phase (${JSON.stringify(s)})`, async () => {
    await set(s);
    await reset();
    await step(40);
    const count = (await api(() => window.backpropLab.phase())).count;
    const perEpoch = count * (s.batch === 'sample' ? 4 : 1);
    const kinds = new Set();
    for (let k = 0; k < perEpoch; ++k) {
      const p = await stepPhase(1);
      kinds.add(p.kind);
      const f = await formula();
      const values = await engine();
      assert.equal(f.ran, true);
      assert.ok(f.title.includes(p.title), `${f.title} / ${p.title}`);
      checkTerms(f, values, `${p.kind} layer ${p.layer}`);
      assert.ok(f.matrices.length >= 1);
      if (p.kind === 'update' && s.opt === 'sgd') {
        assert.ok(f.terms.some((t) => t.source.startsWith('before.W')), 'the update shows w before the step');
      }
    }
    assert.equal(kinds.size, 6, 'all six kinds of phase were seen');
  });
}

test('the matrices are the engine buffers', async () => {
  await set(settings[0]);
  await reset();
  await step(10);
  await stepPhase(1);   // forward, hidden layer 1: a¹, z¹, X, W¹, b¹
  const f = await formula();
  const v = await engine();
  const byTitle = (prefix) => f.matrices.find((m) => m.title.startsWith(prefix)).values;
  assert.deepEqual(byTitle('a¹'), v.a[0]);
  assert.deepEqual(byTitle('z¹'), v.z[0]);
  assert.deepEqual(byTitle('W¹'), v.W[0]);
  assert.deepEqual(byTitle('X'), v.X);
});

async function outputDelta() {
  await reset();
  await step(20);
  for (;;) {
    const p = await stepPhase(1);
    if (p.kind === 'outputDelta') return { f: await formula(), v: await engine(), p };
  }
}

test('MSE vs cross-entropy: δ_out changes formula and value', async () => {
  await set({ hidden: 4, act: 'sigmoid', loss: 'mse', opt: 'sgd', batch: 'full', row: 1 });
  const mse = await outputDelta();
  const L = mse.v.a.length - 1;
  const a = mse.v.a[L][1][0], y = 1, d = mse.v.delta[L][1][0];
  assert.match(mse.f.lines[0].symbolic, /^δ_out = \(ŷ − y\)·ŷ·\(1 − ŷ\)$/);
  assert.ok(Math.abs(d - (a - y) * a * (1 - a)) <= 1e-15);
  await set({ loss: 'bce' });
  const ce = await outputDelta();
  assert.equal(ce.f.lines[0].symbolic, 'δ_out = ŷ − y');
  const a2 = ce.v.a[L][1][0];
  assert.equal(ce.v.delta[L][1][0], a2 - y, 'cross-entropy: δ_out = a − y exactly');
  assert.notEqual(ce.f.lines[0].numbers, mse.f.lines[0].numbers);
  assert.match(ce.f.general, /a − y/);
});

test('tanh shows 1 − a² in the hidden δ', async () => {
  await set({ act: 'tanh', loss: 'mse', hidden: 4 });
  await reset();
  let p;
  do { p = await stepPhase(1); } while (p.kind !== 'hiddenDelta');
  const f = await formula();
  assert.match(f.lines[0].symbolic, /\(1 − h¹₁²\)$/);
  checkTerms(f, await engine(), 'tanh hidden delta');
  await set({ act: 'sigmoid' });
});

test('seed-faithful: the printed losses are what the Python reference program prints', async () => {
  await set({ hidden: 4, act: 'sigmoid', loss: 'mse', opt: 'sgd', batch: 'full', init: 'normal', seed: 42, lr: 0.1 });
  await reset();
  await stepPhase(5);                       // through phases ...
  await step(1);                            // ... and epochs: epoch 0 is printed either way
  await step(2100);
  const p = await api(() => window.backpropLab.phase());
  assert.equal(p.notFaithful, '');
  assert.deepEqual(p.printed.map((l) => l.epoch), [0, 1000, 2000]);
  assert.match(p.printedNote, /same exp/, 'phase().printedNote says where the digits are the same');
  const reference = path.join(here, '..', 'reference', 'reference.py');
  // No try/catch: a missing NumPy is a failure (scripts/setup.sh installs python3-numpy).
  const out = execFileSync('/usr/bin/python3', [reference, '--hidden', '4', '--lr', '0.1', '--seed', '42', '--epochs', '2001'],
    { encoding: 'utf8' });
  const lines = out.split('\n').filter((l) => l.startsWith('Epoch '));
  assert.deepEqual(lines.map((l) => Number(l.split(' ')[1].slice(0, -1))), [0, 1000, 2000]);
  p.printed.forEach((l, i) => {
    const expected = Number(lines[i].split('Loss: ')[1]);
    const got = Number(l.loss);
    const rel = Math.abs(got - expected) / Math.max(Math.abs(got), Math.abs(expected));
    assert.ok(rel <= REFERENCE_TOLERANCE, `epoch ${l.epoch}: page ${l.loss}, reference.py ${lines[i]} (relative ${rel})`);
  });
  await set({ act: 'tanh' });
  const q = await api(() => window.backpropLab.phase());
  assert.match(q.notFaithful, /tanh/);
  await set({ act: 'sigmoid' });             // no epoch ran with tanh: still one clean run
  assert.equal((await api(() => window.backpropLab.phase())).notFaithful, '');
  await set({ lr: 0.5 });
  await step(5);                            // trained with another lr mid-run: no longer the program's run
  await set({ lr: 0.1 });
  assert.match((await api(() => window.backpropLab.phase())).notFaithful, /changed during this run/);
  assert.ok(fs.existsSync(reference));
  assert.deepEqual(errors, []);
});
