// xor-train's output in its three formats, streamed as training goes (so a long run with a
// small --print-every never holds its losses in memory).
#pragma once
#include "network.hpp"
#include "options.hpp"

// CSV header / the JSON object's settings.
void report_begin(const CliOptions& opts);
// One recorded loss: the loss of `epoch` before that epoch's update.
void report_loss(const CliOptions& opts, long long epoch, double loss);
// Predictions of the final weights (net is run forward) and, for JSON, the weights.
// diverged_at < 0 when training finished normally.
void report_end(const CliOptions& opts, bpl::Network& net, long long diverged_at);
