// Training: whole epochs, or one phase at a time. Both run the same functions in the same
// order, so stepping phases through an epoch lands on bit-identical weights to train_epoch.
#pragma once
#include "network.hpp"

namespace bpl {

enum class PhaseKind { forward, loss, output_delta, hidden_delta, gradients, update };

struct Phase {
    PhaseKind kind;
    int layer;   // forward: layer computed; output_delta: L-1; hidden_delta: hidden layer; else -1
};

// Phases of one batch: forward 0..L-1, loss, output_delta, hidden_delta L-2..0, gradients, update.
int phase_count(const Network& net);
Phase phase_at(const Network& net, int index);
const char* phase_name(PhaseKind kind);          // "forward", "loss", "output delta", …
int batches_per_epoch(const Network& net);       // 1 (full), train rows (sample), ⌈train / size⌉ (mini-batch)
int batch_rows(const Network& net, int* row0);   // rows of the current batch (the last mini-batch may be short)
int batch_rows_at(const Network& net, int batch_index, int* row0);   // rows of batch `batch_index` of an epoch

// Runs net.phase and advances; after the last phase of the last batch the epoch completes
// (epoch_loss set, epoch++). Returns the phase that ran. A diverged net (net.diverged, set
// by the update phase) does not train: nothing runs and the phase that would run is returned.
Phase step_phase(Network& net);
// Completes the current epoch (from wherever the phase stepper left it); stops at once, mid
// epoch if need be, when the net diverges, and does nothing to a diverged net.
void train_epoch(Network& net);
// Runs up to n epochs; stops early when the net diverges. Returns the number of train_epoch
// calls made (the one that diverged included; 0 for an already diverged net).
long long train_epochs(Network& net, long long n);

}   // namespace bpl
