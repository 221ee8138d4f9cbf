// xor-train's output in its three formats, streamed as training goes (so a long run with a
// small --print-every never holds its losses in memory).
#pragma once
#include "network.hpp"
#include "options.hpp"

// CSV header / the JSON object's settings (the data's sizes come from net).
void report_begin(const CliOptions& opts, const bpl::Network& net);
// One printed epoch: its loss (before its updates) and the evaluation of the weights it
// started from (text shows the evaluation on point clouds only, keeping a truth table's lines
// the reference program's).
void report_epoch(const CliOptions& opts, long long epoch, double loss, const bpl::Evaluation& start);
// Predictions of the final weights (net is run forward), their train/test loss and accuracy
// and, for JSON, the weights. diverged_at < 0 when training finished normally.
void report_end(const CliOptions& opts, bpl::Network& net, long long diverged_at);
// --dump-data: the data as JSON, points in data order (training rows first).
void report_data(const CliOptions& opts, const bpl::Network& net);
