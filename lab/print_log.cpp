// The reference program's printed losses, recorded as training passes them.
#include "print_log.hpp"
#include <string>

void print_log_track(PrintLog& log, const bpl::Network& net, const bpl::Config& config) {
    bool at_start = net.epoch == 0 && net.batch_index == 0 && net.phase == 0;
    if (at_start && (!log.valid || log.start != net.params || !(log.config == config))) {
        log.lines.clear();
        log.start = net.params;
        log.config = config;
        log.mixed = false;
        log.valid = true;
        bpl::Network seeded;
        std::string error;
        log.seeded_start = bpl::network_init(seeded, config, error) && seeded.params == net.params;
    } else if (!at_start && (!log.valid || !(log.config == config))) {
        log.mixed = true;
    }
}

long long print_log_epochs_to_next(PrintLog& log, const bpl::Network& net, const bpl::Config& config) {
    print_log_track(log, net, config);
    long long k = ((1 - net.epoch) % kPrintEvery + kPrintEvery) % kPrintEvery;   // to epoch ≡ 1
    return k == 0 ? kPrintEvery : k;
}

void print_log_after_epochs(PrintLog& log, const bpl::Network& net) {
    if (net.phase != 0 || net.batch_index != 0 || net.epoch % kPrintEvery != 1) return;
    long long printed = net.epoch - 1;
    if (!log.lines.empty() && log.lines.back().first >= printed) return;
    if (log.lines.size() >= kPrintLogCap) log.lines.erase(log.lines.begin());
    log.lines.push_back({printed, net.epoch_loss});
}
