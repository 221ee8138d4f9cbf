// The JS API's answers, as JSON, from the lab's state: what window.backpropLab's functions
// return. Everything is checked here (the platform only passes strings and numbers through), so
// the whole API runs and is tested natively.
#include "api.hpp"
#include <algorithm>
#include <cmath>
#include <string>
#include "formula_view.hpp"
#include "guest.hpp"
#include "insight.hpp"
#include "json_text.hpp"
#include "learn.hpp"
#include "lessons.hpp"
#include "session.hpp"
#include "url_params.hpp"
#include "weights_json.hpp"

namespace {

std::string error_json(const std::string& message) { return "{\"ok\":false,\"error\":" + json_string(message) + "}"; }

// Weights for the page: the engine checks structure; the page also caps units per layer.
bool load_weights(AppState& app, std::string_view text, std::string& error) {
    size_t n = text.size();
    if (n > bpl::kMaxWeightsJsonBytes) {
        error = "weights: " + std::to_string(n) + " bytes of JSON (at most " +
                std::to_string(bpl::kMaxWeightsJsonBytes) + ")";
        return false;
    }
    bpl::WeightsFile w;
    if (!bpl::weights_from_json(text, w, error)) return false;
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

// The followed point (a table's row, a cloud's point): its inputs, target, output and set, so a
// reader hears one point without a row per point; null while a table follows all rows.
std::string point_json(const AppState& app) {
    const bpl::Dataset& d = app.net.data;
    const int p = app.selected_row;
    if (p < 0 || p >= d.samples) return "null";
    const size_t i = size_t(p);
    const double output = bpl::network_eval(app.net, d.x[2 * i], d.x[2 * i + 1]);
    return "{\"index\":" + std::to_string(p) + ",\"x\":[" + json_number(d.x[2 * i]) + "," +
           json_number(d.x[2 * i + 1]) + "],\"target\":" + json_number(d.y[i]) +
           ",\"output\":" + json_number(app.net.diverged ? NAN : output) + ",\"train\":" + json_bool(p < d.train) + "}";
}

}   // namespace

std::string api_state_json(const AppState& app) {
    // Truth tables: each row's output (rows never reorder there). Point clouds: the counts and
    // accuracies below say it; hundreds of outputs would swamp every state report.
    const double* outputs = bpl::network_output(app.net);
    std::string predictions = "[";
    if (!app.net.data.cloud)
        for (int r = 0; r < app.net.data.samples; ++r) predictions += (r ? "," : "") + json_number(outputs[r]);
    predictions += "]";
    const bpl::Evaluation& e = app.eval;
    const bool live = !app.net.diverged;
    const int rows_right = live ? e.train_right : 0;   // output on the target's side of 0.5 (none once diverged)
    auto accuracy = [&](int right, int count) { return count && live ? json_number(double(right) / count) : "null"; };
    auto loss_or_null = [&](double loss, int count) { return count && live ? json_number(loss) : "null"; };
    const std::string data = "{\"samples\":" + std::to_string(app.net.data.samples) +
                             ",\"train\":" + std::to_string(e.train_count) +
                             ",\"test\":" + std::to_string(e.test_count) +
                             ",\"cloud\":" + json_bool(app.net.data.cloud) + "}";
    std::string notices = "[";
    for (size_t i = 0; i < app.notices.size(); ++i) notices += (i ? "," : "") + json_string(app.notices[i].text);
    notices += "]";
    return "{\"epoch\":" + std::to_string(app.net.epoch) +
           ",\"loss\":" + json_number(app.net.diverged ? NAN : app.current_loss) +
           ",\"running\":" + json_bool(app.running) + ",\"params\":" + params_json(app) +
           ",\"predictions\":" + predictions + ",\"rowsRight\":" + std::to_string(rows_right) + ",\"data\":" + data +
           ",\"trainLoss\":" + loss_or_null(e.train_loss, e.train_count) +
           ",\"testLoss\":" + loss_or_null(e.test_loss, e.test_count) +
           ",\"trainAccuracy\":" + accuracy(e.train_right, e.train_count) +
           ",\"testAccuracy\":" + accuracy(e.test_right, e.test_count) +
           ",\"selectedPoint\":" + std::to_string(app.selected_row) + ",\"point\":" + point_json(app) +
           ",\"fps\":" + json_number(std::round(app.fps * 10) / 10) +
           ",\"frameMs\":" + json_number(std::round(app.frame_ms * 100) / 100) +
           ",\"epochsLastFrame\":" + std::to_string(app.epochs_last_frame) +
           ",\"trainMs\":" + json_number(std::round(app.train_ms * 100) / 100) +
           ",\"diverged\":" + json_bool(app.net.diverged) +
           ",\"historyPoints\":" + std::to_string(app.loss_history.size()) +
           ",\"glContextLost\":" + json_bool(app.gl_context_lost) + ",\"lesson\":" + lesson_state_json(app) +
           ",\"visible\":" + json_bool(app.guest.visible) + ",\"idle\":" + json_bool(app.guest.idle) +
           ",\"framesDrawn\":" + std::to_string(app.frames_drawn) +
           ",\"theme\":" + json_string(guest_dark(app) ? "dark" : "light") +
           ",\"reducedMotion\":" + json_bool(guest_reduced_motion(app)) + ",\"notices\":" + notices + "}";
}

std::string api_set(AppState& app, std::string_view query) {
    ParamResult r = apply_params(app, query);
    std::string applied = "{";
    for (const std::string& key : r.applied) {
        std::string entry = json_string(key) + ":";
        if (applied.find(entry) != std::string::npos) continue;
        if (applied.size() > 1) applied += ',';
        applied += entry + param_value_json(app, key);
    }
    std::string notices = "[";
    for (size_t i = 0; i < r.notices.size(); ++i) notices += (i ? "," : "") + json_string(r.notices[i]);
    return "{\"applied\":" + applied + "},\"notices\":" + notices + "]}";
}

std::string api_step(AppState& app, double epochs) {
    if (!std::isfinite(epochs)) epochs = 1;
    session_step(app, static_cast<long long>(std::fmin(std::fmax(epochs, 1.0), double(kMaxStepEpochs))));
    return api_state_json(app);
}

std::string api_load_weights(AppState& app, std::string_view json) {
    std::string error;
    if (!load_weights(app, json, error)) {
        session_notice(app, "Weights not loaded: " + error, NoticeKind::error);
        return error_json(error);
    }
    session_set_running(app, false);
    session_after_weights_loaded(app);
    session_notice(app, "Weights loaded; training paused.", NoticeKind::info, 4.0);
    return "{\"ok\":true}";
}

void api_notice(AppState& app, std::string_view text, int kind) {
    NoticeKind k = kind == 0 ? NoticeKind::info : kind == 2 ? NoticeKind::error : NoticeKind::warning;
    session_notice(app, std::string(text.substr(0, kMaxApiNoticeChars)), k, kind == 0 ? 4.0 : 8.0);
}

std::string api_step_phase(AppState& app, double n) {
    if (!std::isfinite(n)) n = 1;
    learn_step_phases(app, static_cast<int>(std::fmin(std::fmax(n, 1.0), double(kMaxApiPhases))));
    return learn_phase_json(app);
}

std::string api_grad_check(AppState& app) {
    insight_run_grad_check(app);
    app.insight.show_tab = InsightTab::grad_check;
    return grad_check_json(app);
}

std::string api_rewind(AppState& app, double epoch) {
    if (!std::isfinite(epoch) || epoch < 0) return "{\"ok\":false,\"epoch\":" + std::to_string(app.net.epoch) + "}";
    long long got = insight_rewind(app, static_cast<long long>(std::fmin(epoch, 9e15)));
    return "{\"ok\":" + std::string(got >= 0 ? "true" : "false") + ",\"epoch\":" + std::to_string(app.net.epoch) + "}";
}
