// The page works under a strict Content-Security-Policy (no inline script, no eval).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, until } from './lib.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors *";
let server, browser;
before(async () => { server = await startServer({ headers: { 'Content-Security-Policy': CSP } }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('loads and trains under a strict CSP without violations', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/');
  await until(page, () => window.backpropLab.state().epoch > 200);
  assert.deepEqual(errors, [], 'no CSP violations or other console errors');
});
