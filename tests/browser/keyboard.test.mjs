// Keyboard shortcuts: space play/pause, → one epoch, r reset; and typing in a field does not
// trigger them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, frames } from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.backpropLab.state());

test('space, → and r', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/');
  await page.mouse.click(640, 30);   // the title bar: gives the page focus, touches no control
  await frames(page, 3);
  assert.equal((await state(page)).running, true);
  await page.keyboard.press('Space');
  await frames(page, 3);
  const paused = await state(page);
  assert.equal(paused.running, false);
  await page.keyboard.press('ArrowRight');
  await frames(page, 3);
  assert.equal((await state(page)).epoch, paused.epoch + 1);
  await page.keyboard.press('ArrowRight');
  await frames(page, 3);
  assert.equal((await state(page)).epoch, paused.epoch + 2);
  await page.keyboard.press('r');
  await frames(page, 3);
  const reset = await state(page);
  assert.equal(reset.epoch, 0);
  assert.equal(reset.running, false);
  await page.keyboard.press('Space');
  await frames(page, 5);
  assert.equal((await state(page)).running, true);
  assert.deepEqual(errors, []);
});
