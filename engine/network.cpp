// Network storage and its forward/backward pieces: sizing and the initial draws, the dense
// layer forward with its two backwards beside it, the output delta and the gradients (the
// optimizer step is optimizer.cpp). Sums run in the reference's order (NumPy + reference BLAS).
#include "network.hpp"

#include <algorithm>
#include <cmath>
#include "dense_kernels.hpp"
#include "rng.hpp"

namespace bpl {

const double kXorInputs[kSamples * kInputs] = {0, 0, 0, 1, 1, 0, 1, 1};
const double kXorTargets[kSamples] = {0, 1, 1, 0};

namespace {

bool same_shape(const Config& a, const Config& b) {
    if (a.hidden_layers != b.hidden_layers) return false;
    return std::equal(a.hidden_units, a.hidden_units + a.hidden_layers, b.hidden_units);
}

// Lays out params/grads (W then b per layer) and the N x fan_out blocks of z / a / delta.
void size_storage(Network& net) {
    const Config& cfg = net.config;
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
        unit += size_t(kSamples) * s.fan_out;
        fan_in = s.fan_out;
    }
    for (int l = net.num_layers; l < kMaxLayers; ++l) net.layers[l] = LayerShape{};
    net.param_count = param;
    for (std::vector<double>* v : {&net.params, &net.grads, &net.last_step, &net.opt_m, &net.opt_v})
        v->assign(param, 0.0);
    for (std::vector<double>* v : {&net.z, &net.a, &net.delta}) v->assign(unit, 0.0);
}

// Standard deviation of the initial weights: the reference's plain randn, Glorot, or He.
double init_scale(Init init, int fan_in, int fan_out) {
    switch (init) {
        case Init::normal: return 1.0;
        case Init::xavier: return std::sqrt(2.0 / (fan_in + fan_out));
        case Init::he: return std::sqrt(2.0 / fan_in);
    }
    return 1.0;
}

Activation layer_activation(const Network& net, int l) {
    return l == net.num_layers - 1 ? net.config.output_activation : net.config.activation;
}

// The dense layer and its two backwards over `rows` rows, on the kernels of dense_kernels.hpp
// with the compile-time sizes that fit. In the forward and the input backward rows are
// independent: blocks of kSamples rows, then single rows. The weight gradient sums across
// rows, so a batch is one block (all 4 rows or 1); other counts (tests only) run a plain loop.
template <typename Block>
void for_row_blocks(int rows, Block&& block) {
    int r = 0;
    for (; r + kSamples <= rows; r += kSamples) block(dense::Fixed<kSamples>{}, r);
    for (; r < rows; ++r) block(dense::Fixed<1>{}, r);
}

void dense_forward(double* z, const double* in, const double* W, const double* b, int rows, int fan_in, int fan_out) {
    dense::with_fixed_size<kInputs, kOutputs>(fan_in, fan_out, [&](auto I, auto O) {
        for_row_blocks(rows, [&](auto R, int r) {
            dense::forward_block<R, I, O>(z + r * fan_out, in + r * fan_in, W, b, fan_in, fan_out);
        });
    });
}

void dense_backward_input(double* d_in, const double* d, const double* W, int rows, int fan_in, int fan_out) {
    dense::with_fixed_size<kInputs, kOutputs>(fan_in, fan_out, [&](auto I, auto O) {
        for_row_blocks(rows, [&](auto R, int r) {
            dense::backward_input_block<R, I, O>(d_in + r * fan_in, d + r * fan_out, W, fan_in, fan_out);
        });
    });
}

void dense_backward_weights(double* dW, double* db, const double* in, const double* d, int rows, int fan_in,
                            int fan_out) {
    if (rows != kSamples && rows != 1) return dense::backward_weights_any_rows(dW, db, in, d, rows, fan_in, fan_out);
    dense::with_fixed_size<kInputs, kOutputs>(fan_in, fan_out, [&](auto I, auto O) {
        if (rows == kSamples) dense::backward_weights_block<kSamples, I, O>(dW, db, in, d, fan_in, fan_out);
        else dense::backward_weights_block<1, I, O>(dW, db, in, d, fan_in, fan_out);
    });
}

}  // namespace

// ---- setup ------------------------------------------------------------------------------

bool network_init(Network& net, const Config& cfg, std::string& error) {
    if (!config_validate(cfg, error)) return false;   // also bounds the shape the arrays rely on
    net.config = cfg;
    size_storage(net);
    network_reset(net);
    return true;
}

void network_reset(Network& net) {
    Rng rng;
    rng_seed(rng, net.config.seed);
    std::fill(net.params.begin(), net.params.end(), 0.0);   // biases start at zero
    for (int l = 0; l < net.num_layers; ++l) {   // np.random.randn(fan_in, fan_out) per layer, in order
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
    std::fill(net.sample_loss, net.sample_loss + kSamples, 0.0);
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
        error = "hidden=" + config_hidden_string(cfg) + ": the network has hidden=" +
                config_hidden_string(net.config) + "; a new shape needs a new network";
        return false;
    }
    // Optimizer state of one method means nothing to another; a new batch mode restarts
    // the epoch in progress (its batch positions no longer exist).
    if (cfg.optimizer != net.config.optimizer) {
        std::fill(net.opt_m.begin(), net.opt_m.end(), 0.0);
        std::fill(net.opt_v.begin(), net.opt_v.end(), 0.0);
        net.adam_t = 0;
    }
    if (cfg.batch != net.config.batch) {
        net.batch_index = 0;
        net.phase = 0;
        net.running_loss = 0.0;
    }
    net.config = cfg;
    return true;
}

const double* layer_input(const Network& n, int l) { return l == 0 ? kXorInputs : layer_a(n, l - 1); }

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
    activation_backward(net.config.activation, d, d, a, rows * s.fan_out);   // ⊙ f'(a), in place
}

double output_loss_forward(Network& net, int row0, int rows) {
    // Summed in row order, as loss_forward does.
    const double sum = loss_samples(net.config.loss, net.sample_loss + row0, network_output(net) + row0,
                                    kXorTargets + row0, rows);
    return sum / rows;
}

void output_loss_backward(Network& net, int row0, int rows) {
    const LayerShape& s = net.layers[net.num_layers - 1];
    double* d = net.delta.data() + s.unit + row0;   // rows x O
    loss_backward(net.config.loss, net.config.output_activation, d, network_output(net) + row0,
                  kXorTargets + row0, rows, rows);
}

void gradients_backward(Network& net, int row0, int rows) {
    for (int l = 0; l < net.num_layers; ++l) {
        const LayerShape& s = net.layers[l];
        const double* in = layer_input(net, l) + size_t(row0) * s.fan_in;           // rows x fan_in
        const double* d = net.delta.data() + s.unit + size_t(row0) * s.fan_out;   // rows x fan_out
        dense_backward_weights(net.grads.data() + s.w, net.grads.data() + s.b, in, d, rows, s.fan_in, s.fan_out);
    }
}

// ---- predictions --------------------------------------------------------------------------

void network_predict(Network& net) {
    for (int l = 0; l < net.num_layers; ++l) layer_forward(net, l, 0, kSamples);
}

double network_eval(const Network& net, double x0, double x1) {
    double buf[2][kMaxHiddenUnits];   // ping-pong activations; fan_out <= kMaxHiddenUnits
    buf[0][0] = x0;
    buf[0][1] = x1;
    int cur = 0;
    for (int l = 0; l < net.num_layers; ++l) {
        const LayerShape& s = net.layers[l];
        double* z = buf[1 - cur];
        dense_forward(z, buf[cur], layer_W(net, l), layer_b(net, l), 1, s.fan_in, s.fan_out);
        activation_forward(layer_activation(net, l), z, z, s.fan_out);
        cur = 1 - cur;
    }
    return buf[cur][0];
}

}  // namespace bpl
