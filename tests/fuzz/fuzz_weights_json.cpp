// libFuzzer target for the weights JSON reader: arbitrary bytes through weights_from_json; an
// accepted file must be well shaped and finite, load into a network, and write back bit for
// bit. Any broken invariant aborts. Built and run by tests/fuzz/run_fuzzer.sh weights_json <seconds>.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>
#include "fuzz_checks.hpp"
#include "trainer.hpp"
#include "weights_json.hpp"

namespace {

constexpr size_t kMaxMessageChars = 200;

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

// 2 -> 1..32 (0 to 4 times) -> 1, sizes matching the vectors, every number finite.
void check_shapes(const bpl::WeightsFile& file) {
    const size_t count = file.layers.size();
    require(count >= 1 && count <= static_cast<size_t>(bpl::kMaxLayers), "layer count out of range");
    int fan_in = bpl::kInputs;
    for (size_t l = 0; l < count; ++l) {
        const bpl::LayerWeights& layer = file.layers[l];
        require(layer.fan_in == fan_in, "fan_in does not follow the previous layer");
        bool output = l + 1 == count;
        require(output ? layer.fan_out == bpl::kOutputs : layer.fan_out >= 1 && layer.fan_out <= bpl::kMaxHiddenUnits,
                "fan_out out of range");
        require(layer.W.size() == static_cast<size_t>(layer.fan_in) * layer.fan_out, "W size is not fan_in x fan_out");
        require(layer.b.size() == static_cast<size_t>(layer.fan_out), "b size is not fan_out");
        for (double x : layer.W) require(std::isfinite(x), "non-finite W");
        for (double x : layer.b) require(std::isfinite(x), "non-finite b");
        fan_in = layer.fan_out;
    }
}

// Loads the file into a network of its shape, writes it out, reads it back: same bits.
void check_round_trip(const bpl::WeightsFile& file) {
    bpl::Config cfg;
    bpl::config_set_shape_from(cfg, file);
    bpl::Network net;
    std::string error;
    require(bpl::network_init(net, cfg, error), "network_init rejects the file's shape", error);
    require(bpl::weights_load(net, file, error), "weights_load rejects a checked file", error);
    std::string json = bpl::weights_to_json(net);
    bpl::WeightsFile back;
    require(bpl::weights_from_json(json, back, error), "weights_to_json output rejected", json + "\n" + error);
    require(back.layers.size() == file.layers.size(), "round trip changed the layer count", json);
    for (size_t l = 0; l < file.layers.size(); ++l) {
        require(back.layers[l].fan_in == file.layers[l].fan_in && back.layers[l].fan_out == file.layers[l].fan_out,
                "round trip changed a shape", json);
        require(same_bits(back.layers[l].W, file.layers[l].W), "round trip changed W bits", json);
        require(same_bits(back.layers[l].b, file.layers[l].b), "round trip changed b bits", json);
    }
    // Any finite weights must train and predict without tripping the sanitizers (the result
    // may diverge; that is the trainer's flag, not a crash).
    bpl::train_epochs(net, 2);
    bpl::network_predict(net);
    (void)bpl::network_eval(net, 0.5, -0.5);
}

}   // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    bpl::WeightsFile file;
    file.layers.resize(1);
    file.layers[0].fan_in = -7;   // a marker: a rejected input must leave `file` as it was
    std::string error;
    if (!bpl::weights_from_json(text, file, error)) {
        require(file.layers.size() == 1 && file.layers[0].fan_in == -7, "rejected input changed the output");
        check_message(error, kMaxMessageChars);
        return 0;
    }
    check_shapes(file);
    check_round_trip(file);
    return 0;
}
