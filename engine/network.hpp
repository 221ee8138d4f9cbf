// The network: one struct owns parameters, gradients, optimizer state, cached
// pre-activations, activations and deltas, all sized once by network_init. Nothing in
// the training loop allocates. Dimension letters: N samples (4 XOR rows), I inputs (2),
// H units of a hidden layer, O outputs (1). Layer l maps fan_in -> fan_out;
// layers 0..L-2 are hidden, layer L-1 is the output layer.
#pragma once
#include <cstddef>
#include <string>
#include <vector>
#include "config.hpp"
#include "xor_data.hpp"

namespace bpl {

constexpr int kMaxLayers = kMaxHiddenLayers + 1;

struct LayerShape {
    int fan_in = 0, fan_out = 0;
    size_t w = 0;      // offset of W (fan_in x fan_out, row-major, NumPy's X@W orientation) in params/grads
    size_t b = 0;      // offset of b (fan_out) in params/grads
    size_t unit = 0;   // offset of this layer's (N x fan_out) block in z / a / delta
};

struct Network {
    Config config;
    int num_layers = 0;   // L = hidden layers + 1
    LayerShape layers[kMaxLayers];
    size_t param_count = 0;

    std::vector<double> params;          // every W then b, layer by layer (see LayerShape)
    std::vector<double> grads;           // dW, db: same layout as params
    std::vector<double> last_step;       // Δ of the last update (params_after − params_before)
    std::vector<double> opt_m, opt_v;    // optimizer state (momentum velocity / Adam moments)
    std::vector<double> z, a, delta;     // N x units per layer, kept for the backward pass
    double sample_loss[kSamples] = {};   // l_i from the latest forward of each sample
    long long adam_t = 0;

    // Training position. An epoch is a run of batches (1 of 4 rows, or 4 of 1 row); each
    // batch is the phase sequence of phase_at(). `phase` is the next phase to run.
    long long epoch = 0;         // completed epochs
    int batch_index = 0;         // batch within the current epoch
    int phase = 0;               // next phase within the batch
    double epoch_loss = 0.0;     // reported loss of the last completed epoch (before its updates)
    double running_loss = 0.0;   // accumulates per-batch losses during an epoch
    bool diverged = false;       // set when loss or a parameter became non-finite
};

// Sizes the network for cfg and draws initial weights from cfg.seed (np.random.seed order:
// W of layer 0 row-major, then W of layer 1, …; biases zero). On a bad cfg returns false
// with a message and leaves net untouched.
bool network_init(Network& net, const Config& cfg, std::string& error);
// Redraws the initial weights from net.config.seed and clears all training state.
void network_reset(Network& net);
// Clears gradients, optimizer state, caches and the training position (epoch 0, phase 0),
// keeping the weights: what a fresh start from the current weights needs.
void network_clear_training(Network& net);
// Same shape: replace the training settings (lr, optimizer, loss…) without touching weights.
// Returns false (net untouched) when the new cfg has a different shape. A new optimizer
// starts from zeroed optimizer state; a new batch mode restarts the epoch in progress.
bool network_set_training(Network& net, const Config& cfg, std::string& error);

// Views into the flat storage (row-major).
inline double* layer_W(Network& n, int l) { return n.params.data() + n.layers[l].w; }
inline double* layer_b(Network& n, int l) { return n.params.data() + n.layers[l].b; }
inline const double* layer_W(const Network& n, int l) { return n.params.data() + n.layers[l].w; }
inline const double* layer_b(const Network& n, int l) { return n.params.data() + n.layers[l].b; }
inline const double* layer_dW(const Network& n, int l) { return n.grads.data() + n.layers[l].w; }
inline const double* layer_db(const Network& n, int l) { return n.grads.data() + n.layers[l].b; }
inline const double* layer_z(const Network& n, int l) { return n.z.data() + n.layers[l].unit; }
inline const double* layer_a(const Network& n, int l) { return n.a.data() + n.layers[l].unit; }
inline const double* layer_delta(const Network& n, int l) { return n.delta.data() + n.layers[l].unit; }
inline const double* network_output(const Network& n) { return layer_a(n, n.num_layers - 1); }
// The input activations feeding layer l, N x fan_in (X for layer 0).
const double* layer_input(const Network& n, int l);
// The activation layer l applies: the hidden one, or the output one for the last layer.
inline Activation layer_activation(const Network& n, int l) {
    return l == n.num_layers - 1 ? n.config.output_activation : n.config.activation;
}

// ---- the forward/backward pieces, each backward beside its forward ----------------------
// Rows [row0, row0 + rows) of the batch. Outputs, then inputs, then sizes.
void layer_forward(Network& net, int l, int row0, int rows);    // z = in@W + b; a = f(z)
void layer_backward(Network& net, int l, int row0, int rows);   // hidden l: δ_l = (δ_{l+1} W_{l+1}ᵀ) ⊙ f'(a_l)
double output_loss_forward(Network& net, int row0, int rows);   // per-sample losses; returns the batch mean
void output_loss_backward(Network& net, int row0, int rows);    // δ_out from the loss table
void gradients_backward(Network& net, int row0, int rows);      // dW_l = in_lᵀ δ_l, db_l = Σ_rows δ_l
// (the optimizer step, parameters_update, is optimizer.hpp)

// ---- the whole pass, built from the pieces in the phase order of trainer.hpp -----------
// Forward through every layer, then the loss; returns the batch's mean loss.
double network_forward(Network& net, int row0, int rows);
// Output δ, hidden δ from the last hidden layer down to the first, then every dW and db.
void network_backward(Network& net, int row0, int rows);

// Forward of all layers for all N rows (predictions). It overwrites the z and a caches of
// every row with the current weights, which is what a backward of those rows reads next;
// training state (gradients, optimizer state, position, losses) is untouched.
void network_predict(Network& net);

// z and a of every unit for one input point: the diagram's neurons, the maps' reference.
struct PointTrace {
    double z[kMaxLayers][kMaxHiddenUnits];   // pre-activation of layer l, unit j
    double a[kMaxLayers][kMaxHiddenUnits];   // activation of layer l, unit j
};
// Output for one input point through the same kernels and summation order as training, so
// it equals the trained forward of that point bit for bit. Fills `trace` when given. No
// allocation; net untouched.
double network_eval(const Network& net, double x0, double x1, PointTrace* trace = nullptr);

}   // namespace bpl
