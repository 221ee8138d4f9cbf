// The page shell: sets the theme, checks for WebAssembly and WebGL2, downloads the WASM with a
// progress bar, starts the Emscripten module on the canvas, and turns any failure into a readable
// message (never a blank page). No inline script anywhere, so a strict CSP works.
(function () {
  'use strict';

  // ---- theme, before anything loads, so the loader and the error screens wear it --------------
  // The link's theme= is read against the settings table in settings.js (its key, aliases,
  // choices and default: nothing retyped here); the C++ side reads the same link and has the
  // last word once it starts (bridge.js calls setTheme). data-theme holds the choice: style.css
  // resolves auto with prefers-color-scheme.
  var root = document.documentElement;
  var THEME_ROW = ((window.__bplSettings && window.__bplSettings.settings) || []).filter(function (row) {
    return row.key === 'theme';
  })[0] || null;
  var MAX_PAIRS = (window.__bplSettings && window.__bplSettings.limits && window.__bplSettings.limits.maxSetKeys) | 0;
  var darkQuery = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function themeFromLink() {
    if (!THEME_ROW) return null;
    var keys = [THEME_ROW.key].concat(THEME_ROW.aliases || []);
    var choice = THEME_ROW.default, seen = 0;
    try {
      new URLSearchParams(location.search).forEach(function (value, key) {
        if (++seen > MAX_PAIRS) return;   // the C++ side reads no more pairs than this either
        var v = String(value).toLowerCase();
        if (keys.indexOf(String(key).toLowerCase()) >= 0 && THEME_ROW.choices.indexOf(v) >= 0) choice = v;
      });
    } catch (e) { /* no URLSearchParams: the default */ }
    return choice;
  }

  // The browser's UI colour follows the page's background as the stylesheet resolves it.
  function updateThemeColor() {
    var meta = document.querySelector('meta[name="theme-color"]');
    var bg = window.getComputedStyle ? getComputedStyle(root).getPropertyValue('--page-bg').trim() : '';
    if (meta && bg) meta.setAttribute('content', bg);
  }

  function setTheme(choice) {
    if (!THEME_ROW || THEME_ROW.choices.indexOf(choice) < 0) return;
    if (root.getAttribute('data-theme') !== choice) root.setAttribute('data-theme', choice);
    updateThemeColor();
  }

  setTheme(themeFromLink());
  if (darkQuery) {
    if (darkQuery.addEventListener) darkQuery.addEventListener('change', updateThemeColor);
    else if (darkQuery.addListener) darkQuery.addListener(updateThemeColor);
  }

  var WASM_URL = 'backprop-lab.wasm';
  var JS_URL = 'backprop-lab.js';
  var SLOW_LOAD_MS = 20000;

  var canvas = document.getElementById('canvas');
  var loader = document.getElementById('loader');
  var bar = document.getElementById('loader-bar');
  var status = document.getElementById('loader-status');
  var errorBox = document.getElementById('error');
  var failed = false;
  var loaded = false;

  function setStatus(text, fraction) {
    if (status) status.textContent = text;
    if (!bar) return;
    if (fraction === null) {
      bar.parentNode.classList.add('indeterminate');
    } else {
      bar.parentNode.classList.remove('indeterminate');
      bar.style.width = Math.round(Math.max(0, Math.min(1, fraction)) * 100) + '%';
    }
  }

  function fail(message, detail) {
    if (failed) return;
    failed = true;
    if (loader) loader.classList.add('hidden');
    if (canvas) canvas.classList.add('hidden');
    document.getElementById('error-message').textContent = message;
    document.getElementById('error-detail').textContent = detail ? String(detail).slice(0, 500) : '';
    errorBox.classList.remove('hidden');
    if (window.__bplHost && window.__bplHost.failed) window.__bplHost.failed(message);
  }

  function supportsWasm() {
    try {
      if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') return false;
      var empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
      return WebAssembly.validate(empty);
    } catch (e) {
      return false;
    }
  }

  function supportsWebGL2() {
    try {
      var probe = document.createElement('canvas');
      var gl = probe.getContext('webgl2');
      if (!gl) return false;
      var lose = gl.getExtension('WEBGL_lose_context');
      if (lose) lose.loseContext();   // free the probe's context at once
      return true;
    } catch (e) {
      return false;
    }
  }

  function formatMB(bytes) { return (bytes / 1048576).toFixed(1) + ' MB'; }

  // fetch + stream so the bar can move; falls back to arrayBuffer() without streams.
  function downloadWasm() {
    return fetch(WASM_URL, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + WASM_URL);
      var total = Number(response.headers.get('Content-Length')) || 0;
      if (response.headers.get('Content-Encoding')) total = 0;   // length of the compressed bytes
      if (!response.body || !response.body.getReader) return response.arrayBuffer();
      var reader = response.body.getReader();
      var chunks = [];
      var received = 0;
      function pump() {
        return reader.read().then(function (part) {
          if (part.done) {
            var bytes = new Uint8Array(received);
            var at = 0;
            chunks.forEach(function (c) { bytes.set(c, at); at += c.length; });
            return bytes.buffer;
          }
          chunks.push(part.value);
          received += part.value.length;
          if (total) setStatus('Downloading… ' + formatMB(received) + ' of ' + formatMB(total), received / total);
          else setStatus('Downloading… ' + formatMB(received), null);
          return pump();
        });
      }
      return pump();
    });
  }

  function start() {
    if (!supportsWasm()) {
      fail('This browser cannot run WebAssembly, which Backprop Lab needs.',
           'Try a current version of Firefox, Chrome, Edge or Safari.');
      return;
    }
    if (!supportsWebGL2()) {
      fail('This browser or device has WebGL 2 turned off or unavailable, which Backprop Lab needs to draw.',
           'Try another browser, enable hardware acceleration, or update the graphics driver.');
      return;
    }
    setStatus('Downloading…', 0);
    // The build reads only these keys (-sINCOMING_MODULE_JS_API in cmake/page.cmake): add a key
    // there too, or it is ignored.
    window.Module = {
      canvas: canvas,
      print: function () {},
      printErr: function (text) { if (window.console) console.warn(String(text)); },
      locateFile: function (path) { return path; },
      instantiateWasm: function (imports, done) {
        downloadWasm().then(function (bytes) {
          setStatus('Starting…', 1);
          return WebAssembly.instantiate(bytes, imports);
        }).then(function (result) {
          done(result.instance, result.module);
        }).catch(function (e) {
          fail('Backprop Lab could not be downloaded or started.', e && e.message ? e.message : e);
        });
        return {};
      },
      onAbort: function (what) { fail('Backprop Lab stopped because of an internal error.', what); }
    };
    var script = document.createElement('script');
    script.src = JS_URL;
    script.async = true;
    script.onerror = function () { fail('Backprop Lab could not be downloaded.', 'Loading ' + JS_URL + ' failed.'); };
    document.body.appendChild(script);
    setTimeout(function () {
      if (!loaded && !failed) setStatus('Still loading… (a slow connection or device)', null);
    }, SLOW_LOAD_MS);
  }

  // The "copy" fallback when the clipboard is not available (insecure page, iframe policy).
  var copyBox = document.getElementById('copy-fallback');
  function showCopy(what, text) {
    document.getElementById('copy-title').textContent = 'Copy the ' + String(what).toLowerCase();
    var area = document.getElementById('copy-text');
    area.value = text;
    copyBox.classList.remove('hidden');
    area.focus();
    area.select();
  }
  document.getElementById('copy-close').addEventListener('click', function () { copyBox.classList.add('hidden'); });

  canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });

  window.__bplShell = Object.freeze({
    loaded: function () {
      loaded = true;
      loader.classList.add('hidden');
      // The keys work at once on the lab's own page; an embed never takes the focus from the
      // page it is a guest in (a reader may be typing there), it gets it on a click or Tab.
      if (window.self === window.top) canvas.focus({ preventScroll: true });
    },
    fail: fail,
    showCopy: showCopy,
    setTheme: setTheme
  });

  start();
})();
