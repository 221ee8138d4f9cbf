// Step-through mode: phase stepping and slow-motion play, flowchart jumps and the sticky focus
// of the formulas (see learn.hpp).
#include "learn.hpp"
#include <algorithm>
#include "guest.hpp"
#include "session.hpp"
#include "number_text.hpp"
#include "print_log.hpp"

// ---- where the stepper is ------------------------------------------------------------------

PhaseView learn_phase_view(const bpl::Network& net) {
    PhaseView v;
    v.count = bpl::phase_count(net);
    int batches = bpl::batches_per_epoch(net);
    v.ran = !(net.epoch == 0 && net.batch_index == 0 && net.phase == 0);
    if (net.phase > 0) {
        v.index = net.phase - 1;
        v.batch = net.batch_index;
        v.epoch = net.epoch;
    } else {   // the last phase of the previous batch ran
        v.index = v.count - 1;
        v.batch = (net.batch_index + batches - 1) % batches;
        v.epoch = net.batch_index == 0 ? net.epoch - 1 : net.epoch;
        v.epoch_done = net.batch_index == 0 && v.ran;
    }
    v.phase = bpl::phase_at(net, v.index);
    v.rows = bpl::batch_rows_at(net, v.batch, &v.row0);
    return v;
}

std::string learn_phase_title(const bpl::Network& net, const bpl::Phase& p) {
    std::string layer = std::to_string(p.layer + 1);
    bool output = p.layer == net.num_layers - 1;
    switch (p.kind) {
        case bpl::PhaseKind::forward: return output ? "forward, output layer" : "forward, hidden layer " + layer;
        case bpl::PhaseKind::loss: return "loss";
        case bpl::PhaseKind::output_delta: return "output-layer δ";
        case bpl::PhaseKind::hidden_delta: return "hidden-layer δ, layer " + layer;
        case bpl::PhaseKind::gradients: return "gradients ∂L/∂W, ∂L/∂b";
        case bpl::PhaseKind::update: return "gradient-descent update";
    }
    return "?";
}

const std::vector<double>* learn_params_before_update(const AppState& app) {
    const LearnState& s = app.learn;
    bool current = learn_phase_view(app.net).phase.kind == bpl::PhaseKind::update &&
                   s.params_after_update == app.net.params && s.params_before_update.size() == app.net.params.size();
    return current ? &s.params_before_update : nullptr;
}

int learn_focus_row(const AppState& app, const PhaseView& v) {
    if (v.rows == 1) return v.row0;
    // The selected point's row when it is in this batch, else the batch's first row.
    const int row = bpl::network_row_of_point(app.net, app.selected_row >= 0 ? app.selected_row : 0);
    return row >= v.row0 && row < v.row0 + v.rows ? row : v.row0;
}

float learn_ease(const AppState& app) {
    if (guest_reduced_motion(app)) return 1.0f;   // values change at once, with no easing
    double t = (session_now(app) - app.learn.changed_at) / kLearnEaseSeconds;
    float k = static_cast<float>(std::clamp(t, 0.0, 1.0));
    return k * k * (3.0f - 2.0f * k);
}

std::string learn_faithful_reasons(const AppState& app) {
    const bpl::Config& c = app.config;
    std::string why;
    auto add = [&](const std::string& r) { why += (why.empty() ? "" : "; ") + r; };
    if (c.hidden_layers != 1)
        add(c.hidden_layers == 0 ? "no hidden layer (it has 1)"
                                 : std::to_string(c.hidden_layers) + " hidden layers (it has 1)");
    if (c.activation != bpl::Activation::sigmoid)
        add(std::string("hidden activation ") + bpl::activation_info(c.activation).label + " (it uses sigmoid)");
    if (c.output_activation != bpl::Activation::sigmoid) add("linear output (it uses sigmoid)");
    if (c.loss != bpl::Loss::mse) add(std::string("loss ") + bpl::loss_info(c.loss).label + " (it uses MSE)");
    if (c.optimizer != bpl::Optimizer::sgd) add("optimiser is not plain gradient descent");
    if (c.data.kind != bpl::DataKind::xor_table)
        add(std::string("data ") + bpl::data_info(c.data.kind).label + " (it learns the 4 XOR rows)");
    if (c.batch == bpl::BatchMode::sample) add("per-sample updates (it uses the full batch)");
    if (c.batch == bpl::BatchMode::minibatch)
        add("mini-batches of " + std::to_string(c.batch_size) + " (it uses the full batch)");
    if (c.reg != bpl::Regularization::none)
        add(std::string(bpl::kRegularizations[int(c.reg)].label) + " penalty (it has none)");
    if (c.init != bpl::Init::normal) add("Xavier/He initialisation (it uses randn)");
    if (why.empty() && app.print_log.mixed) add("settings changed during this run (reset for a clean run)");
    return why;
}

const char* learn_faithful_note() {
    return "The same digits as the NumPy program wherever both use the same exp (NumPy's scalar loops with "
           "glibc's exp without FMA); elsewhere the 16th or 17th significant digit can differ, because math "
           "libraries round exp differently in the last bit.";
}

// ---- stepping ------------------------------------------------------------------------------------

namespace {

void snapshot(AppState& app) {
    LearnState& s = app.learn;
    const bpl::Network& net = app.net;
    s.prev_z = net.z;
    s.prev_a = net.a;
    s.prev_delta = net.delta;
    s.prev_grads = net.grads;
    s.prev_params = net.params;
    s.changed_at = session_now(app);
    guest_animate_for(app, kLearnFlashSeconds);   // the easing and the changed-cell flash
}

// One phase. The last phase of an epoch goes through app_step (train_epoch finishes the epoch),
// so the loss history, predictions and print log see the epoch end as always.
void step_one(AppState& app) {
    bpl::Network& net = app.net;
    if (net.diverged) return;
    print_log_track(app.print_log, app.net, app.config);
    snapshot(app);
    bool update = bpl::phase_at(net, net.phase).kind == bpl::PhaseKind::update;
    if (update) app.learn.params_before_update = net.params;
    bool last = net.phase == bpl::phase_count(net) - 1 && net.batch_index == bpl::batches_per_epoch(net) - 1;
    if (last) {
        bool was_running = app.running;
        app.running = false;   // app_step pauses; phase play goes on
        session_step(app, 1);
        app.running = was_running && !net.diverged;
    } else {
        bpl::step_phase(net);
        if (net.diverged) session_set_running(app, false);
    }
    if (update) app.learn.params_after_update = net.params;
}

}   // namespace

void learn_step_phases(AppState& app, int n) {
    session_set_running(app, false);
    for (int i = 0; i < n && !app.net.diverged; ++i) step_one(app);
    app.host->state_changed("phase");
}

void learn_jump_to_box(AppState& app, int box) {
    bpl::Network& net = app.net;
    session_set_running(app, false);
    if (net.diverged) return;
    bool at_boundary = net.phase == 0 && net.batch_index == 0;
    if (!at_boundary || box == 4) {   // finish the epoch in progress (Repeat: one more epoch)
        snapshot(app);
        session_step(app, 1);
        if (box == 4) return;
    }
    const int L = net.num_layers;
    const int first_phase[4] = {0, L, L + 1, 2 * L + 2};   // forward, loss, backprop, update
    for (int k = 0; k <= first_phase[std::clamp(box, 0, 3)] && !net.diverged; ++k) step_one(app);
    app.host->state_changed("phase");
}

bool learn_train_frame(AppState& app) {
    LearnState& s = app.learn;
    if (!s.active || !s.play_phases || !app.running || app.net.diverged) return false;
    double now = session_now(app);
    if (s.next_phase_at > now + s.seconds_per_phase) s.next_phase_at = now;   // pace was changed
    if (now < s.next_phase_at) return true;
    step_one(app);
    s.next_phase_at = now + s.seconds_per_phase;
    return true;
}

void learn_set_active(AppState& app, bool active) {
    if (active == app.learn.active) return;
    app.learn.active = active;
    if (active) session_set_running(app, false);   // the learner steps; play is slow motion
    app.url_dirty = true;
    app.host->state_changed("mode");
}

void learn_update_focus(AppState& app, int frame) {
    const HoverInfo& h = app.hover;
    LearnFocus& f = app.learn.focus;
    if (frame - app.hover_frame <= 1 && h.layer >= 0 && h.unit >= 0) f = LearnFocus{h.layer, h.unit, h.from_unit};
    const bpl::Network& net = app.net;
    bool valid = f.layer >= 0 && f.layer < net.num_layers && f.unit < net.layers[f.layer].fan_out &&
                 f.from_unit < net.layers[f.layer].fan_in;
    if (!valid) f = LearnFocus{};
}
