// Rewind history: snapshots of the training state at epoch boundaries. Every epoch of the
// last kRecentEpochs is kept exactly (a ring indexed by epoch), older ones thinned over the
// whole run (every stride-th epoch, stride doubling when full), so memory is fixed after start:
// at most (kRecentEpochs + kThinnedCap) slots of 3P doubles (P = parameter count).
#pragma once
#include <vector>
#include "config.hpp"
#include "network.hpp"

constexpr long long kRecentEpochs = 1000;
constexpr size_t kThinnedCap = 256;

struct SnapshotInfo {          // what a snapshot holds besides its numbers
    long long epoch = -1;      // completed epochs at the snapshot (-1: empty slot)
    double epoch_loss = 0.0;   // net.epoch_loss then
    long long adam_t = 0;
    bpl::Config config;        // training settings then (restored on rewind)
};

struct History {
    size_t param_count = 0;                 // P; each slot holds params, opt_m, opt_v (3P)
    std::vector<SnapshotInfo> recent;       // ring: epoch e lives in slot e % kRecentEpochs
    std::vector<double> recent_values;
    long long newest = -1;                  // newest recorded epoch (-1: none)
    long long recent_count = 0;             // exact epochs newest-recent_count+1 .. newest
    std::vector<SnapshotInfo> thinned;      // older snapshots, ascending, epochs % stride == 0
    std::vector<double> thinned_values;
    long long thinned_stride = 1;
};

void history_clear(History& h, size_t param_count);
// Records net (at an epoch boundary). A gap in epochs drops the exact tier first.
void history_record(History& h, const bpl::Network& net);
// Drops every snapshot after `epoch`.
void history_truncate(History& h, long long epoch);
// The stored epoch closest to `epoch` at or before it; -1 when there is none.
long long history_find(const History& h, long long epoch);
long long history_oldest(const History& h);
size_t history_count(const History& h);
// Copies the snapshot of exactly `epoch` into net (params, optimizer state, position,
// settings); false when that epoch is not stored or the shape differs.
bool history_restore(const History& h, long long epoch, bpl::Network& net);
// Epoch loss stored with the snapshot (NaN when not stored).
double history_loss(const History& h, long long epoch);
