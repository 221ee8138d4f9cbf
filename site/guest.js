// The page as a guest in someone else's page: tells the WASM whether it can be seen (in view of
// the top-level viewport, in a shown tab, with a canvas of some size), what the reader's system
// prefers (dark colours, reduced motion), and when the canvas alone changed size or pixel ratio.
// Input needs nothing here: SDL's own listeners wake the loop (web/platform/frame_loop.cpp).
(function () {
  'use strict';

  var canvas = document.getElementById('canvas');
  var module = null;   // set by attach(), called from C++ once the API can answer
  var intersecting = true, sized = true, lastInView = null;

  function inView() { return intersecting && sized && document.visibilityState !== 'hidden'; }

  function reportView() {
    if (!module) return;
    var v = inView();
    if (v === lastInView) return;
    lastInView = v;
    module._bpl_set_in_view(v ? 1 : 0);
  }

  function media(query) { return window.matchMedia ? window.matchMedia(query) : null; }
  var darkQuery = media('(prefers-color-scheme: dark)');
  var motionQuery = media('(prefers-reduced-motion: reduce)');
  function reportSystem() {
    if (!module) return;
    module._bpl_set_system(darkQuery && darkQuery.matches ? 1 : 0, motionQuery && motionQuery.matches ? 1 : 0);
  }
  function onChange(query, fn) {
    if (!query) return;
    if (query.addEventListener) query.addEventListener('change', fn);
    else if (query.addListener) query.addListener(fn);
  }
  onChange(darkQuery, reportSystem);
  onChange(motionQuery, reportSystem);

  // A zoom or a move to another screen changes the pixel ratio without a resize: watch the query
  // for the current ratio, and start again with the new one.
  function watchPixelRatio() {
    var q = media('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
    if (!q) return;
    var fired = false;
    onChange(q, function () {
      if (fired) return;
      fired = true;
      if (module) module._bpl_wake();
      watchPixelRatio();
    });
  }

  // Inside an iframe, IntersectionObserver with no root measures against the top-level
  // viewport, cross-origin included: a reader scrolling the host page past the embed sends it
  // to sleep at once, not after the browser's own throttling delay.
  if (window.IntersectionObserver) {
    new IntersectionObserver(function (entries) {
      intersecting = entries[entries.length - 1].isIntersecting;
      reportView();
    }, { threshold: 0 }).observe(canvas);
  }
  // A display:none iframe may never report an intersection: its canvas has no size instead.
  if (window.ResizeObserver) {
    new ResizeObserver(function () {
      var r = canvas.getBoundingClientRect();
      sized = r.width >= 1 && r.height >= 1;
      reportView();
      if (module) module._bpl_wake();
    }).observe(canvas);
  }
  document.addEventListener('visibilitychange', reportView);

  // SDL listens for keys on the canvas and prevents Tab's default there: Tab leaves the canvas
  // for the page's own controls before SDL sees it.
  window.addEventListener('keydown', function (e) {
    if (e.key === 'Tab' && e.target === canvas) e.stopPropagation();
  }, true);

  window.__bplGuest = Object.freeze({
    attach: function (m) {
      module = m;
      reportSystem();
      reportView();
      watchPixelRatio();
    }
  });
})();
