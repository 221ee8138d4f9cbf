// Robustness basics: HiDPI canvas sizing, resizing, and WebGL context loss and restore
// (the training state survives, drawing comes back).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, frames, until, pixelStats } from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the canvas follows its CSS size at the device pixel ratio', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/', { width: 1280, height: 800, deviceScaleFactor: 2 });
  await frames(page, 3);
  const size = () => page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
  });
  let s = await size();
  assert.deepEqual([s.w, s.h], [s.cw * 2, s.ch * 2], JSON.stringify(s));
  await page.setViewportSize({ width: 1100, height: 700 });
  await frames(page, 5);
  s = await size();
  assert.deepEqual([s.w, s.h], [2200, 1400], JSON.stringify(s));
  await page.setViewportSize({ width: 400, height: 700 });   // narrow: the stacked layout
  await frames(page, 5);
  const png = await page.screenshot();
  assert.ok((await pixelStats(png)).std > 10);
  assert.deepEqual(errors, []);
});

test('WebGL context loss and restore keep the training state', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/');
  await until(page, () => window.backpropLab.state().epoch > 100);
  await page.evaluate(() => {
    window.loseExt = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
    window.loseExt.loseContext();
  });
  await until(page, () => window.backpropLab.state().glContextLost === true);
  const during = await page.evaluate(() => window.backpropLab.state());
  await until(page, (e) => window.backpropLab.state().epoch > e + 100, during.epoch);   // training goes on
  await page.evaluate(() => window.loseExt.restoreContext());
  await until(page, () => window.backpropLab.state().glContextLost === false);
  await frames(page, 10);
  const png = await page.screenshot();
  const stats = await pixelStats(png);
  assert.ok(stats.colours > 50 && stats.std > 10, `drawing resumed: ${JSON.stringify(stats)}`);
  const after = await page.evaluate(() => window.backpropLab.state());
  assert.ok(after.epoch > during.epoch);
  const real = errors.filter((e) => !/CONTEXT_LOST_WEBGL|context lost/i.test(e));
  assert.deepEqual(real, []);
});
