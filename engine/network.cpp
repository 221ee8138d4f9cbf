// Network storage and its forward/backward pieces: sizing and the initial draws, the dense
// layer forward with its two backwards beside it, the output delta and the gradients (the
// optimizer step is optimizer.cpp). Sums run in the reference's order (NumPy + reference BLAS).
#include "network.hpp"

#include <algorithm>
#include <cmath>
#include "dense.hpp"
#include "penalty.hpp"
#include "rng.hpp"

namespace bpl {


namespace {

bool same_shape(const Config& a, const Config& b) {
    if (a.hidden_layers != b.hidden_layers) return false;
    return std::equal(a.hidden_units, a.hidden_units + a.hidden_layers, b.hidden_units);
}

// Lays out params/grads (W then b per layer) and the N x fan_out blocks of z / a / delta.
void size_storage(Network& net) {
    const Config& cfg = net.config;
    const int N = net.data.samples;
    net.num_layers = cfg.hidden_layers + 1;
    size_t param = 0, unit = 0;
    int fan_in = kInputs;
    for (int l = 0; l < net.num_layers; ++l) {
        LayerShape& s = net.layers[l];
        s.fan_in = fan_in;
        s.fan_out = l < cfg.hidden_layers ? cfg.hidden_units[l] : kOutputs;
        s.w = param;
        s.b = param + size_t(s.fan_in) * s.fan_out;
        s.unit = unit;
        param = s.b + s.fan_out;
        unit += size_t(N) * s.fan_out;
        fan_in = s.fan_out;
    }
    for (int l = net.num_layers; l < kMaxLayers; ++l) net.layers[l] = LayerShape{};
    net.param_count = param;
    for (std::vector<double>* v : {&net.params, &net.grads, &net.last_step, &net.opt_m, &net.opt_v})
        v->assign(param, 0.0);
    for (std::vector<double>* v : {&net.z, &net.a, &net.delta}) v->assign(unit, 0.0);
    net.sample_loss.assign(size_t(N), 0.0);
}

// x, y and row_point in data order (the order of every epoch unless mini-batches shuffle).
void arrange_in_data_order(Network& net) {
    net.x = net.data.x;
    net.y = net.data.y;
    net.row_point.resize(size_t(net.data.samples));
    for (int r = 0; r < net.data.samples; ++r) net.row_point[size_t(r)] = r;
    net.arranged_epoch = -1;   // no epoch's order: a shuffling net arranges even epoch 0
}

bool shuffles_batches(const Network& net) { return net.data.cloud && net.config.batch != BatchMode::full; }

// Standard deviation of the initial weights: the reference's plain randn, Glorot, or He.
double init_scale(Init init, int fan_in, int fan_out) {
    switch (init) {
        case Init::normal: return 1.0;
        case Init::xavier: return std::sqrt(2.0 / (fan_in + fan_out));
        case Init::he: return std::sqrt(2.0 / fan_in);
    }
    return 1.0;
}


}   // namespace

// ---- setup ------------------------------------------------------------------------------

bool network_init(Network& net, const Config& cfg, std::string& error) {
    if (!config_validate(cfg, error)) return false;   // also bounds the shape the arrays rely on
    net.config = cfg;
    dataset_make(net.data, cfg.data, cfg.seed);   // its own generator: the weights' draws below are unchanged
    size_storage(net);
    network_reset(net);
    return true;
}

void network_reset(Network& net) {
    Rng rng;
    rng_seed(rng, net.config.seed);
    std::fill(net.params.begin(), net.params.end(), 0.0);   // biases start at zero
    for (int l = 0; l < net.num_layers; ++l) {              // np.random.randn(fan_in, fan_out) per layer, in order
        const LayerShape& s = net.layers[l];
        double scale = init_scale(net.config.init, s.fan_in, s.fan_out);
        double* W = layer_W(net, l);
        for (int i = 0; i < s.fan_in * s.fan_out; ++i) W[i] = rng_normal(rng) * scale;
    }
    network_clear_training(net);
}

void network_clear_training(Network& net) {
    for (std::vector<double>* v : {&net.grads, &net.last_step, &net.opt_m, &net.opt_v, &net.z, &net.a, &net.delta})
        std::fill(v->begin(), v->end(), 0.0);
    std::fill(net.sample_loss.begin(), net.sample_loss.end(), 0.0);
    arrange_in_data_order(net);
    net.adam_t = 0;
    net.epoch = 0;
    net.batch_index = 0;
    net.phase = 0;
    net.epoch_loss = 0.0;
    net.running_loss = 0.0;
    net.diverged = false;
}

bool network_set_training(Network& net, const Config& cfg, std::string& error) {
    if (!config_validate(cfg, error)) return false;   // also bounds the shape the arrays rely on
    if (!same_shape(cfg, net.config)) {
        error = "hidden=" + config_hidden_string(cfg) + ": the network has hidden=" + config_hidden_string(net.config) +
                "; a new shape needs a new network";
        return false;
    }
    if (!(cfg.data == net.config.data)) {
        error = config_data_string(cfg) + ": the network learns " + config_data_string(net.config) +
                "; new data needs a new network";
        return false;
    }
    // Optimizer state of one method means nothing to another; a new batch mode restarts
    // the epoch in progress (its batch positions no longer exist).
    if (cfg.optimizer != net.config.optimizer) {
        std::fill(net.opt_m.begin(), net.opt_m.end(), 0.0);
        std::fill(net.opt_v.begin(), net.opt_v.end(), 0.0);
        net.adam_t = 0;
    }
    if (cfg.batch != net.config.batch || config_batch_rows(cfg) != config_batch_rows(net.config)) {
        net.batch_index = 0;
        net.phase = 0;
        net.running_loss = 0.0;
    }
    const bool was_shuffled = shuffles_batches(net);
    net.config = cfg;
    if (was_shuffled && !shuffles_batches(net) && net.batch_index == 0 && net.phase == 0) arrange_in_data_order(net);
    return true;
}

void network_arrange_epoch(Network& net) {
    if (!shuffles_batches(net) || net.arranged_epoch == net.epoch) return;
    const int train = net.data.train;
    int* order = net.row_point.data();   // rows [0, train) get this epoch's permutation; test rows stay
    dataset_epoch_order(order, train, net.config.seed, net.epoch);
    for (int r = 0; r < train; ++r) {
        const int p = order[r];
        net.x[size_t(r) * kInputs] = net.data.x[size_t(p) * kInputs];
        net.x[size_t(r) * kInputs + 1] = net.data.x[size_t(p) * kInputs + 1];
        net.y[size_t(r)] = net.data.y[size_t(p)];
    }
    net.arranged_epoch = net.epoch;
}

int network_row_of_point(const Network& net, int point) {
    if (point < 0 || point >= net.data.samples) return -1;
    for (int r = 0; r < net.data.samples; ++r)
        if (net.row_point[size_t(r)] == point) return r;
    return -1;
}

const double* layer_input(const Network& n, int l) { return l == 0 ? n.x.data() : layer_a(n, l - 1); }

// ---- forward / backward -----------------------------------------------------------------

void layer_forward(Network& net, int l, int row0, int rows) {
    const LayerShape& s = net.layers[l];
    double* z = net.z.data() + s.unit + size_t(row0) * s.fan_out;   // rows x fan_out
    double* a = net.a.data() + s.unit + size_t(row0) * s.fan_out;   // kept for the backward pass
    const double* in = layer_input(net, l) + size_t(row0) * s.fan_in;
    dense_forward(z, in, layer_W(net, l), layer_b(net, l), rows, s.fan_in, s.fan_out);
    activation_forward(layer_activation(net, l), a, z, rows * s.fan_out);
}

void layer_backward(Network& net, int l, int row0, int rows) {
    if (l >= net.num_layers - 1) return;   // the output delta comes from the loss
    const LayerShape& s = net.layers[l];
    const LayerShape& next = net.layers[l + 1];
    const double* d_next = net.delta.data() + next.unit + size_t(row0) * next.fan_out;
    double* d = net.delta.data() + s.unit + size_t(row0) * s.fan_out;   // rows x fan_out
    const double* a = net.a.data() + s.unit + size_t(row0) * s.fan_out;
    dense_backward_input(d, d_next, layer_W(net, l + 1), rows, s.fan_out, next.fan_out);
    activation_backward(layer_activation(net, l), d, d, a, rows * s.fan_out);   // ⊙ f'(a), in place
}

double output_loss_forward(Network& net, int row0, int rows) {
    // Summed in row order, as loss_forward does; the penalty (none in the reference) added after.
    const double sum = loss_samples(net.config.loss, net.sample_loss.data() + row0, network_output(net) + row0,
                                    net.y.data() + row0, rows);
    if (net.config.reg == Regularization::none) return sum / rows;
    return sum / rows + network_penalty(net);
}

double network_penalty(const Network& net) {
    double sum = 0.0;
    for (int l = 0; l < net.num_layers; ++l) {
        const LayerShape& s = net.layers[l];
        sum += penalty_forward(net.config.reg, net.config.reg_rate, layer_W(net, l), size_t(s.fan_in) * s.fan_out);
    }
    return sum;
}

void output_loss_backward(Network& net, int row0, int rows) {
    const LayerShape& s = net.layers[net.num_layers - 1];
    double* d = net.delta.data() + s.unit + row0;   // rows x O
    loss_backward(net.config.loss, net.config.output_activation, d, network_output(net) + row0, net.y.data() + row0,
                  rows, rows);
}

void gradients_backward(Network& net, int row0, int rows) {
    for (int l = 0; l < net.num_layers; ++l) {
        const LayerShape& s = net.layers[l];
        const double* in = layer_input(net, l) + size_t(row0) * s.fan_in;         // rows x fan_in
        const double* d = net.delta.data() + s.unit + size_t(row0) * s.fan_out;   // rows x fan_out
        dense_backward_weights(net.grads.data() + s.w, net.grads.data() + s.b, in, d, rows, s.fan_in, s.fan_out);
        if (net.config.reg != Regularization::none)   // + ∂penalty/∂W, once per batch; biases are not penalised
            penalty_backward(net.config.reg, net.config.reg_rate, net.grads.data() + s.w, layer_W(net, l),
                             size_t(s.fan_in) * s.fan_out);
    }
}

// ---- the whole pass --------------------------------------------------------------------

double network_forward(Network& net, int row0, int rows) {
    for (int l = 0; l < net.num_layers; ++l) layer_forward(net, l, row0, rows);
    return output_loss_forward(net, row0, rows);
}

void network_backward(Network& net, int row0, int rows) {
    output_loss_backward(net, row0, rows);
    for (int l = net.num_layers - 2; l >= 0; --l) layer_backward(net, l, row0, rows);
    gradients_backward(net, row0, rows);
}

// ---- predictions --------------------------------------------------------------------------

void network_predict(Network& net) {
    for (int l = 0; l < net.num_layers; ++l) layer_forward(net, l, 0, net.data.samples);
}

Evaluation network_evaluate(const Network& net) {
    Evaluation e;
    const Dataset& d = net.data;
    for (int p = 0; p < d.samples; ++p) {
        const double out = network_eval(net, d.x[size_t(p) * kInputs], d.x[size_t(p) * kInputs + 1]);
        const double target = d.y[size_t(p)];
        const double l = loss_sample(net.config.loss, out, target);
        const bool right = (out > 0.5) == (target > 0.5);
        if (p < d.train) {
            e.train_loss += l;
            e.train_right += right;
            ++e.train_count;
        } else {
            e.test_loss += l;
            e.test_right += right;
            ++e.test_count;
        }
    }
    if (e.train_count) e.train_loss /= e.train_count;
    if (e.test_count) e.test_loss /= e.test_count;
    return e;
}

double network_eval(const Network& net, double x0, double x1, PointTrace* trace) {
    PointTrace local;
    PointTrace& t = trace ? *trace : local;
    const double x[kInputs] = {x0, x1};
    for (int l = 0; l < net.num_layers; ++l) {
        const LayerShape& s = net.layers[l];
        dense_forward(t.z[l], l == 0 ? x : t.a[l - 1], layer_W(net, l), layer_b(net, l), 1, s.fan_in, s.fan_out);
        activation_forward(layer_activation(net, l), t.a[l], t.z[l], s.fan_out);
    }
    return t.a[net.num_layers - 1][0];
}

}   // namespace bpl
