// Keyboard and screen-reader access (site/a11y.js): the skip link and the HTML controls, named
// as the canvas names them, drive the real page by keyboard alone; the accessibility tree (CDP)
// holds them, the live region and the numbers table; the live region speaks after a step and a
// phase; the shortcuts work on the page itself and never fire while a control has focus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, frames, until, screenshotPath } from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const state = (page) => page.evaluate(() => window.backpropLab.state());
const focused = (page) => page.evaluate(() => document.activeElement && (document.activeElement.id || document.activeElement.className));
const spoken = (page) => page.evaluate(() => document.getElementById('a11y-status').textContent);

// The page as a reader meets it: started, first frame drawn, controls built.
async function open() {
  const opened = await openPage(browser, server.origin + '/');
  await until(opened.page, () => window.backpropLab.state().framesDrawn > 0 && document.getElementById('ctl-pause'));
  return opened;
}

// Presses Tab (or Shift+Tab) until #id has focus: the keyboard alone gets there.
async function tabTo(page, id, key = 'Tab', max = 40) {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)) === id) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached #${id} (focus on ${await focused(page)})`);
}

async function typeInto(page, id, text) {
  await tabTo(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('Tab from page load reaches the skip link, then the controls; the panel shows while focused', async () => {
  const { page, errors } = await open();
  const hidden = await page.locator('#controls').boundingBox();
  assert.ok(hidden.width <= 1 && hidden.height <= 1, `visually hidden until focused: ${JSON.stringify(hidden)}`);
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'skip-link');
  const link = await page.locator('.skip-link').boundingBox();
  assert.ok(link.width > 60 && link.height > 20, `the skip link shows when focused: ${JSON.stringify(link)}`);
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'ctl-pause', 'the first control follows the skip link');
  const panel = await page.locator('#controls').boundingBox();
  assert.ok(panel.width > 250 && panel.height > 250, `the panel shows while focus is in it: ${JSON.stringify(panel)}`);

  // Enter on the skip link moves focus to the panel, without touching the address.
  const url = page.url();
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(page), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'controls');
  assert.equal(page.url(), url);
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'ctl-pause');
  assert.deepEqual(errors, []);
});

test('keyboard alone: pause, play, step, learning rate, hidden units, Step-through and a phase', async () => {
  const { page, errors } = await open();
  await tabTo(page, 'ctl-pause');
  assert.equal(await page.locator('#ctl-pause').textContent(), 'Pause', 'training from the start');
  await page.keyboard.press('Enter');
  await until(page, () => !window.backpropLab.state().running);
  await until(page, () => document.getElementById('ctl-pause').textContent === 'Play');
  await page.keyboard.press('Space');   // the button's own key: plays, and no shortcut fires as well
  await until(page, () => window.backpropLab.state().running);
  await page.keyboard.press('Space');
  await until(page, () => !window.backpropLab.state().running);
  assert.equal(await focused(page), 'ctl-pause', 'focus stays on the button whose name changed');
  await page.screenshot({ path: screenshotPath('controls-focused.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await frames(page, 3);
  await page.screenshot({ path: screenshotPath('controls-focused-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  const paused = await state(page);
  await tabTo(page, 'ctl-step');
  await page.keyboard.press('Enter');
  await until(page, (e) => window.backpropLab.state().epoch === e, paused.epoch + 1);
  await until(page, (e) => document.getElementById('a11y-status').textContent.startsWith('Epoch ' + e.toLocaleString('en-US') + ', loss '),
              paused.epoch + 1);
  assert.match(await spoken(page), /^Epoch [\d,]+, loss [\d.]+, [0-4] of 4 rows right\.$/);

  await tabTo(page, 'ctl-stepThrough');
  await page.keyboard.press('Enter');
  await until(page, () => window.backpropLab.state().params.learn === true);
  assert.equal(await page.locator('#ctl-stepThrough').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#ctl-explore').getAttribute('aria-pressed'), 'false');

  await typeInto(page, 'ctl-lr', '0.5');
  await until(page, () => window.backpropLab.state().params.lr === 0.5);
  await typeInto(page, 'ctl-hiddenUnits-1', '6');
  await until(page, () => window.backpropLab.state().params.hidden === '6');
  assert.equal(await page.locator('#ctl-hiddenUnits-1').inputValue(), '6');

  await tabTo(page, 'ctl-stepPhase', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await until(page, () => window.backpropLab.phase().ran);
  const phase = await page.evaluate(() => window.backpropLab.phase());
  assert.equal(phase.index, 0, 'the first phase of the rebuilt network');
  assert.equal((await state(page)).params.learn, true);
  // The live region reads the phase's title and its formula with the numbers, in words.
  await until(page, () => document.getElementById('a11y-status').textContent.startsWith('Phase 1 of 7: forward, hidden layer 1.'));
  const text = await spoken(page);
  assert.match(text, /h 1 1 equals a equals sigma of z, equals sigma of /);
  assert.ok(!/[^\x20-\x7e\u00a0]/.test(text), `words only: ${text}`);
  const f = await page.evaluate(() => window.backpropLab.formulaValues());
  assert.equal(text.trim(), f.spoken);
  assert.deepEqual(errors, []);
});

test('the accessibility tree holds the named controls, the live region and the numbers table', async () => {
  const { page, errors } = await open();
  await page.evaluate(() => window.backpropLab.pause());
  await until(page, () => document.querySelectorAll('#numbers table').length >= 2);
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const live = nodes.filter((n) => !n.ignored);
  const has = (roles, name) => live.some((n) => roles.includes(n.role?.value) && n.name?.value === name);
  const buttons = ['button', 'toggleButton'];
  const fields = ['spinbutton'], lists = ['combobox', 'ComboBoxSelect', 'listbox'];
  const expected = [[['link'], 'Skip to controls'], [buttons, 'Play'], [buttons, 'Step epoch'], [buttons, 'Reset'],
    [buttons, 'Step phase'], [buttons, 'Explore'], [buttons, 'Step through backprop'],
    [fields, 'Learning rate η'], [fields, 'Speed'], [fields, 'Hidden layers'], [fields, 'Units in layer 1'],
    [lists, 'Activation'], [lists, 'Loss'], [lists, 'Optimiser'], [lists, 'Init'], [fields, 'Seed'], [lists, 'View'], [lists, 'Row']];
  for (const [roles, name] of expected) assert.ok(has(roles, name), `${roles[0]} "${name}" in the accessibility tree`);
  // The same names as the canvas's (settings.js carries lab/control_names.cpp's labels).
  const labels = await page.evaluate(() => window.__bplSettings.controls.map((c) => c.label));
  for (const [, name] of expected.slice(1)) if (!name.startsWith('Units')) assert.ok(labels.includes(name), name);
  assert.ok(live.some((n) => n.role?.value === 'status' &&
                             n.properties?.some((p) => p.name === 'live' && p.value.value === 'polite')), 'a polite live region');
  assert.ok(live.filter((n) => n.role?.value === 'table').length >= 2, 'the rows table and a weights table');
  for (const header of ['Target', 'Output', 'hidden layer 1, unit 1']) assert.ok(has(['columnheader'], header), header);
  assert.ok(has(['rowheader'], '01'), 'row 01');
  // The table's numbers are the page's.
  const [pred, cell] = await page.evaluate(() => {
    const row = document.querySelectorAll('#numbers table')[0].tBodies[0].rows[1];
    return [window.backpropLab.state().predictions[1], row.cells[3].textContent];
  });
  assert.equal(cell, String(Number(pred.toPrecision(4))));
  assert.deepEqual(errors, []);
});

test('shortcuts work on the page itself and never fire while a control has focus', async () => {
  const { page, errors } = await open();
  await page.evaluate(() => document.activeElement.blur());   // focus on the page, not the canvas
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  await page.keyboard.press('Space');
  await until(page, () => !window.backpropLab.state().running);
  await page.keyboard.press('r');
  await until(page, () => window.backpropLab.state().epoch === 0);
  await page.keyboard.press('ArrowRight');
  await until(page, () => window.backpropLab.state().epoch === 1);
  await page.keyboard.press('.');
  await until(page, () => window.backpropLab.phase().index === 0 && window.backpropLab.phase().epoch === 1);

  const before = { state: await state(page), phase: await page.evaluate(() => window.backpropLab.phase()) };
  const same = async (where) => {
    await frames(page, 5);
    const now = await state(page), phase = await page.evaluate(() => window.backpropLab.phase());
    assert.equal(now.epoch, before.state.epoch, `${where}: no step or reset`);
    assert.equal(now.running, false, `${where}: no play`);
    assert.equal(phase.index, before.phase.index, `${where}: no phase`);
  };
  await tabTo(page, 'ctl-lr');
  for (const key of ['Space', 'r', 'ArrowRight', '.']) await page.keyboard.press(key);
  await same('in the learning-rate field');
  await page.keyboard.press('Escape');
  await tabTo(page, 'ctl-explore', 'Shift+Tab');
  for (const key of ['r', 'ArrowRight', '.']) await page.keyboard.press(key);
  await same('on the Explore button');
  assert.equal((await state(page)).params.lr, 0.1, 'the field keeps the page\'s value');
  assert.deepEqual(errors, []);
});

test('while training, the live region speaks at most every 5 seconds', async () => {
  const { page, errors } = await open();
  await page.evaluate(() => {
    window.__said = [];
    new MutationObserver(() => window.__said.push(performance.now()))
      .observe(document.getElementById('a11y-status'), { childList: true, characterData: true, subtree: true });
  });
  await page.waitForTimeout(11000);
  const said = await page.evaluate(() => window.__said);
  assert.ok((await state(page)).running);
  assert.ok(said.length >= 1 && said.length <= 3, `announcements in 11 s of training: ${said.length}`);
  // The observer runs after the task that set the words, which may be a whole frame of the page
  // later under load, so a measured gap can come out shorter than the code's 5 s by that much;
  // 3 s still tells the 5-s throttle from the 1-s tick that drives it.
  for (let i = 1; i < said.length; i++) assert.ok(said[i] - said[i - 1] >= 3000, `${said[i] - said[i - 1]} ms apart`);
  assert.deepEqual(errors, []);
});

test('the data controls: a cloud\'s fields only on clouds, its numbers and progress, batch, penalty, no hidden layer', async () => {
  const { page, errors } = await open();
  await page.evaluate(() => window.backpropLab.pause());
  const shown = (id) => page.evaluate((i) => { const e = document.getElementById(i); return !!e && e.offsetParent !== null; }, id);
  const tableText = () => page.evaluate(() => Array.from(document.querySelectorAll('#numbers table'))
    .map((t) => [t.caption.textContent, Array.from(t.rows).map((r) => Array.from(r.cells).map((c) => c.textContent))]));
  await tabTo(page, 'ctl-data');   // keep the panel open: focus inside it
  for (const id of ['ctl-points', 'ctl-noise', 'ctl-train', 'ctl-point', 'ctl-batchSize', 'ctl-regRate'])
    assert.equal(await shown(id), false, `${id} hidden on XOR`);
  for (const id of ['ctl-targets', 'ctl-row', 'ctl-batch', 'ctl-reg']) assert.equal(await shown(id), true, `${id} on XOR`);
  assert.equal(await page.locator('#ctl-targets').inputValue(), '0110', 'XOR\'s targets');

  await page.selectOption('#ctl-data', 'circle');
  await until(page, () => window.backpropLab.state().params.data === 'circle');
  for (const id of ['ctl-points', 'ctl-noise', 'ctl-train', 'ctl-point']) assert.equal(await shown(id), true, `${id} on a cloud`);
  for (const id of ['ctl-targets', 'ctl-row']) assert.equal(await shown(id), false, `${id} hidden on a cloud`);
  await typeInto(page, 'ctl-points', '100');
  await until(page, () => window.backpropLab.state().data.samples === 100);
  await typeInto(page, 'ctl-point', '7');
  await until(page, () => window.backpropLab.state().selectedPoint === 7);
  await tabTo(page, 'ctl-step', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await until(page, () => /^Epoch 1, training loss/.test(document.getElementById('a11y-status').textContent));
  const s = await state(page);
  assert.match(await spoken(page),
               /^Epoch 1, training loss [\d.]+, \d+ of 50 training points right; test loss [\d.]+, \d+ of 50 test points right\.$/);
  // The numbers: the two sets and the followed point, then the weights; never a row per point.
  await until(page, () => document.querySelector('#numbers table tbody th')?.textContent === 'Training' &&
                          document.querySelectorAll('#numbers table')[1].tBodies[0].rows[0].cells[0].textContent === '7');
  const right = [String(Math.round(s.trainAccuracy * 50)), String(Math.round(s.testAccuracy * 50))];
  await until(page, (r) => Array.from(document.querySelectorAll('#numbers table')[0].tBodies[0].rows)
    .every((row, i) => row.cells[2].textContent === r[i]), right);
  const tables = await tableText();
  assert.equal(tables[0][0], 'The training and test sets');
  assert.deepEqual(tables[0][1][1].slice(0, 3), ['Training', '50', String(Math.round(s.trainAccuracy * 50))]);
  assert.deepEqual(tables[0][1][2].slice(0, 3), ['Test', '50', String(Math.round(s.testAccuracy * 50))]);
  // The followed point: state().point, as the diagram follows it.
  const fmt = (x) => String(Number(x.toPrecision(4)));
  assert.deepEqual(tables[1][1][0], ['Point', 'Set', 'Inputs', 'Target', 'Output']);
  assert.deepEqual(tables[1][1][1], ['7', s.point.train ? 'training' : 'test', s.point.x.map(fmt).join(', '),
                                     fmt(s.point.target), fmt(s.point.output)]);
  assert.ok(tables.reduce((n, t) => n + t[1].length, 0) < 40, 'a few rows, not one per point');
  await page.screenshot({ path: screenshotPath('controls-cloud.png') });

  assert.equal(await page.locator('#ctl-batch').inputValue(), 'minibatch', 'a cloud\'s default: batches of 10');
  await page.selectOption('#ctl-batch', 'full');
  await until(page, () => window.backpropLab.state().params.batch === 'full');
  assert.equal(await shown('ctl-batchSize'), false);
  await page.selectOption('#ctl-batch', 'minibatch');
  await until(page, () => String(window.backpropLab.state().params.batch) === '10');
  assert.equal(await shown('ctl-batchSize'), true);
  await typeInto(page, 'ctl-batchSize', '25');
  await until(page, () => String(window.backpropLab.state().params.batch) === '25');
  await page.selectOption('#ctl-reg', 'l2');
  await until(page, () => window.backpropLab.state().params.reg === 'l2');
  await typeInto(page, 'ctl-regRate', '0.01');
  await until(page, () => window.backpropLab.state().params.reg_rate === 0.01);

  // No hidden layer, back on a truth table: 4 rows, no activations column, one weights table.
  await typeInto(page, 'ctl-hiddenLayers', '0');
  await until(page, () => window.backpropLab.state().params.hidden === '0');
  await page.selectOption('#ctl-data', 'and');
  await until(page, () => window.backpropLab.state().params.data === 'and');
  assert.equal(await page.locator('#ctl-targets').inputValue(), '0001', 'AND\'s targets');
  await until(page, () => document.querySelector('#numbers table caption').textContent.startsWith('Each row'));
  const table = await tableText();
  assert.deepEqual(table[0][1][0], ['Row', 'Inputs', 'Target', 'Output']);
  assert.equal(table[0][1].length, 5, 'a header and the 4 rows');
  assert.deepEqual(table.slice(1).map((t) => t[0]), ['Weights into the output']);
  await typeInto(page, 'ctl-targets', '1101');
  await until(page, () => window.backpropLab.state().params.data === 'custom');
  assert.equal(await page.locator('#ctl-data option[value="custom"]').textContent(), 'Custom 1101');
  assert.deepEqual(errors, []);
});
