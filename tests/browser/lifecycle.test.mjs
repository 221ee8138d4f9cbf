// The page's life outside the happy path: divergence at a huge learning rate and its
// two remedies through the UI, a stopped or throttled requestAnimationFrame (background tab,
// paused debugger) without runaway catch-up, 1×1 and display:none iframes, device-pixel-ratio
// changes at runtime (zoom, another screen), and a long run at 10,000 epochs per frame with
// bounded history and a flat WASM heap.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, newContext, frames, until, pixelStats, screenshotPath, WAIT_MS, epochsPerFrame, deltas } from './lib.mjs';

let server, parentServer, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  parentServer = await startServer({ extraRoutes: {
    '/frames.html': { body: `<!doctype html><title>frames</title><link rel="icon" href="data:,">
      <iframe id="tiny" src="${server.origin}/?speed=20" width="1" height="1" style="border:0;display:block"></iframe>
      <iframe id="none" src="${server.origin}/?speed=20" width="480" height="360" style="border:0;display:none"></iframe>` },
  } });
});
after(async () => { await browser?.close(); await server?.close(); await parentServer?.close(); });

const lab = (page, fn, arg) => page.evaluate(fn, arg);


// Every number anywhere in an API result is finite (JSON has no NaN: they must come out as null).
function assertNoNonFinite(value, where) {
  if (typeof value === 'number') assert.ok(Number.isFinite(value), `${where}: ${value}`);
  else if (Array.isArray(value)) value.forEach((v, i) => assertNoNonFinite(v, `${where}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertNoNonFinite(v, `${where}.${k}`);
}

// ---- divergence --------------------------------------------------------------------------------

// The divergence banner's buttons at 1280×800 (web/panel_notices.cpp, above the network diagram).
const RESET_BUTTON = [370, 155];
const LOWER_LR_BUTTON = [546, 155];

test('divergence at lr=10: paused, shown, no NaN in the API, reset and lower-lr recover', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/?lr=10&out=linear&act=relu&hidden=8&speed=20');
  await until(page, () => window.backpropLab.state().diverged === true);
  const s = await lab(page, () => window.backpropLab.state());
  assert.equal(s.running, false, 'training paused');
  assert.equal(s.loss, null, 'the loss is not reported as a number');
  for (const p of s.predictions) assert.ok(p === null || Number.isFinite(p), `prediction ${p}`);
  // Every getter still answers with valid JSON, no NaN or Infinity anywhere.
  const all = await lab(page, () => {
    const api = window.backpropLab, out = {};
    for (const k of ['state', 'weights', 'phase', 'intermediates', 'formulaValues', 'gradCheck', 'history', 'beforeAfter']) out[k] = api[k]();
    return out;
  });
  assertNoNonFinite(all, 'api');
  // Play and step do nothing on a diverged net; the banner is on the page.
  const played = await lab(page, () => { window.backpropLab.play(); return window.backpropLab.step(10); });
  assert.equal(played.running, false);
  assert.equal(played.epoch, s.epoch);
  await frames(page, 3);
  await page.mouse.move(1270, 790);
  await frames(page, 2);
  const banner = await pixelStats(await page.screenshot({ path: screenshotPath('diverged.png'), clip: { x: 323, y: 70, width: 594, height: 115 } }));
  assert.ok(banner.colours > 8 && banner.std > 10, `the divergence banner is drawn: ${JSON.stringify(banner)}`);

  // Remedy 1: the banner's Reset button (same learning rate: it diverges again when played).
  await page.mouse.click(...RESET_BUTTON);
  await until(page, () => window.backpropLab.state().diverged === false);
  let r = await lab(page, () => window.backpropLab.state());
  assert.deepEqual([r.epoch, r.params.lr, r.running], [0, 10, false]);
  assert.ok(Number.isFinite(r.loss));
  await lab(page, () => window.backpropLab.play());
  await until(page, () => window.backpropLab.state().diverged === true);

  // Remedy 2: "Lower learning rate (÷10) and reset", until the net trains (lr 10 -> 1 -> 0.1).
  let lr = 10;
  for (let tries = 0; tries < 3; tries++) {
    await frames(page, 2);
    await page.mouse.click(...LOWER_LR_BUTTON);
    await until(page, (want) => window.backpropLab.state().params.lr === want && !window.backpropLab.state().diverged, lr / 10);
    lr /= 10;
    r = await lab(page, () => window.backpropLab.state());
    assert.equal(r.epoch, 0);
    const trained = await lab(page, () => window.backpropLab.step(2000));
    if (!trained.diverged) break;
  }
  r = await lab(page, () => window.backpropLab.state());
  assert.equal(r.diverged, false, `recovered at lr ${lr}`);
  assert.ok(Number.isFinite(r.loss) && r.epoch === 2000, JSON.stringify(r));
  await lab(page, () => window.backpropLab.play());
  await until(page, (e) => window.backpropLab.state().epoch > e + 100, r.epoch);
  assert.deepEqual(errors, []);
});

// ---- stopped and throttled animation frames -----------------------------------------------------

test('a paused or hidden page does not catch up when it comes back', async () => {
  const SPEED = 50;
  const { page, context, errors } = await openPage(browser, server.origin + `/?speed=${SPEED}`, { width: 640, height: 480 });
  await until(page, () => window.backpropLab.state().epoch > 200);
  // 1. Everything stopped (a debugger pause, a frozen tab): 4 s without a single frame. The
  // epoch is recorded in every frame around the pause, so the frame after it is seen too.
  await lab(page, () => {
    window.__epochs = [];
    const tick = () => {
      if (window.__epochs === null) return;
      window.__epochs.push(window.backpropLab.state().epoch);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await until(page, () => window.__epochs.length >= 3);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Debugger.enable');
  const paused = new Promise((resolve) => cdp.once('Debugger.paused', resolve));
  await cdp.send('Debugger.pause');
  await paused;
  await new Promise((r) => setTimeout(r, 4000));
  await cdp.send('Debugger.resume');
  await cdp.send('Debugger.disable');
  const before = await lab(page, () => window.__epochs.length);
  await until(page, (n) => window.__epochs.length >= n + 12, before);
  let seen = await lab(page, () => { const e = window.__epochs; window.__epochs = null; return e; });
  assert.ok(deltas(seen).every((d) => d >= 0 && d <= SPEED), `at most ${SPEED} epochs a frame, across the pause too: ${deltas(seen)}`);
  assert.ok(deltas(seen.slice(before)).some((d) => d > 0), 'and training goes on');

  // 2. A background tab: hidden, visibilitychange, requestAnimationFrame held back for 3 s.
  const e1 = await lab(page, () => {
    const held = [];
    window.__realRaf = window.requestAnimationFrame;
    window.__heldRaf = held;
    window.requestAnimationFrame = (cb) => { held.push(cb); return held.length; };
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    return window.backpropLab.state().epoch;
  });
  await new Promise((r) => setTimeout(r, 3000));
  const e2 = await lab(page, () => {
    const e = window.backpropLab.state().epoch;
    window.requestAnimationFrame = window.__realRaf;
    delete document.hidden;
    delete document.visibilityState;
    document.dispatchEvent(new Event('visibilitychange'));
    window.__heldRaf.forEach((cb) => window.requestAnimationFrame(cb));
    return e;
  });
  assert.ok(e2 - e1 <= 2 * SPEED, `no training while hidden: ${e1} -> ${e2}`);
  seen = await epochsPerFrame(page, 12);
  assert.ok(deltas(seen).every((d) => d >= 0 && d <= SPEED), `at most ${SPEED} epochs a frame when visible again: ${deltas(seen)}`);
  assert.ok(seen[seen.length - 1] > e2, 'training resumed');
  const s = await lab(page, () => window.backpropLab.state());
  assert.ok(s.epochsLastFrame <= SPEED && s.running && !s.diverged, JSON.stringify(s));
  assert.deepEqual(errors, []);
});

test('1×1 and display:none iframes load without errors and work once given room', async () => {
  const context = await newContext(browser, { width: 1000, height: 800 });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(parentServer.origin + '/frames.html');
  const frameOf = async (id) => {
    const handle = await page.waitForSelector('#' + id, { state: 'attached' });
    for (const t0 = Date.now(); Date.now() - t0 < WAIT_MS;) {
      const f = await handle.contentFrame();
      if (f && f.url().startsWith(server.origin)) return f;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no frame ' + id);
  };
  const tiny = await frameOf('tiny');
  const none = await frameOf('none');
  await tiny.waitForFunction(() => window.backpropLab, null, { timeout: WAIT_MS });
  await tiny.evaluate(() => window.backpropLab.ready.then(() => true));
  await until(tiny, () => window.backpropLab.state().epoch > 100);
  const canvas = (f) => f.evaluate(() => { const c = document.getElementById('canvas'); return [c.width, c.height]; });
  assert.deepEqual(await canvas(tiny), [1, 1], 'a 1×1 canvas');
  await until(none, () => typeof window.backpropLab === 'object');   // the hidden frame loads its scripts
  assert.deepEqual(errors, [], 'no errors while tiny or hidden');

  await page.evaluate(() => {
    const t = document.getElementById('tiny');
    t.width = 480; t.height = 360;
    document.getElementById('none').style.display = 'block';
  });
  await none.evaluate(() => window.backpropLab.ready.then(() => true));
  for (const f of [tiny, none]) {
    await f.waitForFunction(() => {
      const c = document.getElementById('canvas');
      return c.width === 480 && c.height === 360 && window.backpropLab.state().epoch > 50;
    }, null, { timeout: WAIT_MS, polling: 100 });
  }
  const e = await tiny.evaluate(() => window.backpropLab.state().epoch);
  await until(tiny, (e0) => window.backpropLab.state().epoch > e0 + 50, e);
  await Promise.all([frames(tiny, 3), frames(none, 3)]);   // both have drawn at their new size
  const png = await page.screenshot({ path: screenshotPath('iframes-tiny-and-hidden.png'), clip: { x: 0, y: 0, width: 500, height: 740 } });
  const stats = await pixelStats(png);
  assert.ok(stats.colours > 40 && stats.std > 10, `both frames draw: ${JSON.stringify(stats)}`);
  assert.deepEqual(errors, []);
  await context.close();
});

// ---- device pixel ratio changes at runtime ------------------------------------------------------

test('the canvas backing store follows a device-pixel-ratio change (zoom, another screen)', async () => {
  const { page, context, errors } = await openPage(browser, server.origin + '/?speed=20', { width: 640, height: 400 });
  const cdp = await context.newCDPSession(page);
  const size = () => page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, dpr: window.devicePixelRatio };
  });
  for (const dpr of [2, 1.5, 1, 3]) {
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 640, height: 400, deviceScaleFactor: dpr, mobile: false });
    await until(page, (want) => window.devicePixelRatio === want, dpr);
    await frames(page, 4);
    const s = await size();
    assert.ok(Math.abs(s.w - s.cw * dpr) <= 1 && Math.abs(s.h - s.ch * dpr) <= 1, `at ratio ${dpr}: ${JSON.stringify(s)}`);
  }
  const png = await page.screenshot({ path: screenshotPath('dpr-3.png') });
  assert.ok((await pixelStats(png)).std > 10, 'drawn at ratio 3');
  const e = (await lab(page, () => window.backpropLab.state())).epoch;
  await until(page, (e0) => window.backpropLab.state().epoch > e0 + 50, e);
  assert.deepEqual(errors, []);
});

// ---- a long run at full speed -------------------------------------------------------------------

// Measured in epochs and frames, not seconds: a slow or busy machine runs as much of it, only later.
const WARM_EPOCHS = 100000;   // the loss curve (2,048 points) and rewind history are full long before
const RUN_EPOCHS = 400000, RUN_FRAMES = 200;

test('10,000 epochs per frame: bounded loss and rewind history, flat WASM heap', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/?speed=10000', { width: 640, height: 480 });
  await lab(page, () => {
    window.__framesSeen = 0;
    const tick = () => { window.__framesSeen++; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const sample = () => lab(page, () => {
    const s = window.backpropLab.state(), h = window.backpropLab.history();
    return { t: performance.now(), frame: window.__framesSeen, epoch: s.epoch, points: s.historyPoints, rewind: h.count,
             heap: window.Module.HEAP8.length, diverged: s.diverged, epf: s.epochsLastFrame };
  });
  const samples = [await sample()];
  const sampleUntil = async (done) => {
    for (const t0 = Date.now(); !done(samples[samples.length - 1]);) {
      assert.ok(Date.now() - t0 < 5 * WAIT_MS, `stuck at ${JSON.stringify(samples[samples.length - 1])}`);
      await frames(page, 10);
      samples.push(await sample());
    }
  };
  await sampleUntil((s) => s.epoch >= WARM_EPOCHS);
  const warm = samples[samples.length - 1];
  await sampleUntil((s) => s.epoch >= warm.epoch + RUN_EPOCHS && s.frame >= warm.frame + RUN_FRAMES);
  const last = samples[samples.length - 1];
  console.log(`info: ${last.epoch} epochs in ${last.frame} frames (${((last.t - samples[0].t) / 1000).toFixed(1)} s);` +
              ` heap ${[...new Set(samples.map((s) => s.heap >> 20))].join(',')} MB; history points up to` +
              ` ${Math.max(...samples.map((s) => s.points))}; rewind snapshots up to ${Math.max(...samples.map((s) => s.rewind))}`);
  assert.ok(samples.every((s) => s.epf <= 10000), 'at most the speed setting per frame');
  assert.ok(samples.every((s) => s.points <= 2048), 'loss history bounded');
  assert.ok(samples.every((s) => s.rewind <= 1000 + 256), 'rewind history bounded');
  assert.equal(last.heap, warm.heap, `the WASM heap does not grow after ${WARM_EPOCHS} epochs`);
  assert.ok(last.heap <= 128 << 20, `heap ${last.heap}`);
  assert.equal(last.diverged, false);
  await frames(page, 2);   // still drawing
  assert.deepEqual(errors, []);
});
