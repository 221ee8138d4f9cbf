// weights_json.cpp: the writer/reader round trip, the shape checks with their messages, and
// loading weights into a network (shape changes through config_set_shape_from).
#include <doctest/doctest.h>

#include <string>
#include "network.hpp"
#include "trainer.hpp"
#include "weights_json.hpp"

namespace {

bpl::Network make_net(const char* settings) {
    bpl::Config cfg;
    std::string error;
    REQUIRE_MESSAGE(bpl::config_parse(cfg, settings, error), error);
    bpl::Network net;
    REQUIRE_MESSAGE(bpl::network_init(net, cfg, error), error);
    return net;
}

const char* kGood = R"({"layers": [
  {"W": [[1, 2, 3], [4, 5, 6]], "b": [0.5, -0.5, 0]},
  {"W": [[1], [2], [3]], "b": [0.25]}
]})";

}   // namespace

TEST_CASE("weights_to_json round-trips exactly") {
    for (const char* settings : {"hidden=4&seed=1", "hidden=1&seed=2", "hidden=8,8&seed=3", "hidden=32,1,5,2&seed=4"}) {
        INFO(std::string(settings));
        bpl::Network net = make_net(settings);
        bpl::train_epochs(net, 3);   // nonzero biases
        std::string json = bpl::weights_to_json(net);
        bpl::WeightsFile file;
        std::string error;
        REQUIRE_MESSAGE(bpl::weights_from_json(json, file, error), error);
        bpl::WeightsFile direct = bpl::weights_of(net);
        REQUIRE(file.layers.size() == direct.layers.size());
        for (size_t l = 0; l < file.layers.size(); ++l) {
            CHECK(file.layers[l].fan_in == direct.layers[l].fan_in);
            CHECK(file.layers[l].fan_out == direct.layers[l].fan_out);
            CHECK(file.layers[l].W == direct.layers[l].W);   // bit for bit
            CHECK(file.layers[l].b == direct.layers[l].b);
        }
    }
}

TEST_CASE("a hand-written file parses, and unknown keys are ignored") {
    bpl::WeightsFile file;
    std::string error;
    REQUIRE_MESSAGE(bpl::weights_from_json(kGood, file, error), error);
    REQUIRE(file.layers.size() == 2);
    CHECK(file.layers[0].fan_in == 2);
    CHECK(file.layers[0].fan_out == 3);
    CHECK(file.layers[0].W == std::vector<double>{1, 2, 3, 4, 5, 6});
    CHECK(file.layers[1].b[0] == doctest::Approx(0.25));
    std::string with_notes = R"({"note": {"x": [1, "two", null]}, "layers": [{"W": [[1], [2]], "b": [0], "act": "tanh"},
                                 {"W": [[3]], "b": [4]}], "losses": [0.1]})";
    CHECK_MESSAGE(bpl::weights_from_json(with_notes, file, error), error);
    CHECK(file.layers[0].fan_out == 1);
}

TEST_CASE("malformed or wrongly shaped weights are rejected with the place named") {
    const std::string row4 = "[0, 0, 0, 0]";
    const std::string hidden4 = "{\"W\": [" + row4 + ", " + row4 + "], \"b\": " + row4 + "}";
    const struct {
        std::string text;
        const char* message;
    } cases[] = {
        {"", "weights JSON: expected an object"},
        {"[]", "weights JSON: expected an object"},
        {"{}", "weights JSON: missing \"layers\""},
        {"{\"layers\": []}", "layers: expected 1 to 5 layers (0 to 4 hidden layers, then the output layer), got 0"},
        {"{\"layers\": [" + hidden4 + "]}", "layers[0].W: expected 1 column (the single output), got 4"},
        {"{\"layers\": {}}", "layers: expected an array"},
        {"{\"layers\": [" + hidden4 + ", {\"W\": [[1], [1], [1]], \"b\": [0]}]}",
         "layers[1].W: expected 4 rows, got 3 (one per unit of layers[0])"},
        {"{\"layers\": [" + hidden4 + ", {\"W\": [[1], [1], [1]], \"b\": [0]}]}", ", got 3"},
        {"{\"layers\": [{\"W\": [[1, 2]], \"b\": [0, 0]}, {\"W\": [[1], [1]], \"b\": [0]}]}",
         "layers[0].W: expected 2 rows, got 1 (one per input)"},
        {"{\"layers\": [{\"W\": [[1, 2], [3]], \"b\": [0, 0]}, {\"W\": [[1], [1]], \"b\": [0]}]}",
         "layers[0].W[1]: expected 2 numbers like row 0, got 1"},
        {"{\"layers\": [{\"W\": [[1, 2], [3, 4]], \"b\": [0]}, {\"W\": [[1], [1]], \"b\": [0]}]}",
         "layers[0].b: expected 2 numbers (one per unit), got 1"},
        {"{\"layers\": [{\"W\": [[1, 2], [3, 4]], \"b\": [0, 0]}, {\"W\": [[1, 1], [1, 1]], \"b\": [0, 0]}]}",
         "layers[1].W: expected 1 column (the single output), got 2"},
        {"{\"layers\": [{\"W\": [[], []], \"b\": []}, {\"W\": [], \"b\": [0]}]}",
         "layers[0].W: a hidden layer needs 1 to 32 units"},
        {"{\"layers\": [{\"W\": [[1, 2], [3, 4]]}, {\"W\": [[1], [1]], \"b\": [0]}]}", "layers[0]: missing \"b\""},
        {"{\"layers\": [{\"b\": [0, 0]}, {\"W\": [[1], [1]], \"b\": [0]}]}", "layers[0]: missing \"W\""},
        {"{\"layers\": [{\"W\": [[1, NaN], [3, 4]], \"b\": [0, 0]}]}",
         "layers[0].W[0][1]: NaN and Infinity are not allowed"},
        {"{\"layers\": [{\"W\": [[1, 2], [3, Infinity]], \"b\": [0, 0]}]}", "layers[0].W[1][1]: NaN and Infinity"},
        {"{\"layers\": [{\"W\": [[1, 2], [3, 4]], \"b\": [0, 1e999]}]}", "layers[0].b[1]: number too large"},
        {"{\"layers\": [{\"W\": [[1, 2], [3, null]], \"b\": [0, 0]}]}",
         "layers[0].W[1][1]: expected a number, got null"},
        {"{\"layers\": [{\"W\": [[1, \"2\"], [3, 4]], \"b\": [0, 0]}]}", "layers[0].W[0][1]: expected a number"},
        {"{\"layers\": [{\"W\": [1, 2], \"b\": [0, 0]}]}", "layers[0].W[0]: expected an array"},
        {"{\"layers\": [{\"W\": [[1]], \"W\": [[2]]}]}", "layers[0]: duplicate key \"W\""},
        {"{\"layers\": [], \"layers\": []}", "duplicate key \"layers\""},
        {std::string(kGood) + " x", "unexpected text after the JSON object"},
        {"{\"layers\": [{\"W\": [[1, 2], [3, 4]], \"b\": [0, 0]}, ", "layers[1]: expected an object"},
        {"{\"note\": " + std::string(5000, '[') + "}", "nested too deeply"},
        {std::string(bpl::kMaxWeightsJsonBytes + 1, ' '),
         "weights JSON: too large (1048577 bytes; the limit is 1048576)"},
    };
    for (const auto& c : cases) {
        INFO(c.text.substr(0, 100));
        bpl::WeightsFile file;
        file.layers.resize(1);
        std::string error;
        CHECK_FALSE(bpl::weights_from_json(c.text, file, error));
        CHECK(error.find(c.message) != std::string::npos);
        CHECK(error.find('\n') == std::string::npos);
        CHECK(file.layers.size() == 1);   // untouched
    }
}

TEST_CASE("five and six layers: the hidden-layer limit") {
    std::string layers;
    auto layer = [](int rows) {
        std::string W;
        for (int r = 0; r < rows; ++r) W += std::string(r ? ", " : "") + "[1]";
        return "{\"W\": [" + W + "], \"b\": [0]}";
    };
    for (int count = 1; count <= 6; ++count) {
        layers += std::string(count > 1 ? ", " : "") + layer(count == 1 ? 2 : 1);
        bpl::WeightsFile file;
        std::string error;
        bool ok = bpl::weights_from_json("{\"layers\": [" + layers + "]}", file, error);
        CHECK(ok == (count <= 5));   // 1 layer: the output unit alone (hidden=0)
    }
}

TEST_CASE("weights_load copies into a net of the same shape and clears training state") {
    bpl::WeightsFile file;
    std::string error;
    REQUIRE(bpl::weights_from_json(kGood, file, error));
    bpl::Network net = make_net("hidden=4&seed=9");
    CHECK_FALSE(bpl::weights_load(net, file, error));
    CHECK(error == "weights have hidden layers 3 but the network has 4");

    bpl::Config cfg = net.config;
    bpl::config_set_shape_from(cfg, file);
    CHECK(bpl::config_hidden_string(cfg) == "3");
    CHECK(cfg.seed == 9u);   // other settings kept
    REQUIRE(bpl::network_init(net, cfg, error));
    bpl::train_epochs(net, 5);
    REQUIRE_MESSAGE(bpl::weights_load(net, file, error), error);
    CHECK(net.epoch == 0);
    CHECK_FALSE(net.diverged);
    CHECK(bpl::layer_W(net, 0)[5] == 6.0);
    CHECK(bpl::layer_b(net, 1)[0] == 0.25);
    for (double g : net.grads) CHECK(g == 0.0);
    CHECK(bpl::weights_to_json(net).find("[[1, 2, 3], [4, 5, 6]]") != std::string::npos);
}

TEST_CASE("layers and rows past the limits are counted, not stored (no memory blow-up)") {
    // A megabyte of "{}," once built ~350,000 empty layers (34 MB) before the count check; the
    // extra layers and W rows are now skipped, and the messages still give the full count.
    std::string many = "{\"layers\": [{}";
    for (int l = 1; l < 100000; ++l) many += ", {}";
    many += "]}";
    bpl::WeightsFile file;
    std::string error;
    CHECK_FALSE(bpl::weights_from_json(many, file, error));
    CHECK(error == "layers: expected 1 to 5 layers (0 to 4 hidden layers, then the output layer), got 100000");

    std::string rows;
    for (int r = 0; r < 5000; ++r) rows += std::string(r ? ", " : "") + "[1, 2]";
    std::string tall = "{\"layers\": [{\"W\": [" + rows + "], \"b\": [0, 0]}, {\"W\": [[1], [1]], \"b\": [0]}]}";
    CHECK_FALSE(bpl::weights_from_json(tall, file, error));
    CHECK(error == "layers[0].W: expected 2 rows, got 5000 (one per input)");

    CHECK_FALSE(
        bpl::weights_from_json("{\"layers\": [{\"W\": [[1], [1]], \"b\": [0]}, {\"W\": [[1]], \"b\": [0]},"
                               " {\"W\": [[1]], \"b\": [0]}, {\"W\": [[1]], \"b\": [0]}, {\"W\": [[1]], \"b\": [0]},"
                               " {\"W\": [[NaN]], \"b\": [0]}]}",
                               file, error));
    CHECK(error.find("layers: NaN and Infinity are not allowed") == 0);   // a 6th layer is still parsed as JSON
}

TEST_CASE("a perceptron's weights (no hidden layer) round-trip and set the shape hidden=0") {
    bpl::Config cfg;
    std::string error;
    REQUIRE(bpl::config_parse(cfg, "data=and&hidden=0&seed=4", error));
    bpl::Network net;
    REQUIRE(bpl::network_init(net, cfg, error));
    bpl::train_epochs(net, 30);
    const std::string text = bpl::weights_to_json(net);
    bpl::WeightsFile file;
    REQUIRE(bpl::weights_from_json(text, file, error));
    REQUIRE(file.layers.size() == 1);
    bpl::Config shaped;   // 2-4-1 until the file says otherwise
    bpl::config_set_shape_from(shaped, file);
    CHECK(shaped.hidden_layers == 0);
    bpl::Network back;
    REQUIRE(bpl::network_init(back, shaped, error));
    REQUIRE(bpl::weights_load(back, file, error));
    CHECK(back.params == net.params);
}
