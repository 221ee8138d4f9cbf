// Weights in and out as JSON: {"layers": [{"W": [[...], ...], "b": [...]}, ...]}, W of shape
// fan_in x fan_out (NumPy's X@W orientation). A small JSON reader of our own: malformed or
// wrongly shaped input is rejected with a message, never a crash (depth and size limited).
#pragma once
#include <string>
#include <string_view>
#include <vector>
#include "network.hpp"

namespace bpl {

struct LayerWeights {
    int fan_in = 0, fan_out = 0;
    std::vector<double> W;   // fan_in x fan_out, row-major
    std::vector<double> b;   // fan_out
};

struct WeightsFile {
    std::vector<LayerWeights> layers;
};

constexpr size_t kMaxWeightsJsonBytes = 1 << 20;

// Parses and checks structure: 2 -> hidden... -> 1, consistent fan_in/fan_out between layers,
// 1..4 hidden layers of 1..32 units, finite numbers. Message names the place, e.g.
// "layers[1].W: expected 4 rows, got 3".
bool weights_from_json(std::string_view text, WeightsFile& out, std::string& error);
std::string weights_to_json(const Network& net);   // 17 significant digits, round-trips
WeightsFile weights_of(const Network& net);
// Hidden sizes of the file into cfg (keeping the other settings).
void config_set_shape_from(Config& cfg, const WeightsFile& w);
// Copies the weights into net when shapes agree; training state (epoch, optimizer) cleared.
bool weights_load(Network& net, const WeightsFile& w, std::string& error);

}   // namespace bpl
