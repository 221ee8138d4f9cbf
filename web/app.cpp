// The page's training side: start, reset, live settings, per-frame training under a time budget,
// the loss history (thinned so it always spans the whole run) and divergence handling.
#include "app.hpp"
#include <algorithm>
#include <cmath>
#include <emscripten.h>
#include "host.hpp"
#include "insight.hpp"
#include "learn.hpp"
#include "losses.hpp"
#include "trainer.hpp"

double app_now_seconds() { return emscripten_get_now() / 1000.0; }

static void refresh_predictions(AppState& app) {
    bpl::network_predict(app.net);
    double loss = bpl::loss_forward(app.net.config.loss, bpl::network_output(app.net),
                                    bpl::kXorTargets, bpl::kSamples);
    app.current_loss = loss;
    if (!std::isfinite(loss)) app.net.diverged = true;
}

static void clear_history(AppState& app) {
    app.loss_history.clear();
    app.loss_history_stride = 1;
    app.prev_params = app.net.params;
    app.backprop_pulse_time = -1.0;
    app.ms_per_epoch = 0.0;  // a new net may be another size: measure again
    insight_on_clear(app);   // rewind history and gradient sizes start over too
}

void app_init(AppState& app) {
    std::string error;
    if (!bpl::network_init(app.net, app.config, error)) {   // defaults are valid; keep going anyway
        app_notice(app, "Could not build the network: " + error, NoticeKind::error, 0.0);
    }
    clear_history(app);
    refresh_predictions(app);
}

void app_reset(AppState& app) {
    bpl::network_reset(app.net);
    clear_history(app);
    refresh_predictions(app);
    app.url_dirty = true;
    host_state_changed("reset");
}

static bool same_shape(const bpl::Config& a, const bpl::Config& b) {
    if (a.hidden_layers != b.hidden_layers) return false;
    for (int l = 0; l < a.hidden_layers; ++l)
        if (a.hidden_units[l] != b.hidden_units[l]) return false;
    return true;
}

void app_apply_config(AppState& app, const bpl::Config& cfg) {
    if (cfg == app.config) return;
    std::string error;
    bool restart = !same_shape(cfg, app.config) || cfg.seed != app.config.seed ||
                   cfg.init != app.config.init || cfg.batch != app.config.batch;
    bool ok = !restart && bpl::network_set_training(app.net, cfg, error);
    if (!ok) {
        bpl::Network fresh;
        if (!bpl::network_init(fresh, cfg, error)) {
            app_notice(app, error, NoticeKind::error);
            return;
        }
        app.net = std::move(fresh);
        clear_history(app);
    } else {
        insight_on_settings_changed(app);   // the rewind history keyframes the change
    }
    app.config = cfg;
    refresh_predictions(app);
    app.url_dirty = true;
    host_state_changed("params");
}

void app_set_running(AppState& app, bool running) {
    if (running && app.net.diverged) running = false;   // nothing sensible to train
    if (running == app.running) return;
    app.running = running;
    host_state_changed(running ? "play" : "pause");
}

static void record_loss(AppState& app) {
    double loss = app.net.epoch_loss;
    if (!std::isfinite(loss)) return;
    app.loss_history.push_back(static_cast<float>(loss));
    if (app.loss_history.size() < kLossHistoryCap) return;
    // Point i stands for epoch (i + 1) · stride; keep the odd ones, which stand for epochs
    // 2·stride, 4·stride, … so the invariant holds with the doubled stride.
    size_t kept = 0;
    for (size_t i = 1; i < app.loss_history.size(); i += 2) app.loss_history[kept++] = app.loss_history[i];
    app.loss_history.resize(kept);
    app.loss_history_stride *= 2;
}

static void on_diverged(AppState& app) {
    app.running = false;
    host_state_changed("diverged");
}

// Epochs between clock reads: about kClockCheckMs of training at the speed measured so far, so
// a frame overshoots its budget by about that much whatever the network's size (a fixed 256
// epochs of the 4x16 tanh net took 3-6 ms in the page: most of the 8 ms budget).
constexpr double kClockCheckMs = 0.5;

static long long epochs_between_checks(double ms_per_epoch) {
    if (!(ms_per_epoch > 0.0)) return 16;   // not measured yet
    return std::clamp<long long>(static_cast<long long>(kClockCheckMs / ms_per_epoch), 1, 256);
}

// Trains up to `epochs`, recording the history; stops at divergence or past `deadline` (ms).
static long long train_recording(AppState& app, long long epochs, double deadline_ms) {
    const double start = emscripten_get_now();
    long long done = 0;
    long long per_check = epochs_between_checks(app.ms_per_epoch);
    while (done < epochs && !app.net.diverged) {
        long long stride = app.loss_history_stride;
        long long to_point = stride - (app.net.epoch % stride);
        long long chunk = std::min({epochs - done, to_point, per_check, learn_epochs_to_print(app)});
        long long ran = insight_train_epochs(app, chunk);   // train_epochs + rewind keyframes, gradient sizes
        learn_after_epochs(app);   // the reference's `Epoch N, Loss: X` lines
        done += ran;
        if (ran > 0 && app.net.epoch % stride == 0) record_loss(app);
        if (ran < chunk) break;   // diverged
        const double now = emscripten_get_now();
        if (now > deadline_ms) {
            app.budget_limited = done < epochs;
            break;
        }
        if (now - start > 4 * kClockCheckMs) {   // long enough to read through a coarse clock
            app.ms_per_epoch = (now - start) / double(done);
            per_check = epochs_between_checks(app.ms_per_epoch);
        }
    }
    return done;
}

void app_train_frame(AppState& app) {
    app.epochs_last_frame = 0;
    app.budget_limited = false;
    if (!app.running || app.net.diverged) return;
    if (learn_train_frame(app)) return;   // Step-through mode plays phases in slow motion
    double start = emscripten_get_now();
    app.epochs_last_frame = train_recording(app, app.epochs_per_frame, start + app.train_budget_ms);
    refresh_predictions(app);
    app.train_ms = emscripten_get_now() - start;
    if (app.net.diverged) on_diverged(app);
}

void app_step(AppState& app, long long epochs) {
    app_set_running(app, false);
    if (app.net.diverged) return;
    epochs = std::clamp<long long>(epochs, 1, kMaxStepEpochs);
    train_recording(app, epochs, emscripten_get_now() + 1e9);
    refresh_predictions(app);
    if (app.net.diverged) on_diverged(app);
    host_state_changed("step");
}

void app_after_weights_loaded(AppState& app) {
    clear_history(app);
    refresh_predictions(app);
    app.url_dirty = true;
    host_state_changed("weights");
}

void app_lower_learning_rate(AppState& app) {
    bpl::Config cfg = app.config;
    cfg.lr = std::max(cfg.lr / 10.0, bpl::kMinLearningRate);
    std::string error;
    if (bpl::config_validate(cfg, error)) app.config = cfg;
    bpl::Network fresh;
    if (bpl::network_init(fresh, app.config, error)) app.net = std::move(fresh);
    clear_history(app);
    refresh_predictions(app);
    app.url_dirty = true;
    host_state_changed("params");
}

void app_notice(AppState& app, const std::string& text, NoticeKind kind, double seconds) {
    std::string shown = text.size() > 1500 ? text.substr(0, 1497) + "..." : text;
    double expires = seconds > 0.0 ? app_now_seconds() + seconds : 0.0;
    for (Notice& n : app.notices) {
        if (n.text == shown) { n.expires_at = expires; n.kind = kind; return; }
    }
    if (app.notices.size() >= kMaxNotices) app.notices.erase(app.notices.begin());
    app.notices.push_back({shown, expires, kind});
}

void app_expire_notices(AppState& app, double now) {
    app.notices.erase(std::remove_if(app.notices.begin(), app.notices.end(),
                                     [now](const Notice& n) { return n.expires_at > 0.0 && n.expires_at < now; }),
                      app.notices.end());
}
