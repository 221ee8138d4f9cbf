// One validated configuration for a network and its training, parsed from key=value strings.
// The CLI, the page's URL parameters and its JS API all go through config_set, so every
// front end gives the same messages and the same limits.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include "activations.hpp"
#include "choices.hpp"
#include "dataset.hpp"
#include "losses.hpp"

namespace bpl {

struct Config {
    DataSpec data;                                        // data=, targets=, points=, noise=, train=
    int hidden_layers = 1;                                // 0: no hidden layer (a single 2→1 unit, the perceptron)
    int hidden_units[kMaxHiddenLayers] = {4, 4, 4, 4};    // only the first hidden_layers count
    Activation activation = Activation::sigmoid;          // hidden layers
    Activation output_activation = Activation::sigmoid;   // sigmoid or linear
    Loss loss = Loss::mse;
    Optimizer optimizer = Optimizer::sgd;
    double lr = 0.1;
    double momentum = 0.9;        // momentum optimizer: v = μv − η∇; Adam β1
    double beta2 = 0.999;         // Adam
    double adam_epsilon = 1e-8;   // Adam
    Init init = Init::normal;
    uint32_t seed = 42;
    BatchMode batch = BatchMode::full;
    int batch_size = 0;                          // rows per batch for BatchMode::minibatch (2 and up)
    Regularization reg = Regularization::none;   // penalty on the weights
    double reg_rate = 0.001;                     // its rate λ (0 to 0.1)
};

bool operator==(const Config& a, const Config& b);
inline bool operator!=(const Config& a, const Config& b) { return !(a == b); }

// Keys (value ranges in the messages):
//   hidden=4 | hidden=8,8 | hidden=0  (0, or 1..4 layers of 1..32 units)
//   act=sigmoid|tanh|relu|leaky_relu|linear   out=sigmoid|linear   loss=mse|mse_mean|bce
//   opt=sgd|momentum|adam  lr=0.1 (1e-6..100)  momentum=0.9 [0,1)  init=normal|xavier|he
//   seed=0..4294967295     batch=full|sample|N (N rows, 1..1000; 1 = sample)
//   data=xor|and|or|nand|nor|xnor|xor-cloud|circle|gauss|spiral   targets=0110 (a custom table)
//   points=50..1000  noise=0..50  train=10..90 (%)   reg=none|l1|l2  reg_rate=0..0.1
//   beta2=0.999 [0,1)      eps=1e-8 (1e-12..0.1)      (Adam; so every field round-trips)
// Keys, aliases and ranges are the engine rows of the settings table (settings.hpp); aliases:
// activation, optimizer/optimiser, layers (= hidden), output (= out),
// init_scheme (= init). Numbers are decimal only (no "nan", "inf", hex or trailing junk).
// On error returns false, leaves cfg untouched and sets `error` to one line naming the key,
// the value and the allowed range, e.g. "lr=abc: not a number (allowed 1e-06 to 100)".
bool config_set(Config& cfg, std::string_view key, std::string_view value, std::string& error);
bool config_is_key(std::string_view key);

// Applies a list of key=value pairs separated by '&', ',' is NOT a separator (hidden=8,8),
// whitespace or newlines. All-or-nothing: on any error cfg is unchanged.
bool config_parse(Config& cfg, std::string_view text, std::string& error);

// Cross-field checks (bce needs a sigmoid output, …); config_set/config_parse call it.
bool config_validate(const Config& cfg, std::string& error);

// A batch size larger than the training set: clamps cfg.batch_size to it and says so in
// `notice` (returns true); false when nothing needed clamping.
bool config_clamp_batch(Config& cfg, std::string& notice);
// Rows per batch for cfg's data: the training set (full), 1 (sample) or min(batch_size, train).
int config_batch_rows(const Config& cfg);
// "full", "sample" or the batch size.
std::string config_batch_string(const Config& cfg);
// "data=circle&points=200&noise=0&train=50" (targets=0110 instead of data= for a custom table).
std::string config_data_string(const Config& cfg);

// Canonical "key=value&…" form listing every key (round-trips through config_parse).
std::string config_to_string(const Config& cfg);
// Just the hidden sizes as "4" or "8,8".
std::string config_hidden_string(const Config& cfg);

}   // namespace bpl
