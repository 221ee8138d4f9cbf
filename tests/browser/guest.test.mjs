// The page as a guest: it draws only when something changes, sleeps out of view (same-origin
// and cross-origin hosts, hidden tab, display:none iframe) and wakes where it left off, answers
// the API while asleep, caps an embed's frame rate while training keeps its epochs per second, and
// follows prefers-reduced-motion (no autoplay, no phase play) unless motion= or autoplay= say otherwise.
// Frames are counted with state().framesDrawn; CPU cost is measured by the benchmark, not here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, newContext, frames, until, screenshotPath } from './lib.mjs';

let server, otherOrigin, browser;
// A blog-like host: text, then the embed far below the first screen.
const hostPage = (src) => `<!doctype html><title>host</title><link rel="icon" href="data:,">
  <p style="height:3000px">A long article.</p>
  <iframe id="lab" src="${src}" width="640" height="420" style="border:0"></iframe>
  <p style="height:3000px">More article.</p><script src="/host.js"></script>`;
const hostJs = `window.reports = [];
  window.addEventListener('message', (e) => { if (e.data && e.data.event === 'state') window.reports.push(e.data); });`;

before(async () => {
  server = await startServer({ extraRoutes: {
    '/host.html': { body: hostPage('/?embed=1&speed=5') },
    '/host.js': { type: 'text/javascript', body: hostJs },
  } });
  otherOrigin = await startServer({ extraRoutes: {
    '/host.html': { body: hostPage(`${server.origin}/?embed=1&speed=5`) },
    '/host.js': { type: 'text/javascript', body: hostJs },
  } });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); await otherOrigin?.close(); });

const drawn = (target) => target.evaluate(() => window.backpropLab.state().framesDrawn);

// No frame drawn over the next `n` animation frames of `clock` (the host page for an embed:
// Chromium stops animation frames in a cross-origin iframe that is out of view).
async function assertStill(target, n, what, clock = target) {
  const a = await drawn(target);
  await frames(clock, n);
  const b = await drawn(target);
  assert.equal(b, a, `${what}: ${b - a} frames drawn in ${n} animation frames`);
}

test('a paused page stops drawing, and input or an API call draws again', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/?autoplay=0', { width: 1280, height: 800 });
  await until(page, () => window.backpropLab.state().idle === true);
  let s = await page.evaluate(() => window.backpropLab.state());
  assert.equal(s.fps, 0, 'an idle page reports 0 fps, not a stale figure');
  await assertStill(page, 30, 'paused, no input');

  // Hovering the canvas draws (the hover highlight), then the page settles again.
  const before = await drawn(page);
  await page.mouse.move(400, 300);
  await page.mouse.move(420, 320);
  await until(page, (n) => window.backpropLab.state().framesDrawn > n, before);
  await until(page, () => window.backpropLab.state().idle === true);
  await assertStill(page, 20, 'after the pointer stopped');

  // An API call draws, and a played page draws every frame until paused.
  const beforeStep = await drawn(page);
  await page.evaluate(() => window.backpropLab.step(3));
  await until(page, (n) => window.backpropLab.state().framesDrawn > n, beforeStep);
  await page.evaluate(() => window.backpropLab.play());
  const playing = await drawn(page);
  await frames(page, 20);
  assert.ok((await drawn(page)) >= playing + 10, 'training draws frames');
  s = await page.evaluate(() => window.backpropLab.state());
  assert.equal(s.idle, false);
  assert.ok(s.fps > 0, 'a drawing page reports its frame rate');
  await page.evaluate(() => window.backpropLab.pause());
  await until(page, () => window.backpropLab.state().idle === true);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a notice that expires is taken off screen without input', async () => {
  const { page } = await openPage(browser, server.origin + '/?autoplay=0');
  await until(page, () => window.backpropLab.state().idle === true);
  await page.evaluate(() => window.backpropLab.set({ lr: 'fast' }));   // a notice, shown for a while
  await until(page, () => window.backpropLab.state().notices.length > 0);
  await until(page, () => window.backpropLab.state().idle === true);
  const idleWith = await drawn(page);
  await until(page, () => window.backpropLab.state().notices.length === 0, undefined, 30000);
  await until(page, (n) => window.backpropLab.state().framesDrawn > n, idleWith);
  await page.context().close();
});

for (const [name, origin] of [['same-origin', () => server.origin], ['cross-origin', () => otherOrigin.origin]]) {
  test(`${name} host: the embed sleeps out of view and wakes at the same epoch`, async () => {
    const context = await newContext(browser, { width: 900, height: 700 });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(origin() + '/host.html');
    const frame = page.frames().find((f) => f.url().includes('embed=1')) ||
                  await (await page.waitForSelector('#lab')).contentFrame();
    await frame.waitForFunction(() => window.backpropLab, null, { timeout: 120000 });
    // ready resolves though the embed starts out of view and may not have drawn yet.
    await frame.evaluate(() => window.backpropLab.ready.then(() => true));
    await until(frame, () => window.backpropLab.state().visible === false);
    const asleep = await frame.evaluate(() => window.backpropLab.state());
    assert.equal(asleep.running, true, 'it still means to train');
    await assertStill(frame, 20, 'out of view', page);
    assert.equal((await frame.evaluate(() => window.backpropLab.state())).epoch, asleep.epoch, 'nothing trains out of view');

    // The API answers at once while asleep and changes the state.
    const set = await frame.evaluate(() => window.backpropLab.set({ lr: 0.5 }));
    assert.equal(set.applied.lr, 0.5);
    const stepped = await frame.evaluate(() => window.backpropLab.step(7));
    assert.equal(stepped.epoch, asleep.epoch + 7);
    await frame.evaluate(() => window.backpropLab.play());   // step() paused it: play again
    await assertStill(frame, 10, 'playing out of view', page);
    assert.equal((await frame.evaluate(() => window.backpropLab.state())).epoch, stepped.epoch, 'played, still asleep');

    // Scrolled into view: it wakes where it left off and trains on.
    await page.evaluate(() => document.getElementById('lab').scrollIntoView());
    await until(frame, () => window.backpropLab.state().visible === true);
    await until(frame, (e) => window.backpropLab.state().epoch > e, stepped.epoch);
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BODY', 'the embed took the focus');
    await page.screenshot({ path: screenshotPath(`host-${name}-in-view.png`) });
    // Scrolled away again: asleep within a second or two, not after the browser's own delay.
    const t0 = Date.now();
    await page.evaluate(() => window.scrollTo(0, 0));
    await until(frame, () => window.backpropLab.state().visible === false, undefined, 5000);
    assert.ok(Date.now() - t0 < 5000);
    const reasons = (await page.evaluate(() => window.reports)).flatMap((r) => r.reasons);
    assert.ok(reasons.includes('wake') && reasons.includes('sleep'), `reports: ${reasons}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a hidden tab and a display:none iframe sleep too', async () => {
  const context = await newContext(browser, { width: 900, height: 700 });
  const page = await context.newPage();
  await page.goto(server.origin + '/host.html');
  const frame = await (await page.waitForSelector('#lab')).contentFrame();
  await frame.waitForFunction(() => window.backpropLab, null, { timeout: 120000 });
  await frame.evaluate(() => window.backpropLab.ready.then(() => true));
  await page.evaluate(() => document.getElementById('lab').scrollIntoView());
  await until(frame, () => window.backpropLab.state().visible === true);

  // display:none: the canvas has no size (IntersectionObserver may stay silent).
  await page.evaluate(() => { document.getElementById('lab').style.display = 'none'; });
  await until(frame, () => window.backpropLab.state().visible === false, undefined, 5000);
  const hidden = await frame.evaluate(() => window.backpropLab.state().epoch);
  await page.waitForTimeout(300);
  assert.equal(await frame.evaluate(() => window.backpropLab.state().epoch), hidden, 'nothing trains while display:none');
  await page.evaluate(() => { document.getElementById('lab').style.display = ''; });
  await until(frame, () => window.backpropLab.state().visible === true);
  await until(frame, (e) => window.backpropLab.state().epoch > e, hidden);

  // A hidden tab: the page's visibilitychange (document.visibilityState as the browser sets it).
  await frame.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await until(frame, () => window.backpropLab.state().visible === false, undefined, 5000);
  await frame.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await until(frame, () => window.backpropLab.state().visible === true);
  await context.close();
});

test('an embed caps its frame rate and keeps its epochs per second', async () => {
  const { page } = await openPage(browser, server.origin + '/?embed=1&fps=10&speed=1', { width: 640, height: 420 });
  await until(page, () => window.backpropLab.state().epoch > 5);
  // Over k animation frames at speed 1 the page trains one epoch per browser frame, drawn or
  // not; it draws at most one frame per (1000/fps - 4) ms of the time those frames took.
  const m = await page.evaluate(() => new Promise((resolve) => {
    const s0 = window.backpropLab.state();
    const t0 = performance.now();
    let left = 60;
    const tick = () => {
      if (--left > 0) return requestAnimationFrame(tick);
      const s1 = window.backpropLab.state();
      resolve({ epochs: s1.epoch - s0.epoch, drawn: s1.framesDrawn - s0.framesDrawn, ms: performance.now() - t0 });
    };
    requestAnimationFrame(tick);
  }));
  assert.ok(m.epochs >= 60 - 8 && m.epochs <= 60 + 8, `epochs per browser frame kept: ${JSON.stringify(m)}`);
  assert.ok(m.drawn >= 1 && m.drawn <= Math.ceil(m.ms / (1000 / 10 - 4)) + 1, `frames capped: ${JSON.stringify(m)}`);
  const s = await page.evaluate(() => window.backpropLab.set({ fps: 99 }));
  assert.equal(s.applied.fps, 60, 'fps above 60 is clamped');
  assert.match(s.notices.join(' '), /fps/);
  await page.context().close();
});

test('reduced motion: no autoplay and no phase play, unless the link says otherwise', async () => {
  const look = async (query, reducedMotion) => {
    const { page, errors } = await openPage(browser, server.origin + query, { reducedMotion });
    await frames(page, 10);
    const s = await page.evaluate(() => window.backpropLab.state());
    await page.evaluate(() => window.backpropLab.set({ learn: 1 }));   // Step-through
    const phase = await page.evaluate(() => window.backpropLab.phase());
    assert.deepEqual(errors, []);
    await page.context().close();
    return { reduced: s.reducedMotion, running: s.running, epoch: s.epoch, playPhases: phase.playPhases };
  };
  // The reader's system asks for less motion: nothing starts by itself, and play in
  // Step-through trains epochs instead of animating phases.
  let r = await look('/', 'reduce');
  assert.deepEqual(r, { reduced: true, running: false, epoch: 0, playPhases: false });
  r = await look('/?autoplay=1', 'reduce');   // an explicit autoplay=1 wins
  assert.equal(r.reduced, true);
  assert.equal(r.running, true);
  r = await look('/?motion=full', 'reduce');   // the link overrides the system
  assert.deepEqual([r.reduced, r.running, r.playPhases], [false, true, true]);
  r = await look('/?motion=reduce', 'no-preference');
  assert.deepEqual([r.reduced, r.running, r.playPhases], [true, false, false]);
  r = await look('/', 'no-preference');
  assert.deepEqual([r.reduced, r.running, r.playPhases], [false, true, true]);
});
