// Rewind history: an exact ring for recent epochs, a thinned list for the rest of the run.
#include "history.hpp"
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

namespace {

size_t width(const History& h) { return 3 * h.param_count; }

void write_values(double* dst, const bpl::Network& net) {
    const size_t n = net.param_count;
    std::memcpy(dst, net.params.data(), n * sizeof(double));
    std::memcpy(dst + n, net.opt_m.data(), n * sizeof(double));
    std::memcpy(dst + 2 * n, net.opt_v.data(), n * sizeof(double));
}

SnapshotInfo info_of(const bpl::Network& net) {
    return {net.epoch, net.epoch_loss, net.adam_t, net.config};
}

size_t slot_of(long long epoch) { return size_t(epoch % kRecentEpochs); }

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

// An exact snapshot leaving the ring moves to the thinned list when it falls on the stride.
void retire(History& h, size_t slot) {
    const SnapshotInfo& info = h.recent[slot];
    if (info.epoch < 0 || info.epoch % h.thinned_stride != 0) return;
    const size_t w = width(h);
    h.thinned.push_back(info);
    const double* src = &h.recent_values[slot * w];
    h.thinned_values.insert(h.thinned_values.end(), src, src + w);
    if (h.thinned.size() >= kThinnedCap) halve_thinned(h);
}

// Slot index of `epoch` in the exact ring, or -1.
long long recent_slot(const History& h, long long epoch) {
    if (h.recent_count == 0 || epoch > h.newest || epoch <= h.newest - h.recent_count) return -1;
    return (long long)slot_of(epoch);
}

long long thinned_index(const History& h, long long epoch) {
    auto it = std::lower_bound(h.thinned.begin(), h.thinned.end(), epoch,
                               [](const SnapshotInfo& s, long long e) { return s.epoch < e; });
    return it != h.thinned.end() && it->epoch == epoch ? it - h.thinned.begin() : -1;
}

}  // namespace

void history_clear(History& h, size_t param_count) {
    h.param_count = param_count;
    h.recent.clear();
    h.recent_values.clear();
    h.thinned.clear();
    h.thinned_values.clear();
    h.newest = -1;
    h.recent_count = 0;
    h.thinned_stride = 1;
}

void history_record(History& h, const bpl::Network& net) {
    if (net.param_count != h.param_count) history_clear(h, net.param_count);
    const long long e = net.epoch;
    if (e <= h.newest) history_truncate(h, e - 1);
    if (h.recent_count > 0 && e != h.newest + 1) {   // a gap: the ring holds only consecutive epochs
        for (long long k = h.newest - h.recent_count + 1; k <= h.newest; ++k) retire(h, slot_of(k));
        h.recent_count = 0;
    }
    const size_t w = width(h), slot = slot_of(e);
    if (h.recent.size() <= slot) {   // the ring grows to its fixed size as the run gets longer
        h.recent.resize(slot + 1);
        h.recent_values.resize((slot + 1) * w);
    }
    if (h.recent_count == kRecentEpochs) retire(h, slot);
    h.recent[slot] = info_of(net);
    write_values(&h.recent_values[slot * w], net);
    h.newest = e;
    h.recent_count = std::min(h.recent_count + 1, kRecentEpochs);
}

void history_truncate(History& h, long long epoch) {
    if (h.recent_count > 0 && epoch < h.newest) {
        long long oldest = h.newest - h.recent_count + 1;
        h.recent_count = epoch >= oldest ? epoch - oldest + 1 : 0;
    }
    while (!h.thinned.empty() && h.thinned.back().epoch > epoch) {
        h.thinned.pop_back();
        h.thinned_values.resize(h.thinned.size() * width(h));
    }
    h.newest = std::min(h.newest, epoch);
    if (h.recent_count == 0 && !h.thinned.empty()) h.newest = std::min(h.newest, h.thinned.back().epoch);
    if (h.recent_count == 0 && h.thinned.empty()) h.newest = -1;
}

long long history_find(const History& h, long long epoch) {
    if (h.recent_count > 0 && epoch >= h.newest - h.recent_count + 1) return std::min(epoch, h.newest);
    long long best = -1;
    for (const SnapshotInfo& s : h.thinned) {
        if (s.epoch > epoch) break;
        best = s.epoch;
    }
    return best;
}

long long history_oldest(const History& h) {
    if (!h.thinned.empty()) return h.thinned.front().epoch;
    return h.recent_count > 0 ? h.newest - h.recent_count + 1 : -1;
}

size_t history_count(const History& h) { return h.thinned.size() + size_t(h.recent_count); }

bool history_restore(const History& h, long long epoch, bpl::Network& net) {
    if (net.param_count != h.param_count) return false;
    const SnapshotInfo* info = nullptr;
    const double* values = nullptr;
    const size_t w = width(h), n = h.param_count;
    if (long long slot = recent_slot(h, epoch); slot >= 0) {
        info = &h.recent[size_t(slot)];
        values = &h.recent_values[size_t(slot) * w];
    } else if (long long i = thinned_index(h, epoch); i >= 0) {
        info = &h.thinned[size_t(i)];
        values = &h.thinned_values[size_t(i) * w];
    }
    if (!info || info->epoch != epoch) return false;
    std::string error;
    if (!bpl::network_set_training(net, info->config, error)) return false;   // settings first: it may zero the optimizer state
    std::memcpy(net.params.data(), values, n * sizeof(double));
    std::memcpy(net.opt_m.data(), values + n, n * sizeof(double));
    std::memcpy(net.opt_v.data(), values + 2 * n, n * sizeof(double));
    std::fill(net.last_step.begin(), net.last_step.end(), 0.0);
    net.adam_t = info->adam_t;
    net.epoch = info->epoch;
    net.epoch_loss = info->epoch_loss;
    net.batch_index = 0;
    net.phase = 0;
    net.running_loss = 0.0;
    net.diverged = false;
    return true;
}

double history_loss(const History& h, long long epoch) {
    if (long long slot = recent_slot(h, epoch); slot >= 0 && h.recent[size_t(slot)].epoch == epoch)
        return h.recent[size_t(slot)].epoch_loss;
    if (long long i = thinned_index(h, epoch); i >= 0) return h.thinned[size_t(i)].epoch_loss;
    return NAN;
}
