// Exported functions behind window.backpropLab. Strings in are UTF-8 (copied by the JS side);
// strings out are JSON in one static buffer that JS reads at once with UTF8ToString.
#include "js_bridge.hpp"
#include <cmath>
#include <cstring>
#include <string>
#include <emscripten.h>
#include "app.hpp"
#include "formula_view.hpp"
#include "insight.hpp"
#include "json_text.hpp"
#include "learn.hpp"
#include "lessons.hpp"
#include "url_params.hpp"
#include "weights_json.hpp"

namespace {

AppState* g_app = nullptr;
std::string g_out;

const char* out(std::string text) { return js_bridge_return(std::move(text)); }

std::string state_json(const AppState& app) {
    const double* outputs = bpl::network_output(app.net);
    std::string predictions = "[";
    for (int r = 0; r < bpl::kSamples; ++r) predictions += (r ? "," : "") + json_number(outputs[r]);
    predictions += "]";
    std::string notices = "[";
    for (size_t i = 0; i < app.notices.size(); ++i) notices += (i ? "," : "") + json_string(app.notices[i].text);
    notices += "]";
    return "{\"epoch\":" + std::to_string(app.net.epoch) +
           ",\"loss\":" + json_number(app.net.diverged ? NAN : app.current_loss) +
           ",\"running\":" + json_bool(app.running) +
           ",\"params\":" + params_json(app) +
           ",\"predictions\":" + predictions +
           ",\"fps\":" + json_number(std::round(app.fps * 10) / 10) +
           ",\"frameMs\":" + json_number(std::round(app.frame_ms * 100) / 100) +
           ",\"epochsLastFrame\":" + std::to_string(app.epochs_last_frame) +
           ",\"trainMs\":" + json_number(std::round(app.train_ms * 100) / 100) +
           ",\"diverged\":" + json_bool(app.net.diverged) +
           ",\"historyPoints\":" + std::to_string(app.loss_history.size()) +
           ",\"glContextLost\":" + json_bool(app.gl_context_lost) +
           ",\"lesson\":" + lesson_state_json(app) +
           ",\"notices\":" + notices + "}";
}

std::string error_json(const std::string& message) {
    return "{\"ok\":false,\"error\":" + json_string(message) + "}";
}

// Weights for the page: the engine checks structure; the page also caps units per layer.
bool load_weights(AppState& app, const char* text, std::string& error) {
    size_t n = std::strlen(text);
    if (n > bpl::kMaxWeightsJsonBytes) {
        error = "weights: " + std::to_string(n) + " bytes of JSON (at most " +
                std::to_string(bpl::kMaxWeightsJsonBytes) + ")";
        return false;
    }
    bpl::WeightsFile w;
    if (!bpl::weights_from_json(std::string_view(text, n), w, error)) return false;
    for (size_t l = 0; l + 1 < w.layers.size(); ++l) {
        if (w.layers[l].fan_out > kPageMaxHiddenUnits) {
            error = "layers[" + std::to_string(l) + "]: " + std::to_string(w.layers[l].fan_out) +
                    " units; the page shows at most 16 per layer";
            return false;
        }
    }
    bpl::Config cfg = app.config;
    bpl::config_set_shape_from(cfg, w);
    bpl::Network fresh;
    if (!bpl::network_init(fresh, cfg, error)) return false;
    if (!bpl::weights_load(fresh, w, error)) return false;
    app.net = std::move(fresh);
    app.config = cfg;
    return true;
}

}  // namespace

void js_bridge_attach(AppState* app) {
    g_app = app;
    insight_bridge_attach(app);   // gradCheck, rewind, history, beforeAfter, lessons (web/insight_bridge.cpp)
}

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* bpl_state() {
    if (!g_app) return out("null");
    return out(state_json(*g_app));
}

// query: URL-encoded pairs (bridge.js builds it from the object given to set()).
EMSCRIPTEN_KEEPALIVE const char* bpl_set(const char* query) {
    if (!g_app || !query) return out("{\"applied\":{},\"notices\":[\"not ready\"]}");
    ParamResult r = apply_params(*g_app, query);
    std::string applied = "{";
    for (const std::string& key : r.applied) {
        std::string entry = json_string(key) + ":";
        if (applied.find(entry) != std::string::npos) continue;
        if (applied.size() > 1) applied += ',';
        applied += entry + param_value_json(*g_app, key);
    }
    std::string notices = "[";
    for (size_t i = 0; i < r.notices.size(); ++i) notices += (i ? "," : "") + json_string(r.notices[i]);
    return out("{\"applied\":" + applied + "},\"notices\":" + notices + "]}");
}

EMSCRIPTEN_KEEPALIVE void bpl_play() { if (g_app) app_set_running(*g_app, true); }
EMSCRIPTEN_KEEPALIVE void bpl_pause() { if (g_app) app_set_running(*g_app, false); }
EMSCRIPTEN_KEEPALIVE void bpl_reset() { if (g_app) app_reset(*g_app); }

EMSCRIPTEN_KEEPALIVE const char* bpl_step(double epochs) {
    if (!g_app) return out("null");
    if (!std::isfinite(epochs)) epochs = 1;
    app_step(*g_app, static_cast<long long>(std::fmin(std::fmax(epochs, 1.0), double(kMaxStepEpochs))));
    return out(state_json(*g_app));
}

EMSCRIPTEN_KEEPALIVE const char* bpl_weights() {
    if (!g_app) return out("null");
    return out(bpl::weights_to_json(g_app->net));
}

EMSCRIPTEN_KEEPALIVE const char* bpl_load_weights(const char* json) {
    if (!g_app || !json) return out(error_json("not ready"));
    std::string error;
    if (!load_weights(*g_app, json, error)) {
        app_notice(*g_app, "Weights not loaded: " + error, NoticeKind::error);
        return out(error_json(error));
    }
    app_set_running(*g_app, false);
    app_after_weights_loaded(*g_app);
    app_notice(*g_app, "Weights loaded; training paused.", NoticeKind::info, 4.0);
    return out("{\"ok\":true}");
}

// Messages from the JS side (clipboard results, refused API calls) shown as page notices.
EMSCRIPTEN_KEEPALIVE void bpl_notice(const char* text, int kind) {
    if (!g_app || !text) return;
    NoticeKind k = kind == 0 ? NoticeKind::info : kind == 2 ? NoticeKind::error : NoticeKind::warning;
    app_notice(*g_app, std::string(text, strnlen(text, 400)), k, kind == 0 ? 4.0 : 8.0);
}

// ---- Step-through mode: phases, the engine's intermediates, what the formulas panel shows ----
EMSCRIPTEN_KEEPALIVE const char* bpl_step_phase(double n) {
    if (!g_app) return out("null");
    if (!std::isfinite(n)) n = 1;
    learn_step_phases(*g_app, static_cast<int>(std::fmin(std::fmax(n, 1.0), 1000.0)));
    return out(learn_phase_json(*g_app));
}
EMSCRIPTEN_KEEPALIVE const char* bpl_phase() { return out(g_app ? learn_phase_json(*g_app) : "null"); }
EMSCRIPTEN_KEEPALIVE const char* bpl_intermediates() { return out(g_app ? learn_intermediates_json(*g_app) : "null"); }
EMSCRIPTEN_KEEPALIVE const char* bpl_formula_values() {
    return out(g_app ? formula_view_json(formula_view(*g_app)) : "null");
}

}  // extern "C"

const char* js_bridge_return(std::string text) {
    g_out = std::move(text);
    return g_out.c_str();
}
