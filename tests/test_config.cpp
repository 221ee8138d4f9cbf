// config.cpp: the key table, all-or-nothing parsing, cross-field checks, the messages for bad
// values (one line naming key, value and the allowed range) and the canonical string.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include "config.hpp"

using bpl::Config;

namespace {

// A config that differs from the defaults everywhere, to see that failures leave it alone.
Config unusual_config() {
    Config cfg;
    std::string error;
    REQUIRE_MESSAGE(bpl::config_parse(cfg,
                                      "hidden=3,5&act=tanh&out=linear&loss=mse_mean&opt=adam&lr=0.25&"
                                      "momentum=0.5&beta2=0.99&eps=1e-07&init=he&seed=7&batch=sample",
                                      error),
                    error);
    return cfg;
}

}   // namespace

TEST_CASE("tables follow their enums") {
    CHECK(bpl::kOptimizers[int(bpl::Optimizer::adam)].id == bpl::Optimizer::adam);
    CHECK(std::string(bpl::kOptimizers[int(bpl::Optimizer::momentum)].name) == "momentum");
    CHECK(std::string(bpl::kInits[int(bpl::Init::xavier)].name) == "xavier");
    CHECK(std::string(bpl::kBatchModes[int(bpl::BatchMode::sample)].name) == "sample");
    CHECK(bpl::config_is_key("init"));
    CHECK(bpl::config_is_key("layers"));
    CHECK(bpl::config_is_key("activation"));
    CHECK(bpl::config_is_key("output"));
    CHECK_FALSE(bpl::config_is_key("Hidden"));
    CHECK_FALSE(bpl::config_is_key(""));
}

TEST_CASE("config_set accepts every key and alias") {
    Config cfg;
    std::string error;
    CHECK(bpl::config_set(cfg, "hidden", "8,8", error));
    CHECK(cfg.hidden_layers == 2);
    CHECK(cfg.hidden_units[1] == 8);
    CHECK(bpl::config_set(cfg, "layers", "1,2,3,32", error));
    CHECK(bpl::config_hidden_string(cfg) == "1,2,3,32");
    CHECK(bpl::config_set(cfg, "act", "leaky_relu", error));
    CHECK(cfg.activation == bpl::Activation::leaky_relu);
    CHECK(bpl::config_set(cfg, "activation", "relu", error));
    CHECK(cfg.activation == bpl::Activation::relu);
    CHECK(bpl::config_set(cfg, "output", "linear", error));
    CHECK(cfg.output_activation == bpl::Activation::linear);
    CHECK(bpl::config_set(cfg, "optimizer", "momentum", error));
    CHECK(cfg.optimizer == bpl::Optimizer::momentum);
    CHECK(bpl::config_set(cfg, "lr", "1e-6", error));
    CHECK(cfg.lr == doctest::Approx(1e-6));
    CHECK(bpl::config_set(cfg, "lr", "100", error));
    CHECK(bpl::config_set(cfg, "momentum", "0", error));
    CHECK(bpl::config_set(cfg, "seed", "4294967295", error));
    CHECK(cfg.seed == 4294967295u);
    CHECK(bpl::config_set(cfg, "seed", "007", error));
    CHECK(cfg.seed == 7u);
    CHECK(bpl::config_set(cfg, "init_scheme", "xavier", error));
    CHECK(cfg.init == bpl::Init::xavier);
    CHECK(bpl::config_set(cfg, "batch", "sample", error));
    CHECK(bpl::config_set(cfg, "eps", "1e-10", error));
    CHECK(cfg.adam_epsilon == doctest::Approx(1e-10));
}

TEST_CASE("bad values are rejected with a one-line message and leave the config unchanged") {
    const std::string long_value(5000, '7');
    const struct {
        const char* key;
        std::string value;
        const char* message;
    } cases[] = {
        {"lr", "abc", "lr=abc: not a number (allowed 1e-06 to 100)"},
        {"lr", "", "lr=: not a number (allowed 1e-06 to 100)"},
        {"lr", "nan", "lr=nan: not a finite number"},
        {"lr", "-inf", "lr=-inf: not a finite number"},
        {"lr", "1e999", "lr=1e999: out of range (allowed 1e-06 to 100)"},
        {"lr", "1e-999", "lr=1e-999: out of range"},
        {"lr", "-0.1", "lr=-0.1: out of range"},
        {"lr", "0", "lr=0: out of range"},
        {"lr", "100.5", "out of range"},
        {"lr", "4x", "lr=4x: not a number"},
        {"lr", " 0.1", "not a number"},
        {"lr", "0x10", "not a number"},
        {"lr", "1,5", "not a number"},
        {"momentum", "1", "momentum=1: out of range (allowed 0 up to but not including 1)"},
        {"beta2", "-0.5", "beta2=-0.5: out of range"},
        {"eps", "0", "eps=0: out of range"},
        {"act", "foo", "act=foo: unknown activation (choose sigmoid, tanh, relu, leaky_relu, linear)"},
        {"act", "Sigmoid", "unknown activation"},
        {"out", "tanh", "out=tanh: unknown output activation (choose sigmoid, linear)"},
        {"loss", "xent", "loss=xent: unknown loss (choose mse, mse_mean, bce)"},
        {"opt", "rmsprop", "opt=rmsprop: unknown optimizer (choose sgd, momentum, adam)"},
        {"init", "glorot", "init=glorot: unknown init scheme (choose normal, xavier, he)"},
        {"batch", "mini", "batch=mini: expected full, sample or a batch size 1 to 1000"},
        {"batch", "0", "batch=0: expected full, sample or a batch size 1 to 1000"},
        {"batch", "1001", "batch=1001: expected full, sample or a batch size 1 to 1000"},
        {"batch", "10.5", "batch=10.5: expected"},
        {"data", "moons",
         "data=moons: unknown data set (choose xor, and, or, nand, nor, xnor, xor-cloud, circle, gauss, spiral"},
        {"targets", "012", "targets=012: expected four 0s and 1s"},
        {"targets", "01101", "targets=01101: expected four 0s and 1s"},
        {"targets", "0120", "targets=0120: expected four 0s and 1s"},
        {"points", "49", "points=49: out of range (allowed 50 to 1000)"},
        {"points", "1001", "points=1001: out of range (allowed 50 to 1000)"},
        {"points", "1e3", "points=1e3: not a whole number (allowed 50 to 1000)"},
        {"noise", "-1", "noise=-1: not a whole number (allowed 0 to 50)"},
        {"noise", "51", "noise=51: out of range (allowed 0 to 50)"},
        {"train", "9", "train=9: out of range (allowed 10 to 90)"},
        {"train", "91", "train=91: out of range (allowed 10 to 90)"},
        {"reg", "l3", "reg=l3: unknown regularisation (choose none, l1, l2)"},
        {"reg_rate", "0.2", "reg_rate=0.2: out of range (allowed 0 to 0.1)"},
        {"reg_rate", "-0.001", "reg_rate=-0.001: out of range (allowed 0 to 0.1)"},
        {"reg_rate", "nan", "reg_rate=nan: not a"},
        {"hidden", "100000", "hidden=100000: each layer needs 1 to 32 units"},
        {"hidden", "0,4", "hidden=0,4: each layer needs 1 to 32 units"},
        {"hidden", "00", "hidden=00: each layer needs 1 to 32 units; 0 alone means no hidden layer"},
        {"hidden", "33", "hidden=33: each layer needs 1 to 32 units"},
        {"hidden", "99999999999999999999999", "each layer needs 1 to 32 units"},
        {"hidden", "8,,8", "hidden=8,,8: empty layer size"},
        {"hidden", "8,", "empty layer size"},
        {"hidden", ",8", "empty layer size"},
        {"hidden", "", "hidden=: expected layer sizes like 4 or 8,8"},
        {"hidden", "1,2,3,4,5", "hidden=1,2,3,4,5: 1 to 4 hidden layers allowed (got 5)"},
        {"hidden", "4x",
         "hidden=4x: not a whole number (each layer needs 1 to 32 units; 0 alone means no hidden layer)"},
        {"hidden", "-4", "not a whole number"},
        {"hidden", "4.0", "not a whole number"},
        {"layers", "4,0", "layers=4,0: each layer needs 1 to 32 units"},
        {"seed", "-1", "seed=-1: not a whole number (allowed 0 to 4294967295)"},
        {"seed", "4294967296", "seed=4294967296: out of range (allowed 0 to 4294967295)"},
        {"seed", "1e3", "not a whole number"},
        {"seed", "", "not a whole number"},
        {"colour", "red", "colour=red: unknown key (keys: data, targets, points, noise, train, lr, hidden, act"},
        {"lr", long_value, "lr=7777777777777777777777777777777777777777...: not a number"},
        {"lr", "1\n2", "lr=1?2: not a number"},
        {"loss", "bce", "loss=bce needs out=sigmoid"},   // unusual_config has a linear output
    };
    for (const auto& c : cases) {
        const std::string shown = std::string(c.key) + "=" + c.value.substr(0, 60);
        INFO(shown);
        Config cfg = unusual_config();
        const Config before = cfg;
        std::string error;
        CHECK_FALSE(bpl::config_set(cfg, c.key, c.value, error));
        CHECK(error.find(c.message) != std::string::npos);
        CHECK(error.find('\n') == std::string::npos);
        CHECK(error.size() < 200);
        CHECK(cfg == before);
    }
}

TEST_CASE("config_parse is all-or-nothing and validates once at the end") {
    Config cfg;
    std::string error;
    CHECK(bpl::config_parse(cfg, "?hidden=8,8&lr=0.5 act=tanh\nseed=3\r\n&&", error));
    CHECK(bpl::config_hidden_string(cfg) == "8,8");
    CHECK(cfg.lr == doctest::Approx(0.5));
    CHECK(cfg.activation == bpl::Activation::tanh);
    CHECK(cfg.seed == 3u);

    Config before = cfg;
    CHECK_FALSE(bpl::config_parse(cfg, "lr=0.2&hidden=0,1", error));
    CHECK(error == "hidden=0,1: each layer needs 1 to 32 units; 0 alone means no hidden layer");
    CHECK(cfg == before);
    CHECK_FALSE(bpl::config_parse(cfg, "lr=0.2&oops", error));
    CHECK(error == "oops: expected key=value");
    CHECK(cfg == before);
    CHECK_FALSE(bpl::config_parse(cfg, "out=linear&loss=bce", error));
    CHECK(error.find("loss=bce needs out=sigmoid") != std::string::npos);
    CHECK(cfg == before);

    // An order that passes through an invalid pair is fine when the end result is valid.
    Config linear = unusual_config();
    CHECK(bpl::config_parse(linear, "loss=bce&out=sigmoid", error));
    CHECK(linear.loss == bpl::Loss::bce);
    CHECK(bpl::config_parse(linear, "", error));                // nothing to change
    CHECK(bpl::config_parse(linear, "lr=0.1&lr=0.3", error));   // the last one wins
    CHECK(linear.lr == doctest::Approx(0.3));
}

TEST_CASE("config_validate checks ranges and combinations") {
    std::string error;
    Config cfg;
    CHECK(bpl::config_validate(cfg, error));
    cfg.hidden_layers = 5;
    CHECK_FALSE(bpl::config_validate(cfg, error));
    CHECK(error.find("0 to 4 hidden layers") != std::string::npos);
    cfg.hidden_layers = -1;
    CHECK_FALSE(bpl::config_validate(cfg, error));
    cfg = Config{};
    cfg.hidden_units[0] = 33;
    CHECK_FALSE(bpl::config_validate(cfg, error));
    CHECK(error == "hidden=33: each layer needs 1 to 32 units");
    cfg = Config{};
    cfg.output_activation = bpl::Activation::relu;
    CHECK_FALSE(bpl::config_validate(cfg, error));
    CHECK(error == "out=relu: output must be sigmoid or linear");
    cfg = Config{};
    cfg.loss = bpl::Loss::bce;
    cfg.output_activation = bpl::Activation::linear;
    CHECK_FALSE(bpl::config_validate(cfg, error));
    cfg = Config{};
    cfg.lr = std::nan("");
    CHECK_FALSE(bpl::config_validate(cfg, error));
    CHECK(error.find("lr=nan: out of range") == 0);
    cfg = Config{};
    cfg.momentum = 1.0;
    CHECK_FALSE(bpl::config_validate(cfg, error));
}

TEST_CASE("config_to_string lists every key and round-trips") {
    CHECK(bpl::config_to_string(Config{}) ==
          "hidden=4&act=sigmoid&out=sigmoid&loss=mse&opt=sgd&lr=0.1&momentum=0.9&beta2=0.999&eps=1e-08"
          "&init=normal&seed=42&batch=full&reg=none&reg_rate=0.001&data=xor&points=200&noise=0&train=50");
    Config unusual = unusual_config();
    unusual.lr = 0.1 + 0.2;   // needs 17 digits
    Config back;
    std::string error;
    REQUIRE(bpl::config_parse(back, bpl::config_to_string(unusual), error));
    CHECK(back == unusual);
    CHECK(bpl::config_hidden_string(unusual) == "3,5");
}

TEST_CASE("operator== compares only the hidden layers in use") {
    Config a, b;
    b.hidden_units[3] = 17;   // beyond hidden_layers = 1
    CHECK(a == b);
    b.hidden_units[0] = 5;
    CHECK(a != b);
    b = a;
    b.beta2 = 0.5;
    CHECK(a != b);
}

TEST_CASE("data, batch size, regularisation and hidden=0 round-trip through the canonical form") {
    std::string error;
    for (const char* text : {"data=spiral&points=300&noise=10&train=70&batch=25&reg=l1&reg_rate=0.003&hidden=8,8",
                             "targets=1011&hidden=0&batch=sample", "data=and&hidden=0&reg=l2&reg_rate=0",
                             "data=gauss&points=50&batch=2", "data=circle&batch=1000"}) {
        INFO(text);
        Config cfg;
        REQUIRE(bpl::config_parse(cfg, text, error));
        Config back;
        REQUIRE(bpl::config_parse(back, bpl::config_to_string(cfg), error));
        CHECK(back == cfg);
        CHECK(bpl::config_to_string(back) == bpl::config_to_string(cfg));
    }
    Config cfg;
    REQUIRE(bpl::config_parse(cfg, "targets=0110", error));
    CHECK(cfg.data.kind == bpl::DataKind::xor_table);   // a named table's targets give that table
    REQUIRE(bpl::config_parse(cfg, "targets=1011", error));
    CHECK(cfg.data.kind == bpl::DataKind::custom_table);
    CHECK(bpl::config_data_string(cfg).rfind("targets=1011&", 0) == 0);
    REQUIRE(bpl::config_parse(cfg, "batch=1", error));
    CHECK(cfg.batch == bpl::BatchMode::sample);   // one row per batch is per-sample training
    CHECK(bpl::config_batch_string(cfg) == "sample");
    REQUIRE(bpl::config_parse(cfg, "hidden=0", error));
    CHECK(cfg.hidden_layers == 0);
    CHECK(bpl::config_hidden_string(cfg) == "0");
    // A custom table's targets left behind by a named table do not make it another config
    // (found by fuzz/config: data=and after targets=1011 did not round-trip).
    REQUIRE(bpl::config_parse(cfg, "targets=1011&data=and", error));
    Config back;
    REQUIRE(bpl::config_parse(back, bpl::config_to_string(cfg), error));
    CHECK(back == cfg);
}

TEST_CASE("a batch larger than the training set is clamped with a notice") {
    std::string error, notice;
    Config cfg;
    REQUIRE(bpl::config_parse(cfg, "data=circle&points=100&train=30&batch=50", error));
    CHECK(bpl::config_batch_rows(cfg) == 30);
    CHECK(bpl::config_clamp_batch(cfg, notice));
    CHECK(notice == "batch=50: more than the 30 training rows; using 30");
    CHECK(cfg.batch_size == 30);
    CHECK_FALSE(bpl::config_clamp_batch(cfg, notice));   // nothing left to clamp
    REQUIRE(bpl::config_parse(cfg, "data=xor&batch=3", error));
    CHECK(bpl::config_batch_rows(cfg) == 3);
    REQUIRE(bpl::config_parse(cfg, "batch=10", error));
    CHECK(bpl::config_clamp_batch(cfg, notice));
    CHECK(cfg.batch_size == 4);
    CHECK(bpl::config_batch_rows(Config{}) == 4);   // the reference: all 4 rows at once
}
