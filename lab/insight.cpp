// Rewinding (with the loss history cut to match), the gradient check, and their JSON.
#include "insight.hpp"
#include <algorithm>
#include <cmath>
#include "session.hpp"
#include "before_after.hpp"
#include "json_text.hpp"
#include "losses.hpp"
#include "trainer.hpp"

// ---- rewind --------------------------------------------------------------------------------

static void truncate_loss_history(AppState& app, long long epoch) {
    size_t keep = size_t(std::max(0LL, epoch / app.loss_history_stride));   // point i = epoch (i + 1)·stride
    if (keep < app.loss_history.size()) app.loss_history.resize(keep);
    if (keep < app.test_loss_history.size()) app.test_loss_history.resize(keep);
}

long long insight_rewind(AppState& app, long long epoch) {
    long long found = history_find(app.history, epoch);
    if (found < 0) return -1;
    session_set_running(app, false);
    if (!history_restore(app.history, found, app.net)) return -1;
    app.config = app.net.config;
    history_truncate(app.history, found);
    grad_history_truncate(app.grad_norms, found);
    truncate_loss_history(app, found);
    session_refresh_predictions(app);
    app.prev_params = app.net.params;
    app.backprop_pulse_time = -1.0;
    app.url_dirty = true;
    app.host->state_changed("rewind");
    return found;
}

void insight_run_grad_check(AppState& app) {
    app.insight.grad_check = bpl::gradient_check(app.net);
    app.insight.grad_check_epoch = app.net.epoch;
}

// ---- JSON ----------------------------------------------------------------------------------

std::string grad_check_json(const AppState& app) {
    const bpl::GradCheckResult& r = app.insight.grad_check;
    std::string entries = "[";
    for (const bpl::GradCheckEntry& e : r.entries) {
        if (entries.size() > 1) entries += ',';
        entries += "{\"layer\":" + std::to_string(e.layer) + ",\"bias\":" + json_bool(e.is_bias) +
                   ",\"row\":" + std::to_string(e.row) + ",\"col\":" + std::to_string(e.col) +
                   ",\"backprop\":" + json_number(e.backprop) + ",\"numerical\":" + json_number(e.numerical) +
                   ",\"relError\":" + json_number(e.rel_error) + "}";
    }
    return "{\"epoch\":" + std::to_string(app.insight.grad_check_epoch) +
           ",\"maxRelError\":" + json_number(r.max_rel_error) + ",\"entries\":" + entries + "]}";
}

std::string history_json(const AppState& app) {
    const History& h = app.history;
    const GradHistory& g = app.grad_norms;
    std::string last = "[";
    size_t points = grad_history_points(g);
    for (int l = 0; points > 0 && l < g.layers; ++l)
        last += (l ? "," : "") + json_number(g.norms[(points - 1) * size_t(g.layers) + size_t(l)]);
    return "{\"oldest\":" + std::to_string(history_oldest(h)) + ",\"newest\":" + std::to_string(h.newest) +
           ",\"count\":" + std::to_string(history_count(h)) + ",\"exact\":" + std::to_string(history_exact_count(h)) +
           ",\"thinnedStride\":" + std::to_string(h.thinned_stride) + ",\"gradNormPoints\":" + std::to_string(points) +
           ",\"gradNormStride\":" + std::to_string(g.stride) + ",\"gradNormsLast\":" + last + "]}";
}

std::string before_after_json(const AppState& app) {
    BeforeAfter ba = update_before_after(app.net);
    if (!ba.valid) return "{\"valid\":false}";
    return "{\"valid\":true,\"pending\":" + json_bool(ba.pending) + ",\"epoch\":" + std::to_string(ba.epoch) +
           ",\"batch\":" + std::to_string(ba.batch) + ",\"row0\":" + std::to_string(ba.row0) +
           ",\"rows\":" + std::to_string(ba.rows) + ",\"before\":" + json_number(ba.before) +
           ",\"after\":" + json_number(ba.after) + "}";
}
