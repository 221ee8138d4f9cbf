// Every function the page exports to JavaScript (window.backpropLab in site/bridge.js, and two
// debug hooks). Strings in are UTF-8 (copied by the JS side); strings out are JSON in one static
// buffer that JS reads at once with UTF8ToString. The answers come from lab/api.cpp.
#include "js_api.hpp"
#include <cstring>
#include <string>
#include <emscripten.h>
#include "api.hpp"
#include "formula_view.hpp"
#include "frame_loop.hpp"
#include "guest.hpp"
#include "insight.hpp"
#include "layout.hpp"
#include "layout_report.hpp"
#include "learn.hpp"
#include "lessons.hpp"
#include "map_renderer.hpp"
#include "session.hpp"
#include "weights_json.hpp"

namespace {

AppState* g_app = nullptr;
std::string g_out;

const char* out(std::string text) {
    g_out = std::move(text);
    return g_out.c_str();
}

}   // namespace

void js_api_attach(AppState* app) { g_app = app; }

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* bpl_state() { return out(g_app ? api_state_json(*g_app) : "null"); }

// query: URL-encoded pairs (bridge.js builds it from the object given to set()).
EMSCRIPTEN_KEEPALIVE const char* bpl_set(const char* query) {
    if (!g_app || !query) return out("{\"applied\":{},\"notices\":[\"not ready\"]}");
    frame_loop_wake();
    return out(api_set(*g_app, query));
}

EMSCRIPTEN_KEEPALIVE void bpl_play() {
    frame_loop_wake();
    if (g_app) session_set_running(*g_app, true);
}
EMSCRIPTEN_KEEPALIVE void bpl_pause() {
    frame_loop_wake();
    if (g_app) session_set_running(*g_app, false);
}
EMSCRIPTEN_KEEPALIVE void bpl_reset() {
    frame_loop_wake();
    if (g_app) session_reset(*g_app);
}
EMSCRIPTEN_KEEPALIVE const char* bpl_step(double epochs) {
    frame_loop_wake();
    return out(g_app ? api_step(*g_app, epochs) : "null");
}
EMSCRIPTEN_KEEPALIVE const char* bpl_weights() { return out(g_app ? bpl::weights_to_json(g_app->net) : "null"); }

EMSCRIPTEN_KEEPALIVE const char* bpl_load_weights(const char* json) {
    if (!g_app || !json) return out("{\"ok\":false,\"error\":\"not ready\"}");
    frame_loop_wake();
    return out(api_load_weights(*g_app, json));
}

// Messages from the JS side (clipboard results, refused API calls) shown as page notices.
EMSCRIPTEN_KEEPALIVE void bpl_notice(const char* text, int kind) {
    frame_loop_wake();
    if (g_app && text) api_notice(*g_app, std::string_view(text, strnlen(text, kMaxApiNoticeChars)), kind);
}

// ---- Step-through mode: phases, the engine's intermediates, what the formulas panel shows ----
EMSCRIPTEN_KEEPALIVE const char* bpl_step_phase(double n) {
    frame_loop_wake();
    return out(g_app ? api_step_phase(*g_app, n) : "null");
}
EMSCRIPTEN_KEEPALIVE const char* bpl_phase() { return out(g_app ? learn_phase_json(*g_app) : "null"); }
EMSCRIPTEN_KEEPALIVE const char* bpl_intermediates() { return out(g_app ? learn_intermediates_json(*g_app) : "null"); }
EMSCRIPTEN_KEEPALIVE const char* bpl_formula_values() {
    return out(g_app ? formula_view_json(formula_view(*g_app)) : "null");
}

// ---- insight tools: gradient check, rewind, history, before/after, lessons --------------------
EMSCRIPTEN_KEEPALIVE const char* bpl_grad_check() {
    frame_loop_wake();
    return out(g_app ? api_grad_check(*g_app) : "null");
}
EMSCRIPTEN_KEEPALIVE const char* bpl_rewind(double epoch) {
    frame_loop_wake();
    return out(g_app ? api_rewind(*g_app, epoch) : "null");
}
EMSCRIPTEN_KEEPALIVE const char* bpl_history() { return out(g_app ? history_json(*g_app) : "null"); }
EMSCRIPTEN_KEEPALIVE const char* bpl_before_after() { return out(g_app ? before_after_json(*g_app) : "null"); }
EMSCRIPTEN_KEEPALIVE const char* bpl_lessons() { return out(lessons_json()); }

// ---- the page as a guest (site/guest.js): what changes the page without an SDL event ---------
// Resizes of the canvas alone, a device pixel ratio change: draw again.
EMSCRIPTEN_KEEPALIVE void bpl_wake() { frame_loop_wake(); }
// IntersectionObserver and visibilitychange: out of view nothing trains and nothing is drawn.
EMSCRIPTEN_KEEPALIVE void bpl_set_in_view(int in_view) { frame_loop_set_in_view(in_view != 0); }
// prefers-color-scheme and prefers-reduced-motion, at start and when they change.
EMSCRIPTEN_KEEPALIVE void bpl_set_system(int dark, int reduced_motion) {
    if (g_app) guest_set_system(*g_app, dark != 0, reduced_motion != 0);
    frame_loop_wake();
}

// The embed's preferred height at a width (CSS px): site/bridge.js reports it to the host page
// whenever the frame's width changes, also before the first frame and while asleep.
EMSCRIPTEN_KEEPALIVE double bpl_embed_height(double width) {
    return width >= 1.0 ? embed_preferred_height(static_cast<float>(width)) : 0.0;
}

// ---- debug hooks -----------------------------------------------------------------------------
// For tests: where the last frame put the main parts, the scroll position, whether a tooltip is
// up and where ImGui thinks the pointer is (web/ui/layout_report.hpp).
EMSCRIPTEN_KEEPALIVE const char* bpl_debug_layout() { return out(layout_report_json()); }

// For tests and the console: Module._bpl_debug_map_check(48) renders a 48 x 48 grid of raw
// shader values for the output and every hidden unit of the current network and returns the
// largest |shader − CPU| (see map_renderer_check); -1 when maps are unavailable.
EMSCRIPTEN_KEEPALIVE double bpl_debug_map_check(int size) {
    return g_app ? map_renderer_check(g_app->net, size) : -1.0;
}

}   // extern "C"
