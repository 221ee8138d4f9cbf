// window.backpropLab: the page's JS API for embedders and tests, and a postMessage bridge that
// offers the same commands to a parent page. Every input is checked for shape, type and size
// here, then validated again in C++ (lab/api.cpp, lab/url_params.cpp). The limits come from
// settings.js, generated from the C++ settings table at build time. Nothing received is ever
// evaluated or inserted as HTML.
(function () {
  'use strict';

  // settings.js loads first (index.html); without it every limit is 0 and ready is rejected below.
  var SETTINGS = window.__bplSettings || null;
  var LIMITS = (SETTINGS && SETTINGS.limits) || {};
  var MAX_SET_KEYS = LIMITS.maxSetKeys | 0;
  var MAX_KEY_CHARS = LIMITS.maxKeyChars | 0;
  var MAX_VALUE_CHARS = LIMITS.maxValueChars | 0;
  var MAX_HIDDEN_ITEMS = LIMITS.maxHiddenItems | 0;
  var MAX_WEIGHTS_CHARS = LIMITS.maxWeightsChars | 0;
  var MAX_STEP = LIMITS.maxStep | 0;
  var MAX_STEP_PHASES = LIMITS.maxStepPhases | 0;
  var MAX_NOTICE_CHARS = LIMITS.maxNoticeChars | 0;
  var MAX_QUEUED_MESSAGES = 64;   // the bridge's own queue while loading (no C++ counterpart)
  var NOTICE_INFO = 0, NOTICE_WARNING = 1, NOTICE_ERROR = 2;

  var isReady = false;
  var resolveReady, rejectReady;
  var ready = new Promise(function (resolve, reject) { resolveReady = resolve; rejectReady = reject; });
  ready.catch(function () {});   // a failed load is reported on the page, not as an unhandled rejection
  if (!SETTINGS) rejectReady(new Error('settings.js did not load: the page is incomplete'));

  // ---- calls into the WASM module ----------------------------------------------------------
  function wasm() {
    var m = window.Module;
    if (!isReady || !m) throw new Error('Backprop Lab is still loading: await backpropLab.ready first');
    return m;
  }

  function call(name, text) {
    var m = wasm();
    var ptr = 0;
    if (typeof text === 'string') {
      var n = m.lengthBytesUTF8(text) + 1;
      ptr = m._malloc(n);
      if (!ptr) throw new Error('out of memory');
      m.stringToUTF8(text, ptr, n);
    }
    try {
      var out = m['_' + name](ptr);
      return out ? m.UTF8ToString(out) : '';
    } finally {
      if (ptr) m._free(ptr);
    }
  }

  function callJson(name, text) {
    var out = call(name, text);
    return out ? JSON.parse(out) : null;
  }

  function pageNotice(text, kind) {
    if (!isReady) return;
    var m = window.Module;
    var s = String(text).slice(0, MAX_NOTICE_CHARS);
    var n = m.lengthBytesUTF8(s) + 1;
    var ptr = m._malloc(n);
    if (!ptr) return;
    m.stringToUTF8(s, ptr, n);
    try { m._bpl_notice(ptr, kind); } finally { m._free(ptr); }
  }

  function isPlainObject(v) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
    var proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
  }

  function shortText(s, max) {
    s = String(s);
    return s.length > max ? s.slice(0, max) + '...' : s;
  }

  // set() values to URL text: the same keys and checks as the address bar.
  function paramsToQuery(params) {
    var notices = [];
    var query = new URLSearchParams();
    var keys = Object.keys(params);
    if (keys.length > MAX_SET_KEYS) {
      notices.push('Only the first ' + MAX_SET_KEYS + ' settings were read (' + keys.length + ' given)');
      keys = keys.slice(0, MAX_SET_KEYS);
    }
    keys.forEach(function (key) {
      if (key.length > MAX_KEY_CHARS) {
        notices.push('Unknown setting "' + shortText(key, MAX_KEY_CHARS) + '" ignored');
        return;
      }
      var v = params[key];
      var text = null;
      if (typeof v === 'number') text = String(v);
      else if (typeof v === 'boolean') text = v ? 'true' : 'false';   // only flags take it: {lr: true} is refused
      else if (typeof v === 'string') text = v;
      else if (Array.isArray(v) && v.length <= MAX_HIDDEN_ITEMS &&
               v.every(function (x) { return typeof x === 'number' || typeof x === 'string'; })) {
        text = v.map(String).join(',');
      }
      if (text === null) {
        notices.push(key + ': unsupported value (' + (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v) + '); ignored');
        return;
      }
      if (text.length > MAX_VALUE_CHARS) {
        notices.push(key + ': value too long (' + text.length + ' characters); ignored');
        return;
      }
      query.append(key, text);
    });
    return { query: query.toString(), notices: notices };
  }

  // ---- the API -----------------------------------------------------------------------------
  var api = {
    ready: ready,
    state: function () { return callJson('bpl_state'); },
    set: function (params) {
      wasm();
      if (!isPlainObject(params)) {
        var msg = 'set() expects an object such as {lr: 0.5, hidden: "8,8"}';
        pageNotice(msg, NOTICE_WARNING);
        return { applied: {}, notices: [msg] };
      }
      var q = paramsToQuery(params);
      q.notices.forEach(function (n) { pageNotice(n, NOTICE_WARNING); });
      var result = callJson('bpl_set', q.query);
      result.notices = q.notices.concat(result.notices);
      if (result.applied && typeof result.applied.theme === 'string') followTheme(result.applied.theme);
      return result;
    },
    play: function () { call('bpl_play'); return api.state(); },
    pause: function () { call('bpl_pause'); return api.state(); },
    reset: function () { call('bpl_reset'); return api.state(); },
    step: function (n) {
      if (n === undefined) n = 1;
      if (typeof n !== 'number' || !isFinite(n) || Math.floor(n) !== n || n < 1 || n > MAX_STEP) {
        throw new TypeError('step(n): n must be a whole number from 1 to ' + MAX_STEP);
      }
      var m = wasm();
      var out = m._bpl_step(n);
      return out ? JSON.parse(m.UTF8ToString(out)) : null;
    },
    weights: function () { return callJson('bpl_weights'); },
    // Insight tools: gradient check, rewind history, the last/coming update's effect, lessons.
    gradCheck: function () { return callJson('bpl_grad_check'); },
    rewind: function (epoch) {
      if (typeof epoch !== 'number' || !isFinite(epoch) || Math.floor(epoch) !== epoch || epoch < 0) {
        throw new TypeError('rewind(epoch): epoch must be a whole number, 0 or more');
      }
      var m = wasm();
      var out = m._bpl_rewind(epoch);
      return out ? JSON.parse(m.UTF8ToString(out)) : null;
    },
    history: function () { return callJson('bpl_history'); },
    beforeAfter: function () { return callJson('bpl_before_after'); },
    lessons: function () { return callJson('bpl_lessons'); },
    // Step-through mode: one engine phase at a time (forward layer 1..L, loss, output delta,
    // hidden deltas, gradients, update); phase() is the phase that ran last.
    stepPhase: function (n) {
      if (n === undefined) n = 1;
      if (typeof n !== 'number' || !isFinite(n) || Math.floor(n) !== n || n < 1 || n > MAX_STEP_PHASES) {
        throw new TypeError('stepPhase(n): n must be a whole number from 1 to ' + MAX_STEP_PHASES);
      }
      var m = wasm();
      var out = m._bpl_step_phase(n);
      return out ? JSON.parse(m.UTF8ToString(out)) : null;
    },
    phase: function () { return callJson('bpl_phase'); },
    intermediates: function () { return callJson('bpl_intermediates'); },
    formulaValues: function () { return callJson('bpl_formula_values'); },
    loadWeights: function (weights) {
      wasm();
      var text;
      if (typeof weights === 'string') {
        text = weights;
      } else if (isPlainObject(weights)) {
        try { text = JSON.stringify(weights); } catch (e) {
          return refuseWeights('weights could not be read as JSON: ' + shortText(e && e.message, 120));
        }
      } else {
        return refuseWeights('loadWeights() expects the object weights() returns: {layers: [{W: [[...]], b: [...]}, ...]}');
      }
      if (typeof text !== 'string') return refuseWeights('weights could not be read as JSON (toJSON gave nothing)');
      if (text.length > MAX_WEIGHTS_CHARS) {
        return refuseWeights('weights: more than ' + MAX_WEIGHTS_CHARS + ' characters of JSON');
      }
      return callJson('bpl_load_weights', text);
    }
  };
  // Refused before reaching C++: shown on the page like the engine's own refusals.
  function refuseWeights(error) {
    pageNotice('Weights not loaded: ' + error, NOTICE_ERROR);
    return { ok: false, error: error };
  }
  Object.freeze(api);
  Object.defineProperty(window, 'backpropLab', { value: api, enumerable: true });

  // ---- postMessage bridge --------------------------------------------------------------------
  var COMMANDS = {
    state: function () { return api.state(); },
    set: function (args) { return api.set(args[0]); },
    play: function () { return api.play(); },
    pause: function () { return api.pause(); },
    reset: function () { return api.reset(); },
    step: function (args) { return api.step(args[0]); },
    weights: function () { return api.weights(); },
    loadWeights: function (args) { return api.loadWeights(args[0]); },
    stepPhase: function (args) { return api.stepPhase(args[0]); },
    phase: function () { return api.phase(); },
    intermediates: function () { return api.intermediates(); },
    formulaValues: function () { return api.formulaValues(); },
    gradCheck: function () { return api.gradCheck(); },
    rewind: function (args) { return api.rewind(args[0]); },
    history: function () { return api.history(); },
    beforeAfter: function () { return api.beforeAfter(); },
    lessons: function () { return api.lessons(); }
  };
  var queued = [];
  var framed = window.parent && window.parent !== window;

  function reply(source, origin, id, ok, payload) {
    var msg = { type: 'backpropLab', id: id };
    msg.ok = ok;
    if (ok) msg.result = payload; else msg.error = payload;
    try { source.postMessage(msg, origin && origin !== 'null' ? origin : '*'); } catch (e) { /* gone */ }
  }

  function validId(id) {
    return id === undefined || id === null || (typeof id === 'string' && id.length <= 64) ||
           (typeof id === 'number' && isFinite(id));
  }

  function run(source, origin, data) {
    var id = data.id === undefined ? null : data.id;
    try {
      reply(source, origin, id, true, COMMANDS[data.cmd](data.args || []));
    } catch (e) {
      reply(source, origin, id, false, shortText(e && e.message ? e.message : e, 300));
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!isPlainObject(data) || data.type !== 'backpropLab' || !('cmd' in data)) return;
    var source = event.source;
    if (!source || typeof source.postMessage !== 'function' || source === window) return;
    if (!validId(data.id)) { reply(source, event.origin, null, false, 'id must be a string (at most 64 characters) or a number'); return; }
    var id = data.id === undefined ? null : data.id;
    if (typeof data.cmd !== 'string' || !Object.prototype.hasOwnProperty.call(COMMANDS, data.cmd)) {
      reply(source, event.origin, id, false, 'unknown command; use one of ' + Object.keys(COMMANDS).join(', '));
      return;
    }
    if (data.args !== undefined && !(Array.isArray(data.args) && data.args.length <= 2)) {
      reply(source, event.origin, id, false, 'args must be an array of at most 2 values');
      return;
    }
    if (isReady) { run(source, event.origin, data); return; }
    if (queued.length >= MAX_QUEUED_MESSAGES) { reply(source, event.origin, id, false, 'still loading; too many queued commands'); return; }
    queued.push([source, event.origin, data]);
  });

  // State reports, after each change (coalesced): to the parent page, plus once a second while
  // training; and to this page's own subscribers (site/a11y.js: the HTML controls follow the canvas).
  var reportTimer = 0, reportReasons = [];
  var subscribers = [];
  var MAX_SUBSCRIBERS = 8;
  function report(reason) {
    if (!isReady || (!framed && !subscribers.length)) return;
    if (reportReasons.indexOf(reason) < 0 && reportReasons.length < 8) reportReasons.push(reason);
    if (reportTimer) return;
    reportTimer = setTimeout(function () {
      reportTimer = 0;
      var reasons = reportReasons;
      reportReasons = [];
      var state = api.state();
      if (framed) {
        try {
          window.parent.postMessage({ type: 'backpropLab', event: 'state', reasons: reasons, state: state }, '*');
        } catch (e) { /* parent gone */ }
      }
      subscribers.forEach(function (fn) {
        try { fn(reasons.slice(), state); } catch (e) { if (window.console) console.warn(e); }
      });
    }, 0);
  }
  window.__bplReports = Object.freeze({
    // fn(reasons, state): reasons such as 'ready', 'play', 'pause', 'step', 'phase', 'reset', 'params', 'mode'.
    subscribe: function (fn) {
      if (typeof fn !== 'function' || subscribers.length >= MAX_SUBSCRIBERS) return false;
      subscribers.push(fn);
      return true;
    }
  });
  if (framed) {
    setInterval(function () {
      if (isReady && !document.hidden) { var s = api.state(); if (s && s.running && s.visible) report('progress'); }
    }, 1000);
  }

  // The page around the canvas (loader, error screens, the browser's UI colour) wears the theme
  // the C++ side applies: its choice (auto, light, dark) goes to shell.js.
  function followTheme(choice) {
    if (window.__bplShell && window.__bplShell.setTheme) window.__bplShell.setTheme(choice);
  }

  // The embed's preferred height for its width (C++: embed_preferred_height), told to the parent
  // page at start and whenever the width changes, asleep or not, so the host can size the frame:
  // {type: 'backpropLab', event: 'size', width, height}, in CSS px.
  var sizedWidth = -1;
  function reportSize() {
    if (!framed || !isReady) return;
    var width = Math.round(document.documentElement.clientWidth);
    if (width < 1 || width === sizedWidth) return;   // display:none, or no change
    var s = api.state();
    if (!s || !s.params || !s.params.embed) return;
    sizedWidth = width;
    var height = Math.ceil(window.Module._bpl_embed_height(width));
    try {
      window.parent.postMessage({ type: 'backpropLab', event: 'size', width: width, height: height }, '*');
    } catch (e) { /* parent gone */ }
  }
  if (framed) window.addEventListener('resize', reportSize);

  // ---- callbacks from C++ (web/platform/host.cpp) ------------------------------------------------------
  function pageBase() { return String(location.href).split('#')[0].split('?')[0]; }
  function attr(text) {
    return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  function copyText(text, what) {
    function fallback() {
      if (window.__bplShell) window.__bplShell.showCopy(what, text);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        pageNotice(what + ' copied to the clipboard.', NOTICE_INFO);
      }, fallback);
    } else {
      fallback();
    }
  }

  window.__bplHost = Object.freeze({
    // The app has started: the API answers from now on, even before (or without) a first
    // frame, as in an embed that loads out of view.
    started: function () {
      if (isReady) return;
      isReady = true;
      var params = api.state().params;
      if (params) followTheme(params.theme);
      resolveReady(api);
      var pending = queued;
      queued = [];
      pending.forEach(function (q) { run(q[0], q[1], q[2]); });
      report('ready');
      reportSize();
    },
    frameDrawn: function () {
      if (window.__bplShell) window.__bplShell.loaded();
    },
    stateChanged: function (reason) { report(String(reason)); },
    locationSearch: function () { return location.search; },
    replaceUrl: function (query) {
      try { history.replaceState(history.state, '', '?' + query + location.hash); } catch (e) { /* sandboxed */ }
    },
    // query: the link's (C++ writes it: an embed's carries embed=1 and its theme).
    copyLink: function (query, embedSnippet) {
      var url = pageBase() + '?' + query;
      if (!embedSnippet) { copyText(url, 'Link'); return; }
      // As wide as the host's column, 640:420 in shape; a host that listens for the 'size'
      // message can set the height the embed asks for instead. The query already says embed=1.
      copyText('<iframe src="' + attr(url) + '" width="640" height="420"' +
               ' style="display:block;width:100%;height:auto;aspect-ratio:640/420;min-height:360px;border:0;border-radius:8px"' +
               ' title="Backprop Lab: a neural network learning XOR" loading="lazy"></iframe>', 'Embed code');
    },
    openFullPage: function (query) {
      window.open(pageBase() + '?' + query, '_blank', 'noopener');
    },
    fatal: function (message) {
      rejectReady(new Error(String(message)));
      if (window.__bplShell) window.__bplShell.fail('The page could not start its graphics.', String(message));
    },
    failed: function (message) { rejectReady(new Error(String(message))); }
  });
})();
