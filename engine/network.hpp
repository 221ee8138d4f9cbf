// The network: one struct owns its data, parameters, gradients, optimizer state, cached
// pre-activations, activations and deltas, all sized once by network_init. Nothing in
// the training loop allocates. Dimension letters: N samples (4 truth-table rows or 50-1000
// points), I inputs (2), H units of a hidden layer, O outputs (1). Layer l maps fan_in ->
// fan_out; layers 0..L-2 are hidden, layer L-1 is the output layer (L = 1: no hidden layer).
#pragma once
#include <cstddef>
#include <string>
#include <vector>
#include "config.hpp"
#include "dataset.hpp"
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
    // The samples as generated (dataset.hpp), and the rows as training reads them: x (N x I)
    // and y (N), the training rows first, in this epoch's order when mini-batches are
    // shuffled (point clouds), then the test rows. row_point[r] = the data index of row r.
    Dataset data;
    std::vector<double> x, y;
    std::vector<int> row_point;
    long long arranged_epoch = -1;   // the epoch whose batch order x and y hold (-1: data order)
    int num_layers = 0;              // L = hidden layers + 1
    LayerShape layers[kMaxLayers];
    size_t param_count = 0;

    std::vector<double> params;         // every W then b, layer by layer (see LayerShape)
    std::vector<double> grads;          // dW, db: same layout as params
    std::vector<double> last_step;      // Δ of the last update (params_after − params_before)
    std::vector<double> opt_m, opt_v;   // optimizer state (momentum velocity / Adam moments)
    std::vector<double> z, a, delta;    // N x units per layer, kept for the backward pass
    std::vector<double> sample_loss;    // N: l_i from the latest forward of each row
    long long adam_t = 0;

    // Training position. An epoch is a run of batches over the training rows (one full batch,
    // one per row, or batches of batch_size rows, the last one shorter); each batch is the
    // phase sequence of phase_at(). `phase` is the next phase to run.
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

inline int network_samples(const Network& n) { return n.data.samples; }    // N
inline int network_train_rows(const Network& n) { return n.data.train; }   // rows [0, train)
inline const double* network_targets(const Network& n) { return n.y.data(); }
// Puts the training rows in the order of epoch net.epoch (shuffled mini-batches on a point
// cloud; otherwise they stay in data order and this does nothing). The trainer calls it at
// each epoch's start; the order depends on (seed, epoch) only, so a rewound net replays exactly.
void network_arrange_epoch(Network& net);
// The row of x/y holding data point p (-1 when out of range).
int network_row_of_point(const Network& net, int point);

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
double output_loss_forward(Network& net, int row0, int rows);   // per-sample losses; returns the batch mean (+ penalty)
void output_loss_backward(Network& net, int row0, int rows);    // δ_out from the loss table
void gradients_backward(Network& net, int row0, int rows);      // dW_l = in_lᵀ δ_l, db_l = Σ_rows δ_l
// (the optimizer step, parameters_update, is optimizer.hpp)
// The regularisation penalty over every layer's W (0 with reg=none): penalty.hpp per layer.
double network_penalty(const Network& net);

// ---- the whole pass, built from the pieces in the phase order of trainer.hpp -----------
// Forward through every layer, then the loss; returns the batch's mean loss.
double network_forward(Network& net, int row0, int rows);
// Output δ, hidden δ from the last hidden layer down to the first, then every dW and db.
void network_backward(Network& net, int row0, int rows);

// Forward of all layers for all N rows (predictions). It overwrites the z and a caches of
// every row with the current weights, which is what a backward of those rows reads next;
// training state (gradients, optimizer state, position, losses) is untouched.
void network_predict(Network& net);

// Loss and accuracy over the training rows and over the test rows, from the current
// weights, without the penalty (so the two compare); a set with no rows reports 0 and
// count 0. Uses network_eval per row: the caches are untouched.
struct Evaluation {
    double train_loss = 0.0, test_loss = 0.0;
    int train_right = 0, test_right = 0;   // rows whose output is on the target's side of 0.5
    int train_count = 0, test_count = 0;
};
Evaluation network_evaluate(const Network& net);

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
