// The training session: start, reset, live settings, per-frame training under a time budget,
// the run's record (loss history thinned so it always spans the whole run, rewind history,
// gradient sizes, printed losses) and divergence handling.
#include "session.hpp"
#include <algorithm>
#include <cmath>
#include <limits>
#include "losses.hpp"
#include "thinning.hpp"
#include "trainer.hpp"

double session_now(const AppState& app) { return app.host->now_ms() / 1000.0; }

void session_refresh_predictions(AppState& app) {
    bpl::network_predict(app.net);
    // The training rows' mean loss plus the penalty: what an epoch reports, on the current weights.
    double loss = bpl::loss_forward(app.net.config.loss, bpl::network_output(app.net), bpl::network_targets(app.net),
                                    bpl::network_train_rows(app.net)) +
                  bpl::network_penalty(app.net);
    app.current_loss = loss;
    app.eval = bpl::network_evaluate(app.net);
    if (!std::isfinite(loss)) app.net.diverged = true;
}

static void clear_history(AppState& app) {
    app.loss_history.clear();
    app.test_loss_history.clear();
    app.loss_history_stride = 1;
    app.prev_params = app.net.params;
    app.backprop_pulse_time = -1.0;
    app.ms_per_epoch = 0.0;                            // a new net may be another size: measure again
    history_clear(app.history, app.net.param_count);   // rewind and gradient sizes start over too
    grad_history_clear(app.grad_norms, app.net.num_layers);
    app.insight.grad_check = {};
    app.insight.grad_check_epoch = -1;
    app.insight.scrub_epoch = -1;
    if (app.net.phase == 0 && app.net.batch_index == 0) history_record(app.history, app.net);
}

void session_init(AppState& app) {
    std::string error;
    if (!bpl::network_init(app.net, app.config, error)) {   // defaults are valid; keep going anyway
        session_notice(app, "Could not build the network: " + error, NoticeKind::error, 0.0);
    }
    clear_history(app);
    session_refresh_predictions(app);
}

void session_reset(AppState& app) {
    bpl::network_reset(app.net);
    clear_history(app);
    session_refresh_predictions(app);
    app.url_dirty = true;
    app.host->state_changed("reset");
}

static bool same_shape(const bpl::Config& a, const bpl::Config& b) {
    if (a.hidden_layers != b.hidden_layers) return false;
    for (int l = 0; l < a.hidden_layers; ++l)
        if (a.hidden_units[l] != b.hidden_units[l]) return false;
    return true;
}

void session_apply_config(AppState& app, const bpl::Config& cfg) {
    if (cfg == app.config) return;
    std::string error;
    bool restart = !same_shape(cfg, app.config) || cfg.seed != app.config.seed || cfg.init != app.config.init ||
                   cfg.batch != app.config.batch || bpl::config_batch_rows(cfg) != bpl::config_batch_rows(app.config) ||
                   !(cfg.data == app.config.data);
    bool ok = !restart && bpl::network_set_training(app.net, cfg, error);
    if (!ok) {
        bpl::Network fresh;
        if (!bpl::network_init(fresh, cfg, error)) {
            session_notice(app, error, NoticeKind::error);
            return;
        }
        app.net = std::move(fresh);
        clear_history(app);
        // The followed point must exist in the new data; "all rows" is a truth table's.
        if (app.selected_row >= app.net.data.samples || (app.net.data.cloud && app.selected_row < 0))
            app.selected_row = 0;
    } else {
        history_mark_break(app.history);   // the rewind history keyframes the change
    }
    app.config = cfg;
    session_refresh_predictions(app);
    app.url_dirty = true;
    app.host->state_changed("params");
}

void session_set_running(AppState& app, bool running) {
    if (running && app.net.diverged) running = false;   // nothing sensible to train
    if (running == app.running) return;
    app.running = running;
    app.host->state_changed(running ? "play" : "pause");
}

// A loss as the curve stores it: a huge finite loss stays finite (float's largest value).
static float curve_value(double loss) {
    return static_cast<float>(std::min(loss, double(std::numeric_limits<float>::max())));
}

// Truth tables: the epoch's reported loss, as the reference prints it. Point clouds: training
// and test loss, both on the weights at the end of the epoch, so the two curves compare.
static void record_loss(AppState& app) {
    double loss = app.net.epoch_loss, test = 0.0;
    if (app.net.data.cloud) {
        const bpl::Evaluation e = bpl::network_evaluate(app.net);
        loss = e.train_loss;
        test = e.test_loss;
    }
    if (!std::isfinite(loss) || !std::isfinite(test)) return;
    app.loss_history.push_back(curve_value(loss));
    if (app.net.data.cloud) app.test_loss_history.push_back(curve_value(test));
    if (app.loss_history.size() < kLossHistoryCap) return;
    long long stride = app.loss_history_stride;
    if (!app.test_loss_history.empty()) thin_to_odd_points(app.test_loss_history, 1, stride);
    thin_to_odd_points(app.loss_history, 1, app.loss_history_stride);
}

static void on_diverged(AppState& app) {
    app.running = false;
    app.host->state_changed("diverged");
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
    const double start = app.host->now_ms();
    long long done = 0, since_check = 0;   // the clock is read every per_check epochs, not per chunk
    long long per_check = epochs_between_checks(app.ms_per_epoch);
    while (done < epochs && !app.net.diverged) {
        long long stride = app.loss_history_stride;
        long long to_point = stride - (app.net.epoch % stride);
        long long to_print = print_log_epochs_to_next(app.print_log, app.net, app.config);
        long long chunk = std::min({epochs - done, to_point, per_check - since_check, to_print});
        long long ran = history_train_epochs(app.history, app.net, chunk, [&](const bpl::Network& net) {
            grad_history_record(app.grad_norms, net);   // train_epochs + rewind keyframes, gradient sizes
        });
        print_log_after_epochs(app.print_log, app.net);   // the reference's `Epoch N, Loss: X` lines
        done += ran;
        since_check += ran;
        if (ran > 0 && app.net.epoch % stride == 0) record_loss(app);
        if (ran < chunk) break;   // diverged
        if (since_check < per_check) continue;
        since_check = 0;
        const double now = app.host->now_ms();
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

void session_train_frame(AppState& app) {
    app.epochs_last_frame = 0;
    app.budget_limited = false;
    if (!app.running || app.net.diverged) return;
    double start = app.host->now_ms();
    app.epochs_last_frame = train_recording(app, app.epochs_per_frame * std::max(1, app.frame_ticks),
                                            start + app.train_budget_ms);
    session_refresh_predictions(app);
    app.train_ms = app.host->now_ms() - start;
    if (app.net.diverged) on_diverged(app);
}

void session_step(AppState& app, long long epochs) {
    session_set_running(app, false);
    if (app.net.diverged) return;
    epochs = std::clamp<long long>(epochs, 1, kMaxStepEpochs);
    train_recording(app, epochs, app.host->now_ms() + 1e9);
    session_refresh_predictions(app);
    if (app.net.diverged) on_diverged(app);
    app.host->state_changed("step");
}

void session_after_weights_loaded(AppState& app) {
    clear_history(app);
    session_refresh_predictions(app);
    app.url_dirty = true;
    app.host->state_changed("weights");
}

void session_lower_learning_rate(AppState& app) {
    bpl::Config cfg = app.config;
    cfg.lr = std::max(cfg.lr / 10.0, bpl::kMinLearningRate);
    std::string error;
    if (bpl::config_validate(cfg, error)) app.config = cfg;
    bpl::Network fresh;
    if (bpl::network_init(fresh, app.config, error)) app.net = std::move(fresh);
    clear_history(app);
    session_refresh_predictions(app);
    app.url_dirty = true;
    app.host->state_changed("params");
}

void session_notice(AppState& app, const std::string& text, NoticeKind kind, double seconds) {
    std::string shown = text.size() > kMaxNoticeChars ? text.substr(0, kMaxNoticeChars - 3) + "..." : text;
    double expires = seconds > 0.0 ? session_now(app) + seconds : 0.0;
    for (Notice& n : app.notices) {
        if (n.text == shown) {
            n.expires_at = expires;
            n.kind = kind;
            return;
        }
    }
    if (app.notices.size() >= kMaxNotices) app.notices.erase(app.notices.begin());
    app.notices.push_back({shown, expires, kind});
}

void session_expire_notices(AppState& app, double now) {
    app.notices.erase(std::remove_if(app.notices.begin(), app.notices.end(),
                                     [now](const Notice& n) { return n.expires_at > 0.0 && n.expires_at < now; }),
                      app.notices.end());
}
