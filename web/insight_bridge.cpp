// window.backpropLab additions for the insight tools: gradCheck, rewind, history, beforeAfter,
// lessons. Same conventions as web/js_bridge.cpp: JSON out through one static buffer.
#include <cmath>
#include <string>
#include <emscripten.h>
#include "insight.hpp"
#include "js_bridge.hpp"
#include "lessons.hpp"

namespace {

AppState* g_app = nullptr;
const char* out(std::string text) { return js_bridge_return(std::move(text)); }

}  // namespace

void insight_bridge_attach(AppState* app) { g_app = app; }

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* bpl_grad_check() {
    if (!g_app) return out("null");
    insight_run_grad_check(*g_app);
    g_app->insight.show_tab = InsightTab::grad_check;
    return out(grad_check_json(*g_app));
}

EMSCRIPTEN_KEEPALIVE const char* bpl_rewind(double epoch) {
    if (!g_app) return out("null");
    if (!std::isfinite(epoch) || epoch < 0) return out("{\"ok\":false,\"epoch\":" + std::to_string(g_app->net.epoch) + "}");
    long long got = insight_rewind(*g_app, static_cast<long long>(std::fmin(epoch, 9e15)));
    long long now = g_app->net.epoch;
    return out("{\"ok\":" + std::string(got >= 0 ? "true" : "false") + ",\"epoch\":" + std::to_string(now) + "}");
}

EMSCRIPTEN_KEEPALIVE const char* bpl_history() {
    if (!g_app) return out("null");
    return out(history_json(*g_app));
}

EMSCRIPTEN_KEEPALIVE const char* bpl_before_after() {
    if (!g_app) return out("null");
    return out(before_after_json(*g_app));
}

EMSCRIPTEN_KEEPALIVE const char* bpl_lessons() { return out(lessons_json()); }

}  // extern "C"
