// The reference program prints `Epoch N, Loss: X` every 1,000 epochs (N = 0, 1000, …; X is the
// loss before that epoch's update). The session keeps this log in step with training, so the
// code panel and phase() show the lines the Python program would have printed for this run.
#pragma once
#include <utility>
#include <vector>
#include "config.hpp"
#include "network.hpp"

constexpr long long kPrintEvery = 1000;
constexpr size_t kPrintLogCap = 200;   // lines kept (oldest dropped)

struct PrintLog {                                      // the reference program's printed losses for the current run
    std::vector<std::pair<long long, double>> lines;   // (epoch, loss before that epoch's update)
    bpl::Config config;                                // settings the run started with
    std::vector<double> start;                         // parameters at epoch 0
    bool seeded_start = false;                         // start == the draws of config.seed (else: loaded weights)
    bool mixed = false;                                // settings changed mid-run: not one run of the Python program
    bool valid = false;                                // start has been seen
};

// A clean run starts at epoch 0 with `config`; any change of settings mid-run makes it mixed.
void print_log_track(PrintLog& log, const bpl::Network& net, const bpl::Config& config);
// Whole epochs to train before the next printed line is due (tracks first).
long long print_log_epochs_to_next(PrintLog& log, const bpl::Network& net, const bpl::Config& config);
// Records the line of an epoch just passed, when net sits right after a printed epoch.
void print_log_after_epochs(PrintLog& log, const bpl::Network& net);
