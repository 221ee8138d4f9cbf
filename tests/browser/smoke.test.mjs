// The page loads without console errors, draws something that is not blank, and trains XOR
// on the default settings (epochs advance, loss falls). Saves the full-page screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, launchBrowser, openPage, frames, until, screenshotPath, pixelStats } from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('page loads, draws, and learns XOR on the defaults', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/');
  const first = await page.evaluate(() => window.backpropLab.state());
  assert.equal(typeof first.epoch, 'number');
  assert.equal(first.running, true, 'training starts on its own');
  assert.equal(first.predictions.length, 4);
  assert.equal(first.params.lr, 0.1);
  assert.equal(first.params.hidden, '4');

  await until(page, () => window.backpropLab.state().epoch > 2000);
  const later = await page.evaluate(() => window.backpropLab.state());
  assert.ok(later.epoch > first.epoch, 'epochs advance');
  assert.ok(later.loss < first.loss, `loss falls (${first.loss} -> ${later.loss})`);
  assert.equal(later.diverged, false);
  // Reported, whatever their size (the benchmark measures them): a fast machine's frame can
  // read 0.00 ms with a coarse clock.
  assert.ok(later.fps > 0 && Number.isFinite(later.frameMs) && later.frameMs >= 0, JSON.stringify(later));

  await frames(page, 20);
  const png = await page.screenshot({ path: screenshotPath('full-page.png') });
  const stats = await pixelStats(png);
  assert.ok(stats.colours > 50 && stats.std > 10, `canvas is not blank: ${JSON.stringify(stats)}`);
  const timing = await page.evaluate(() => window.backpropLab.state());
  console.log(`info: fps ${timing.fps}, our frame time ${timing.frameMs} ms, epochs/frame ${timing.epochsLastFrame}`);
  assert.deepEqual(errors, [], 'no console errors');
});
