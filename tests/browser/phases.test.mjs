// Phase stepping: the phase list of a batch, phases through a whole epoch ending on the very
// weights of one epoch step (from the same start, reset twice), switching between phases and
// epochs mid-epoch, the . key, slow-motion play; a screenshot of every phase of one epoch
// (phases/phase-<k>-<name>.png in BPL_SCREENSHOT_DIR), each checked for what it must show: the
// flowchart box of that phase lit with its step, and the neurons the phase computes ringed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, frames, until, screenshotPath, decodePng, colourRegions,
         colourCentroid, findRings, shareOnCircle } from './lib.mjs';

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
  // Play at the default pace (0.8 s a phase): every frame records the phase it shows and the
  // page's clock, until two more phases have run. On any machine, however slow its frames,
  // phases then advance one at a time, at least a pace apart, inside epoch 0.
  await api(() => {
    window.__phases = [];
    const tick = () => {
      if (!window.__phases) return;
      window.__phases.push({ t: performance.now(), index: window.backpropLab.phase().index, epoch: window.backpropLab.state().epoch });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.backpropLab.play();
  });
  await until(page, () => window.__phases.filter((s, i, all) => i > 0 && s.index !== all[i - 1].index).length >= 2);
  const seen = await api(() => { window.backpropLab.pause(); const s = window.__phases; window.__phases = null; return s; });
  const changes = seen.filter((s, i) => i > 0 && s.index !== seen[i - 1].index);
  assert.ok(seen.every((s, i) => i === 0 || s.index - seen[i - 1].index <= 1), 'one phase at a time');
  assert.ok(changes.length >= 2, `phases ran: ${JSON.stringify(changes)}`);
  for (let i = 1; i < changes.length; ++i)
    assert.ok(changes[i].t - changes[i - 1].t >= 500, `a phase is shown for about 0.8 s: ${JSON.stringify(changes)}`);
  assert.ok(seen.every((s) => s.epoch === 0), 'phases, not epochs');
  assert.equal((await lab.state()).epoch, 0);
});

function fileName(p) {
  const layer = p.layer >= 0 ? `-layer${p.layer + 1}` : '';
  return `phase-${p.index + 1}-${p.kind.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}${layer}.png`;
}

// Where the pictures are: the page at 1280×800 has the network diagram in the middle column's
// upper part and the learning-loop flowchart below it. Everything inside is found by colour.
const NETWORK = (img) => [Math.round(img.width * 0.24), Math.round(img.height * 0.1), Math.round(img.width * 0.6), Math.round(img.height * 0.6)];
const FLOWCHART = (img) => [Math.round(img.width * 0.24), Math.round(img.height * 0.6), Math.round(img.width * 0.6), img.height];
// Colours (web/ui_theme.hpp, web/panel_flowchart.cpp, web/network_phase_overlay.cpp).
const ACCENT = [0, 114, 178];            // rings of forward phases, the lit step's pill
const BACKWARD = [204, 121, 167];        // rings of δ phases
const LIT_FILL = [217, 234, 244];        // a lit flowchart box: the accent at 15% over white
const NEURON_EDGE = [20, 22, 28];        // every neuron's outline

// The lit flowchart boxes, left to right, and the lit step (pill) inside each.
function litBoxes(img) {
  return colourRegions(img, LIT_FILL, FLOWCHART(img)).filter((b) => b.x1 - b.x0 > 30 && b.y1 - b.y0 > 30)
    .sort((a, b) => a.x0 - b.x0)
    .map((b) => ({ ...b, pill: colourCentroid(img, ACCENT, [b.x0 + 3, b.y0 + 3, b.x1 - 2, b.y1 - 2]) }));
}

// Rings of one colour on the network diagram, each checked to sit around a neuron's outline.
function ringedNeurons(img, colour) {
  const rings = findRings(img, colour, NETWORK(img));
  for (const r of rings) {
    const edge = Math.max(...[1.5, 2, 2.5, 3, 3.5, 4].map((d) => shareOnCircle(img, NEURON_EDGE, r.x, r.y, r.r - d, { tol: 30 })));
    assert.ok(edge >= 0.25, `the ring at (${r.x}, ${r.y}) surrounds a neuron (outline share ${edge.toFixed(2)})`);
  }
  return rings;
}

const near = (a, b, tol = 3) => Math.abs(a - b) <= tol;

test('a screenshot of every phase of one epoch shows its flowchart box lit and its neurons ringed', async () => {
  await lab.set(settingsToTry[0]);
  await lab.set({ row: 1 });
  await lab.reset();
  await lab.step(300);
  await page.mouse.move(5, 795);
  const units = (await lab.weights()).layers.map((l) => l.b.length);   // per engine layer: [4, 1]
  const count = (await lab.phase()).count;
  const shots = [];
  for (let k = 0; k < count; ++k) {
    const p = await lab.stepPhase(1);
    // The numbers on the diagram ease in over 300 ms of the page's clock: the picture for a
    // person shows them settled. (What is checked below is drawn from the first frame on.)
    await page.waitForTimeout(700);
    await frames(page, 2);
    const img = decodePng(await page.screenshot({ path: screenshotPath(fileName(p)) }));
    shots.push({ p, name: fileName(p), boxes: litBoxes(img), forward: ringedNeurons(img, ACCENT), backward: ringedNeurons(img, BACKWARD) });
  }
  assert.deepEqual(errors, []);
  assert.deepEqual(shots.map((s) => `${s.p.kind}:${s.p.layer}`),
                   ['forward:0', 'forward:1', 'loss:-1', 'outputDelta:1', 'hiddenDelta:0', 'gradients:-1', 'update:-1']);

  // Rings: a forward phase rings the units it computes in the accent blue, a δ phase its
  // layer's units in purple; the loss, gradient and update phases ring no neuron.
  for (const s of shots) {
    const what = `${s.name}: rings ${JSON.stringify({ forward: s.forward, backward: s.backward })}`;
    const delta = s.p.kind === 'outputDelta' || s.p.kind === 'hiddenDelta';
    const ringed = s.p.kind === 'forward' ? s.forward : delta ? s.backward : [];
    const other = s.p.kind === 'forward' ? s.backward : delta ? s.forward : [...s.forward, ...s.backward];
    assert.equal(ringed.length, s.p.kind === 'forward' || delta ? units[s.p.layer] : 0, what);
    assert.equal(other.length, 0, what);
    assert.ok(ringed.every((r) => near(r.x, ringed[0].x) && near(r.r, ringed[0].r, 1)), `one column of neurons: ${what}`);
  }
  const rings = (kind, layer) => shots.find((s) => s.p.kind === kind && s.p.layer === layer)[kind === 'forward' ? 'forward' : 'backward'];
  const same = (a, b) => a.length === b.length && a.every((r, i) => near(r.x, b[i].x) && near(r.y, b[i].y));
  assert.ok(rings('forward', 1)[0].x > rings('forward', 0)[0].x + 20, 'the output column is right of the hidden one');
  assert.ok(same(rings('outputDelta', 1), rings('forward', 1)), 'δ out rings the output neuron');
  assert.ok(same(rings('hiddenDelta', 0), rings('forward', 0)), 'δ¹ rings the hidden neurons');

  // Boxes: 1 Forward, 2 Loss, 3 Backpropagation left to right; 4 Update under 2 and 3, lit
  // with 5 Repeat under 1 once the epoch is done. Compared by x across pictures: the status
  // line above the flowchart can wrap, which moves the boxes down.
  for (const s of shots) assert.equal(s.boxes.length, s.p.kind === 'update' ? 2 : 1, `${s.name}: lit boxes ${JSON.stringify(s.boxes)}`);
  const litIn = (...kinds) => {
    const list = shots.filter((s) => kinds.includes(s.p.kind)).map((s) => s.boxes[0]);
    assert.ok(list.every((b) => near(b.x0, list[0].x0) && near(b.x1, list[0].x1)), `one box for ${kinds}: ${JSON.stringify(list)}`);
    return list[0];
  };
  const forward = litIn('forward'), loss = litIn('loss'), backprop = litIn('outputDelta', 'hiddenDelta', 'gradients');
  assert.ok(forward.x1 < loss.x0 && loss.x1 < backprop.x0, `boxes 1, 2, 3 left to right: ${JSON.stringify([forward, loss, backprop])}`);
  const [repeat, update] = shots.find((s) => s.p.kind === 'update').boxes;
  assert.ok(near(repeat.x0, forward.x0) && near(repeat.x1, forward.x1), `5 Repeat under 1 Forward: ${JSON.stringify(repeat)}`);
  assert.ok(near(update.x0, loss.x0) && near(update.x1, backprop.x1), `4 Update under 2 and 3: ${JSON.stringify(update)}`);
  assert.ok(near(repeat.y0, update.y0) && update.y0 > forward.y1, 'on the second row');
  // The step that ran is lit inside its box, left to right in the order the phases run.
  for (const s of shots) assert.ok(s.boxes[s.p.kind === 'update' ? 1 : 0].pill.pixels > 50, `${s.name}: a lit step`);
  assert.equal(repeat.pill.pixels, 0, '5 Repeat has no step to light');
  const pillX = (kind, layer) => shots.find((s) => s.p.kind === kind && s.p.layer === layer).boxes[0].pill.x;
  assert.ok(pillX('forward', 0) < pillX('forward', 1), 'h¹ then ŷ');
  assert.ok(pillX('outputDelta', 1) < pillX('hiddenDelta', 0) && pillX('hiddenDelta', 0) < pillX('gradients', -1), 'δ out, δ¹, ∂W ∂b');
});

// The lit flowchart box while a phase before the update is shown: its centre and size.
async function litBoxCentre() {
  const boxes = litBoxes(decodePng(await page.screenshot()));
  if (boxes.length !== 1) return null;
  const b = boxes[0];
  return { x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2, w: b.x1 - b.x0, h: b.y1 - b.y0 };
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
