// JSON for backpropLab.phase() and backpropLab.intermediates(): the stepper's position and the
// engine's own buffers (z, a, δ, ∂W, ∂b, W, b, Δ of the last update, per-sample losses).
#include <string>
#include "json_text.hpp"
#include "learn.hpp"
#include "number_text.hpp"

namespace {

const char* kind_key(bpl::PhaseKind kind) {
    switch (kind) {
        case bpl::PhaseKind::forward: return "forward";
        case bpl::PhaseKind::loss: return "loss";
        case bpl::PhaseKind::output_delta: return "outputDelta";
        case bpl::PhaseKind::hidden_delta: return "hiddenDelta";
        case bpl::PhaseKind::gradients: return "gradients";
        case bpl::PhaseKind::update: return "update";
    }
    return "?";
}

// rows x cols, row-major, as nested arrays.
std::string matrix(const double* m, int rows, int cols) {
    std::string out = "[";
    for (int r = 0; r < rows; ++r) {
        out += r ? ",[" : "[";
        for (int c = 0; c < cols; ++c) out += (c ? "," : "") + json_number(m[r * cols + c]);
        out += "]";
    }
    return out + "]";
}

std::string vec(const double* v, int n) {
    std::string out = "[";
    for (int i = 0; i < n; ++i) out += (i ? "," : "") + json_number(v[i]);
    return out + "]";
}

// One entry per layer: the N x units block of z / a / delta at `base`.
std::string per_layer_units(const bpl::Network& net, const std::vector<double>& base) {
    std::string out = "[";
    for (int l = 0; l < net.num_layers; ++l)
        out += (l ? "," : "") + matrix(base.data() + net.layers[l].unit, net.data.samples, net.layers[l].fan_out);
    return out + "]";
}

// One entry per layer of W (fan_in x fan_out) or b (1 x fan_out) taken from a params-shaped vector.
std::string per_layer_params(const bpl::Network& net, const std::vector<double>& v, bool weights) {
    std::string out = "[";
    for (int l = 0; l < net.num_layers; ++l) {
        const bpl::LayerShape& s = net.layers[l];
        out += l ? "," : "";
        out += weights ? matrix(v.data() + s.w, s.fan_in, s.fan_out) : vec(v.data() + s.b, s.fan_out);
    }
    return out + "]";
}

std::string phase_object(const bpl::Network& net, int index) {
    bpl::Phase p = bpl::phase_at(net, index);
    return "{\"index\":" + std::to_string(index) + ",\"name\":" + json_string(bpl::phase_name(p.kind)) +
           ",\"kind\":" + json_string(kind_key(p.kind)) + ",\"layer\":" + std::to_string(p.layer) +
           ",\"title\":" + json_string(learn_phase_title(net, p)) + "}";
}

// The code panel's `Epoch N, Loss: X` lines, X as printed (Python's repr).
std::string printed_json(const PrintLog& log) {
    std::string out = "[";
    for (size_t i = 0; i < log.lines.size(); ++i)
        out += (i ? "," : "") + std::string("{\"epoch\":") + std::to_string(log.lines[i].first) +
               ",\"loss\":" + json_string(bpl::format_shortest(log.lines[i].second)) + "}";
    return out + "]";
}

}   // namespace

std::string learn_phase_json(const AppState& app) {
    const bpl::Network& net = app.net;
    PhaseView v = learn_phase_view(net);
    std::string out = phase_object(net, v.index);
    out.pop_back();
    return out + ",\"ran\":" + json_bool(v.ran) + ",\"batch\":" + std::to_string(v.batch) +
           ",\"epoch\":" + std::to_string(v.epoch) + ",\"epochDone\":" + json_bool(v.epoch_done) +
           ",\"count\":" + std::to_string(v.count) + ",\"rows\":[" + std::to_string(v.row0) + "," +
           std::to_string(v.rows) + "],\"next\":" + phase_object(net, net.phase) +
           ",\"stepThrough\":" + json_bool(app.learn.active) +
           ",\"playPhases\":" + json_bool(app.learn.active && app.learn.play_phases) +
           ",\"notFaithful\":" + json_string(learn_faithful_reasons(app)) +
           ",\"printed\":" + printed_json(app.print_log) + ",\"printedNote\":" + json_string(learn_faithful_note()) +
           "}";
}

std::string learn_intermediates_json(const AppState& app) {
    const bpl::Network& net = app.net;
    const std::vector<double>* b = learn_params_before_update(app);
    std::string before =
        b ? "{\"W\":" + per_layer_params(net, *b, true) + ",\"b\":" + per_layer_params(net, *b, false) + "}" : "null";
    return "{\"z\":" + per_layer_units(net, net.z) + ",\"a\":" + per_layer_units(net, net.a) +
           ",\"delta\":" + per_layer_units(net, net.delta) + ",\"dW\":" + per_layer_params(net, net.grads, true) +
           ",\"db\":" + per_layer_params(net, net.grads, false) + ",\"W\":" + per_layer_params(net, net.params, true) +
           ",\"b\":" + per_layer_params(net, net.params, false) +
           ",\"lastStep\":{\"W\":" + per_layer_params(net, net.last_step, true) +
           ",\"b\":" + per_layer_params(net, net.last_step, false) +
           "},\"sampleLoss\":" + vec(net.sample_loss.data(), net.data.samples) +
           ",\"runningLoss\":" + json_number(net.running_loss) + ",\"epochLoss\":" + json_number(net.epoch_loss) +
           ",\"lr\":" + json_number(net.config.lr) + ",\"X\":" + matrix(net.x.data(), net.data.samples, bpl::kInputs) +
           ",\"y\":" + vec(net.y.data(), net.data.samples) + ",\"before\":" + before + "}";
}
