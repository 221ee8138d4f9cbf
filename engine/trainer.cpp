// The training schedule: the phase list of one batch, the one-phase stepper, and whole
// epochs. train_epoch runs the same network.cpp functions in the same order as the stepper,
// so stepping and training land on bit-identical weights.
#include "trainer.hpp"

#include <algorithm>
#include <cmath>
#include "optimizer.hpp"

namespace bpl {

namespace {

// The update phase: the optimizer step, then the cheap divergence test on the batch loss
// (parameters_update already tested the parameters).
void update_phase(Network& net) {
    parameters_update(net);
    if (!std::isfinite(net.running_loss)) net.diverged = true;
}

void run_phase(Network& net, const Phase& p, int row0, int rows) {
    switch (p.kind) {
        case PhaseKind::forward: layer_forward(net, p.layer, row0, rows); break;
        case PhaseKind::loss: net.running_loss += output_loss_forward(net, row0, rows); break;
        case PhaseKind::output_delta: output_loss_backward(net, row0, rows); break;
        case PhaseKind::hidden_delta: layer_backward(net, p.layer, row0, rows); break;
        case PhaseKind::gradients: gradients_backward(net, row0, rows); break;
        case PhaseKind::update: update_phase(net); break;
    }
}

// One whole batch, phases in phase_at order, called directly (no per-phase dispatch).
void run_batch(Network& net, int row0, int rows) {
    net.running_loss += network_forward(net, row0, rows);
    network_backward(net, row0, rows);
    update_phase(net);
}

// Moves past a finished batch; after the last batch the epoch completes.
void finish_batch(Network& net) {
    net.phase = 0;
    if (++net.batch_index < batches_per_epoch(net)) return;
    net.batch_index = 0;
    net.epoch_loss = net.running_loss / batches_per_epoch(net);   // mean of the batch losses
    net.running_loss = 0.0;
    ++net.epoch;
}

}   // namespace

int phase_count(const Network& net) { return 2 * net.num_layers + 3; }

// Phase indices for L layers: forward 0..L-1 | loss L | output delta L+1 |
// hidden deltas L+2..2L (layer L-2 down to 0) | gradients 2L+1 | update 2L+2.
Phase phase_at(const Network& net, int index) {
    const int L = net.num_layers;
    if (index < L) return {PhaseKind::forward, index};
    if (index == L) return {PhaseKind::loss, -1};
    if (index == L + 1) return {PhaseKind::output_delta, L - 1};
    if (index <= 2 * L) return {PhaseKind::hidden_delta, 2 * L - index};
    if (index == 2 * L + 1) return {PhaseKind::gradients, -1};
    return {PhaseKind::update, -1};
}

const char* phase_name(PhaseKind kind) {
    switch (kind) {
        case PhaseKind::forward: return "forward";
        case PhaseKind::loss: return "loss";
        case PhaseKind::output_delta: return "output delta";
        case PhaseKind::hidden_delta: return "hidden delta";
        case PhaseKind::gradients: return "gradients";
        case PhaseKind::update: return "update";
    }
    return "?";
}

namespace {
// Rows per batch (config_batch_rows, from the net's own data: no recount per batch).
int rows_per_batch(const Network& net) {
    const int train = net.data.train;
    switch (net.config.batch) {
        case BatchMode::full: return train;
        case BatchMode::sample: return 1;
        case BatchMode::minibatch: return std::min(net.config.batch_size, train);
    }
    return train;
}
}   // namespace

int batches_per_epoch(const Network& net) {
    const int size = rows_per_batch(net), train = net.data.train;
    return (train + size - 1) / size;
}

int batch_rows_at(const Network& net, int batch_index, int* row0) {
    const int size = rows_per_batch(net);
    const int first = batch_index * size;
    if (row0) *row0 = first;
    return std::min(size, net.data.train - first);
}

int batch_rows(const Network& net, int* row0) { return batch_rows_at(net, net.batch_index, row0); }

Phase step_phase(Network& net) {
    Phase p = phase_at(net, net.phase);
    if (net.diverged) return p;   // a diverged net does not train; nothing ran
    if (net.phase == 0 && net.batch_index == 0) network_arrange_epoch(net);
    int row0 = 0;
    int rows = batch_rows(net, &row0);
    run_phase(net, p, row0, rows);
    if (++net.phase == phase_count(net)) finish_batch(net);
    return p;
}

void train_epoch(Network& net) {
    // Finish a batch the stepper left half done, then whole batches to the end of the epoch.
    const long long epoch = net.epoch;
    while (net.phase != 0 && !net.diverged) step_phase(net);
    if (net.batch_index == 0) network_arrange_epoch(net);
    while (net.epoch == epoch && !net.diverged) {
        int row0 = 0;
        int rows = batch_rows(net, &row0);
        run_batch(net, row0, rows);
        finish_batch(net);
    }
}

long long train_epochs(Network& net, long long n) {
    long long run = 0;
    for (; run < n && !net.diverged; ++run) train_epoch(net);
    return run;
}

}   // namespace bpl
