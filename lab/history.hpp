// Rewind history: every epoch of the last kRecentEpochs (or a few more) is reachable exactly, older
// ones thinned over the whole run (every stride-th epoch, stride doubling when full), so memory is
// fixed after start. Training is deterministic, so the exact span stores a keyframe (3P doubles,
// P = parameter count) only every kKeyframeEvery epochs, and after anything that changed the net
// outside training; any other epoch of the span is replayed from the keyframe before it. Per epoch,
// recording costs a compare and one stored loss: copying 3P doubles per epoch cost the page more
// than the epoch itself.
#pragma once
#include <vector>
#include "config.hpp"
#include "network.hpp"
#include "trainer.hpp"

constexpr long long kRecentEpochs = 1000;
constexpr long long kKeyframeEvery = 32;   // a power of two, so keyframes fall on every thinned stride
constexpr size_t kThinnedCap = 256;
constexpr size_t kLossRing = 2048;   // a power of two >= the longest span: epoch e at e & (kLossRing - 1)
static_assert(kLossRing >= size_t(kRecentEpochs + 2 * kKeyframeEvery), "the loss ring must cover the exact span");

struct SnapshotInfo {          // what a snapshot holds besides its numbers
    long long epoch = -1;      // completed epochs at the snapshot
    double epoch_loss = 0.0;   // net.epoch_loss then
    long long adam_t = 0;
    bpl::Config config;   // training settings then (restored on rewind)
};

struct History {
    size_t param_count = 0;   // P; each snapshot holds params, opt_m, opt_v (3P)
    // Exact span: keyframes, a ring in ascending epochs (slot (key_head + i) % keys.size()). The
    // span runs from the oldest keyframe (under 2 * kKeyframeEvery epochs before the last
    // kRecentEpochs: unneeded keyframes go when a keyframe is written) to the newest epoch.
    std::vector<SnapshotInfo> keys;
    std::vector<double> key_values;
    size_t key_head = 0, key_count = 0;
    std::vector<double> recent_loss;   // epoch_loss of each epoch of the span (kLossRing)
    long long newest = -1;             // newest recorded epoch (-1: none)
    long long next_key = 0;            // recording this epoch (or a later one) writes a keyframe
    // Older snapshots, ascending, epochs % thinned_stride == 0 (retired keyframes).
    std::vector<SnapshotInfo> thinned;
    std::vector<double> thinned_values;
    long long thinned_stride = kKeyframeEvery;
};

void history_clear(History& h, size_t param_count);
// The slow half of history_record: a keyframe, a gap (drops the exact span) or a first record.
void history_record_keyframe(History& h, const bpl::Network& net);
// Records net after a completed epoch (at an epoch boundary). Inline: it runs after every epoch.
inline void history_record(History& h, const bpl::Network& net) {
    const long long e = net.epoch;
    if (e != h.newest + 1 || e >= h.next_key) return history_record_keyframe(h, net);
    h.recent_loss[size_t(e) & (kLossRing - 1)] = net.epoch_loss;
    h.newest = e;
}
// True when net is where the history left it (newest epoch, same settings, at a boundary), so the
// epochs it trains next replay from the keyframes; otherwise call history_mark_break first.
bool history_continues(const History& h, const bpl::Network& net);
// The net changed outside training (settings, optimizer state): the next record is a keyframe.
void history_mark_break(History& h);
// Drops every snapshot after `epoch`.
void history_truncate(History& h, long long epoch);
// The stored epoch closest to `epoch` at or before it; -1 when there is none.
long long history_find(const History& h, long long epoch);
long long history_oldest(const History& h);
long long history_exact_from(const History& h);   // first epoch of the exact span (-1: empty)
// Epochs of the promised window: the last kRecentEpochs of the span (the bound the page reports).
long long history_exact_count(const History& h);
size_t history_count(const History& h);   // thinned snapshots + history_exact_count
// Puts net in the state of exactly `epoch` (params, optimizer state, position, settings),
// replaying from the keyframe before it; false (net untouched) when that epoch is not stored or
// the shape differs.
bool history_restore(const History& h, long long epoch, bpl::Network& net);
// Epoch loss of a stored epoch (NaN when not stored).
double history_loss(const History& h, long long epoch);

// Trains up to n epochs (fewer when the net diverges), recording each finished one, then calls
// after(net) (the page records gradient sizes there). Marks a break first when the net changed
// since the last record. Returns the epochs run, counted like bpl::train_epochs.
template <typename AfterEpoch>
long long history_train_epochs(History& h, bpl::Network& net, long long n, AfterEpoch&& after) {
    if (!history_continues(h, net)) history_mark_break(h);
    long long run = 0;
    for (; run < n && !net.diverged; ++run) {
        bpl::train_epoch(net);
        if (net.diverged) continue;
        history_record(h, net);   // inline: a compare and a stored loss between keyframes
        after(net);
    }
    return run;
}
