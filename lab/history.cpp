// Rewind history: keyframes (a ring) plus a loss per epoch for the exact span, replayed on
// restore; a thinned list of retired keyframes for the rest of the run.
#include "history.hpp"
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include "trainer.hpp"

namespace {

size_t width(const History& h) { return 3 * h.param_count; }

void write_values(double* dst, const bpl::Network& net) {
    const size_t n = net.param_count;
    std::memcpy(dst, net.params.data(), n * sizeof(double));
    std::memcpy(dst + n, net.opt_m.data(), n * sizeof(double));
    std::memcpy(dst + 2 * n, net.opt_v.data(), n * sizeof(double));
}

SnapshotInfo info_of(const bpl::Network& net) { return {net.epoch, net.epoch_loss, net.adam_t, net.config}; }

// ---- the keyframe ring: key i (0 = oldest) lives in slot (key_head + i) % keys.size() -------

size_t key_slot(const History& h, size_t i) { return (h.key_head + i) % h.keys.size(); }
const SnapshotInfo& key_info(const History& h, size_t i) { return h.keys[key_slot(h, i)]; }
const double* key_values(const History& h, size_t i) { return &h.key_values[key_slot(h, i) * width(h)]; }
const SnapshotInfo& newest_key(const History& h) { return key_info(h, h.key_count - 1); }

// Doubles a full ring, oldest key first. Keys stay few (about kRecentEpochs / kKeyframeEvery)
// unless settings change every epoch; even then at most kRecentEpochs + 1 are live.
void grow_keys(History& h) {
    if (h.key_count < h.keys.size()) return;
    const size_t w = width(h), capacity = std::max<size_t>(8, 2 * h.keys.size());
    std::vector<SnapshotInfo> keys(capacity);
    std::vector<double> values(capacity * w);
    for (size_t i = 0; i < h.key_count; ++i) {
        keys[i] = key_info(h, i);
        std::memcpy(&values[i * w], key_values(h, i), w * sizeof(double));
    }
    h.keys.swap(keys);
    h.key_values.swap(values);
    h.key_head = 0;
}

void push_key(History& h, const bpl::Network& net) {
    grow_keys(h);
    const size_t slot = (h.key_head + h.key_count) % h.keys.size();
    h.keys[slot] = info_of(net);
    write_values(&h.key_values[slot * width(h)], net);
    ++h.key_count;
}

// Keeps every other thinned snapshot (those on multiples of twice the stride).
void halve_thinned(History& h) {
    const long long stride = h.thinned_stride * 2;
    const size_t w = width(h);
    size_t kept = 0;
    for (size_t i = 0; i < h.thinned.size(); ++i) {
        if (h.thinned[i].epoch % stride != 0) continue;
        if (kept != i) {
            h.thinned[kept] = h.thinned[i];
            std::memmove(&h.thinned_values[kept * w], &h.thinned_values[i * w], w * sizeof(double));
        }
        ++kept;
    }
    h.thinned.resize(kept);
    h.thinned_values.resize(kept * w);
    h.thinned_stride = stride;
}

// The oldest keyframe leaves the ring; it moves to the thinned list when it falls on the stride.
void pop_oldest_key(History& h) {
    const SnapshotInfo& info = key_info(h, 0);
    if (info.epoch % h.thinned_stride == 0) {
        const double* src = key_values(h, 0);
        h.thinned.push_back(info);
        h.thinned_values.insert(h.thinned_values.end(), src, src + width(h));
        if (h.thinned.size() >= kThinnedCap) halve_thinned(h);
    }
    h.key_head = key_slot(h, 1);
    --h.key_count;
}

// A keyframe is needed while an epoch of the last kRecentEpochs replays from it: until the next
// keyframe is the first of those epochs or older.
void drop_unneeded_keys(History& h) {
    const long long window_start = h.newest - kRecentEpochs + 1;
    while (h.key_count >= 2 && key_info(h, 1).epoch <= window_start) pop_oldest_key(h);
}

long long thinned_index(const History& h, long long epoch) {
    auto it = std::lower_bound(h.thinned.begin(), h.thinned.end(), epoch,
                               [](const SnapshotInfo& s, long long e) { return s.epoch < e; });
    return it != h.thinned.end() && it->epoch == epoch ? it - h.thinned.begin() : -1;
}

bool in_span(const History& h, long long epoch) {
    return h.key_count > 0 && epoch >= key_info(h, 0).epoch && epoch <= h.newest;
}

// The snapshot to restore `epoch` from (nullptr: not reachable); *values gets its numbers.
const SnapshotInfo* replay_base(const History& h, long long epoch, const double** values) {
    if (in_span(h, epoch)) {
        size_t i = h.key_count - 1;
        while (key_info(h, i).epoch > epoch) --i;   // the span starts at key 0
        *values = key_values(h, i);
        return &key_info(h, i);
    }
    if (long long i = thinned_index(h, epoch); i >= 0) {
        *values = &h.thinned_values[size_t(i) * width(h)];
        return &h.thinned[size_t(i)];
    }
    return nullptr;
}

bool load_snapshot(const SnapshotInfo& info, const double* values, bpl::Network& net) {
    std::string error;
    if (!bpl::network_set_training(net, info.config, error))
        return false;   // settings first: it may zero the optimizer state
    const size_t n = net.param_count;
    std::memcpy(net.params.data(), values, n * sizeof(double));
    std::memcpy(net.opt_m.data(), values + n, n * sizeof(double));
    std::memcpy(net.opt_v.data(), values + 2 * n, n * sizeof(double));
    net.adam_t = info.adam_t;
    net.epoch = info.epoch;
    net.epoch_loss = info.epoch_loss;
    net.batch_index = 0;
    net.phase = 0;
    net.running_loss = 0.0;
    net.diverged = false;
    return true;
}

}   // namespace

void history_clear(History& h, size_t param_count) {
    h.param_count = param_count;
    h.keys.clear();
    h.key_values.clear();
    h.key_head = 0;
    h.key_count = 0;
    h.recent_loss.assign(kLossRing, NAN);
    h.thinned.clear();
    h.thinned_values.clear();
    h.newest = -1;
    h.next_key = 0;
    h.thinned_stride = kKeyframeEvery;
}

void history_record_keyframe(History& h, const bpl::Network& net) {
    if (net.param_count != h.param_count || h.recent_loss.size() != kLossRing) history_clear(h, net.param_count);
    const long long e = net.epoch;
    if (e <= h.newest) history_truncate(h, e - 1);
    if (h.key_count > 0 && e != h.newest + 1) {   // a gap: nothing replays across it
        while (h.key_count > 0) pop_oldest_key(h);
    }
    push_key(h, net);
    h.recent_loss[size_t(e) & (kLossRing - 1)] = net.epoch_loss;
    h.newest = e;
    h.next_key = (e / kKeyframeEvery + 1) * kKeyframeEvery;   // aligned, whatever forced this one
    drop_unneeded_keys(h);
}

bool history_continues(const History& h, const bpl::Network& net) {
    return h.key_count > 0 && net.param_count == h.param_count && net.epoch == h.newest && net.phase == 0 &&
           net.batch_index == 0 && net.config == newest_key(h).config;
}

void history_mark_break(History& h) { h.next_key = std::min(h.next_key, h.newest + 1); }

void history_truncate(History& h, long long epoch) {
    if (epoch >= h.newest) return;
    while (h.key_count > 0 && newest_key(h).epoch > epoch) --h.key_count;
    while (!h.thinned.empty() && h.thinned.back().epoch > epoch) {
        h.thinned.pop_back();
        h.thinned_values.resize(h.thinned.size() * width(h));
    }
    if (h.key_count > 0) {
        h.newest = epoch;
        h.next_key = (epoch / kKeyframeEvery + 1) * kKeyframeEvery;
    } else {   // only thinned snapshots left: the next record starts a new span with a keyframe
        h.newest = h.thinned.empty() ? -1 : h.thinned.back().epoch;
        h.next_key = h.newest + 1;
    }
}

long long history_exact_from(const History& h) { return h.key_count > 0 ? key_info(h, 0).epoch : -1; }

long long history_exact_count(const History& h) {
    return h.key_count > 0 ? std::min(kRecentEpochs, h.newest - history_exact_from(h) + 1) : 0;
}

long long history_find(const History& h, long long epoch) {
    const long long from = history_exact_from(h);
    if (from >= 0 && epoch >= from) return std::min(epoch, h.newest);
    long long best = -1;
    for (const SnapshotInfo& s : h.thinned) {
        if (s.epoch > epoch) break;
        best = s.epoch;
    }
    return best;
}

long long history_oldest(const History& h) {
    if (!h.thinned.empty()) return h.thinned.front().epoch;
    return h.key_count > 0 ? key_info(h, 0).epoch : -1;
}

size_t history_count(const History& h) { return h.thinned.size() + size_t(history_exact_count(h)); }

// The newest snapshot older than `epoch` (nullptr: none); *values gets its numbers.
const SnapshotInfo* snapshot_before(const History& h, long long epoch, const double** values) {
    for (size_t i = h.key_count; i-- > 0;)
        if (key_info(h, i).epoch < epoch) {
            *values = key_values(h, i);
            return &key_info(h, i);
        }
    auto it = std::lower_bound(h.thinned.begin(), h.thinned.end(), epoch,
                               [](const SnapshotInfo& s, long long e) { return s.epoch < e; });
    if (it == h.thinned.begin()) return nullptr;
    --it;
    *values = &h.thinned_values[size_t(it - h.thinned.begin()) * width(h)];
    return &*it;
}

// A snapshot holds no gradients or deltas: those of its epoch come from replaying the epoch
// into it from the snapshot before. Where that replay does not land on the snapshot's weights
// (a settings change thinned away in between) or there is none, they are unknown: zero.
void restore_gradients(const History& h, const SnapshotInfo& at, const double* at_values, bpl::Network& net) {
    const double* values = nullptr;
    const SnapshotInfo* before = snapshot_before(h, at.epoch, &values);
    bpl::Network replay = net;
    if (before && load_snapshot(*before, values, replay)) {
        bpl::train_epochs(replay, at.epoch - before->epoch);
        if (!replay.diverged && replay.epoch == at.epoch &&
            std::memcmp(replay.params.data(), at_values, net.param_count * sizeof(double)) == 0) {
            net.grads = replay.grads;
            net.delta = replay.delta;
            net.z = replay.z;
            net.a = replay.a;
            return;
        }
    }
    std::fill(net.grads.begin(), net.grads.end(), 0.0);
    std::fill(net.delta.begin(), net.delta.end(), 0.0);
}

bool history_restore(const History& h, long long epoch, bpl::Network& net) {
    if (net.param_count != h.param_count) return false;
    const double* values = nullptr;
    const SnapshotInfo* base = replay_base(h, epoch, &values);
    if (!base) return false;
    bpl::Network replay = net;   // net stays untouched unless the replay lands on `epoch`
    if (!load_snapshot(*base, values, replay)) return false;
    if (base->epoch == epoch) restore_gradients(h, *base, values, replay);
    bpl::train_epochs(replay, epoch - base->epoch);   // deterministic: the same epochs as the first time
    if (replay.diverged || replay.epoch != epoch || replay.phase != 0) return false;
    std::fill(replay.last_step.begin(), replay.last_step.end(),
              0.0);   // as before keyframes: the step into a restored epoch is not shown
    net = std::move(replay);
    return true;
}

double history_loss(const History& h, long long epoch) {
    if (in_span(h, epoch)) return h.recent_loss[size_t(epoch) & (kLossRing - 1)];
    if (long long i = thinned_index(h, epoch); i >= 0) return h.thinned[size_t(i)].epoch_loss;
    return NAN;
}
