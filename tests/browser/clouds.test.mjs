// Point clouds on the page: the map draws training points filled and test points hollow where
// their inputs are, the loss panel draws a training and a test curve, and Step-through runs on
// a mini-batch, showing its first rows and how many more there are. Measurements go through
// backpropLab (step, stepPhase, intermediates, formulaValues) and the layout report, so they do
// not depend on the frame rate.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, frames, layout, decodePng, screenshotPath } from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const api = (page, fn, arg) => page.evaluate(fn, arg);
const pixel = (img, x, y) => {
  const i = 4 * (Math.round(y) * img.width + Math.round(x));
  return [img.data[i], img.data[i + 1], img.data[i + 2]];
};
const distance = (a, b) => Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function shot(page, name) {
  const png = await page.screenshot({ path: screenshotPath(name) });
  return decodePng(png);
}

test('the map: training points filled, test points hollow, each at its inputs in [-1, 1]²', async () => {
  // batch=full keeps the rows in data order: rows 0..29 train, 30..59 test.
  const { page, context, errors } = await openPage(browser,
    `${server.origin}/?embed=1&data=circle&points=60&train=50&batch=full&autoplay=0&seed=3`, { width: 640, height: 420 });
  const s = await api(page, () => window.backpropLab.state());
  assert.deepEqual(s.notices, []);
  assert.deepEqual([s.data.samples, s.data.train, s.data.test, s.data.cloud], [60, 30, 30, true]);
  const { X } = await api(page, () => window.backpropLab.intermediates());
  assert.equal(X.length, 60);
  for (const [x0, x1] of X) assert.ok(Math.abs(x0) <= 1 && Math.abs(x1) <= 1, `inputs in the square: ${x0}, ${x1}`);
  await frames(page, 4);
  const map = (await layout(page)).parts.map;
  assert.ok(map && map.w > 100, `the map is on screen: ${JSON.stringify(map)}`);
  const img = await shot(page, 'cloud-map.png');
  const at = ([x0, x1]) => [map.x + (x0 + 1) / 2 * map.w, map.y + (1 - (x1 + 1) / 2) * map.h];
  const centre = X.map((x) => pixel(img, ...at(x)));
  // A test point's centre is the ring colour, the same for every test point whatever its class;
  // a training point's centre is its class colour.
  const hollow = centre.slice(30);
  const ring = hollow.map((c) => c.join()).sort().reduce((best, c, i, all) => {
    const n = all.filter((d) => d === c).length;
    return n > best.n ? { c, n } : best;
  }, { c: '', n: 0 }).c.split(',').map(Number);
  const hollowNear = hollow.filter((c) => distance(c, ring) <= 24).length;
  const filledFar = centre.slice(0, 30).filter((c) => distance(c, ring) > 60).length;
  console.log(`info: ring colour ${ring}; test centres at it ${hollowNear}/30; training centres away from it ${filledFar}/30`);
  assert.ok(hollowNear >= 24, `test points hollow: ${hollowNear} of 30`);
  assert.ok(filledFar >= 24, `training points filled: ${filledFar} of 30`);
  assert.deepEqual(errors, []);
  await context.close();
});

// Saturated colours in a region with at least `min` pixels, quantised to 16 levels per channel.
function lineColours(img, part, min = 30) {
  const counts = new Map();
  for (let y = Math.ceil(part.y); y < part.y + part.h; y++)
    for (let x = Math.ceil(part.x); x < part.x + part.w; x++) {
      const [r, g, b] = pixel(img, x, y);
      if (Math.max(r, g, b) - Math.min(r, g, b) < 80) continue;   // greys: text, grid, background
      const key = `${r >> 4},${g >> 4},${b >> 4}`;
      counts.set(key, (counts.get(key) || 0) + 1);
    }
  return [...counts.entries()].filter(([, n]) => n >= min).map(([k]) => k);
}

test('the loss panel: a training and a test curve on a point cloud, one curve on XOR', async () => {
  const { page, context, errors } = await openPage(browser,
    `${server.origin}/?embed=1&data=spiral&points=200&noise=10&hidden=8,8&autoplay=0&seed=1`, { width: 640, height: 420 });
  const s = await api(page, () => window.backpropLab.step(400));
  assert.ok(s.trainLoss > 0 && s.testLoss > 0, `both losses: ${s.trainLoss}, ${s.testLoss}`);
  assert.ok(s.historyPoints > 100);
  await frames(page, 4);
  const cloud = lineColours(await shot(page, 'cloud-loss.png'), (await layout(page)).parts.loss);
  await api(page, () => window.backpropLab.set({ data: 'xor' }));
  await api(page, () => window.backpropLab.step(400));
  await frames(page, 4);
  const xor = lineColours(await shot(page, 'xor-loss.png'), (await layout(page)).parts.loss);
  console.log(`info: loss line colours, cloud ${cloud.join(' | ')}; XOR ${xor.join(' | ')}`);
  assert.ok(cloud.length >= 2, `two curves on the cloud: ${cloud}`);
  assert.ok(cloud.length > xor.length, `the cloud adds the test curve: ${cloud} vs ${xor}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Step-through on a mini-batch: the batch of 20 rows, its first 8 shown, the followed point', async () => {
  const { page, context, errors } = await openPage(browser,
    `${server.origin}/?learn=1&data=gauss&points=100&batch=20&autoplay=0&seed=5`);
  const first = await api(page, () => window.backpropLab.stepPhase(1));
  assert.deepEqual(first.rows, [0, 20]);
  assert.equal(first.kind, 'forward');
  let f = await api(page, () => window.backpropLab.formulaValues());
  const sampleMatrices = f.matrices.filter((m) => m.moreRows > 0);
  assert.ok(sampleMatrices.length >= 2, `batch matrices cut to their first rows: ${f.matrices.map((m) => m.title)}`);
  for (const m of sampleMatrices) {
    assert.equal(m.values.length, 8);
    assert.equal(m.moreRows, 12);
  }
  assert.match(f.subject, /^Point \d+ \(x = /);
  // Three batches make an epoch (50 training rows: 20 + 20 + 10); the last one's phases end it.
  const inter = await api(page, () => window.backpropLab.intermediates());
  const phasesPerBatch = 2 * (inter.W.length) + 3;
  const done = await api(page, (n) => window.backpropLab.stepPhase(n), 3 * phasesPerBatch - 1);
  assert.equal(done.epochDone, true);
  assert.equal(done.batch, 2);
  assert.deepEqual(done.rows, [40, 10]);
  const s = await api(page, () => window.backpropLab.state());
  assert.equal(s.epoch, 1);
  await frames(page, 4);
  await shot(page, 'cloud-learn.png');
  // Follow a point through the formulas by choosing it.
  await api(page, () => window.backpropLab.set({ point: 17 }));
  await api(page, () => window.backpropLab.stepPhase(1));
  f = await api(page, () => window.backpropLab.formulaValues());
  const s2 = await api(page, () => window.backpropLab.state());
  assert.equal(s2.params.point, 17);
  assert.match(f.subject, /^Point \d+/);
  assert.deepEqual(errors, []);
  await context.close();
});
