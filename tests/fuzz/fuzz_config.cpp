// libFuzzer target for the config parser: arbitrary bytes through config_parse, then split at
// the first '=' through config_set. Any broken invariant aborts (a crash for libFuzzer).
// Built and run by tests/fuzz/run_fuzzer.sh config <seconds>.
#include <cstdint>
#include <string>
#include <string_view>
#include "config.hpp"
#include "fuzz_checks.hpp"

namespace {

constexpr size_t kMaxMessageChars = 280;   // xor-train's line ("xor-train: " + message) stays < 300

// operator== ignores the hidden sizes beyond hidden_layers; "unchanged" means all of them.
bool identical(const bpl::Config& a, const bpl::Config& b) {
    for (int l = 0; l < bpl::kMaxHiddenLayers; ++l)
        if (a.hidden_units[l] != b.hidden_units[l]) return false;
    return a == b;
}

// Settings unlike the defaults in every field, so a round trip proves every key is written.
bpl::Config unusual() {
    bpl::Config cfg;
    std::string error;
    bool ok = bpl::config_parse(cfg,
                                "hidden=3,5,7&act=tanh&out=linear&loss=mse_mean&opt=adam&lr=0.37"
                                "&momentum=0.11&beta2=0.5&eps=0.001&init=he&seed=77&batch=sample",
                                error);
    require(ok, "unusual() settings rejected", error);
    return cfg;
}

void check_success(const bpl::Config& cfg) {
    std::string error;
    require(bpl::config_validate(cfg, error), "accepted config fails config_validate", error);
    std::string text = bpl::config_to_string(cfg);
    bpl::Config back = unusual();
    require(bpl::config_parse(back, text, error), "config_to_string output rejected", text + "\n" + error);
    require(back == cfg, "config_to_string does not round-trip", text);
    require(bpl::config_to_string(back) == text, "config_to_string not stable", text);
}

// Applies `apply` to a copy of cfg and checks the all-or-nothing contract; returns the result.
template <typename Apply>
bool checked(bpl::Config& cfg, Apply&& apply) {
    const bpl::Config before = cfg;
    std::string error;
    bool ok = apply(cfg, error);
    if (ok) check_success(cfg);
    else {
        require(identical(cfg, before), "config changed by a rejected input");
        check_message(error, kMaxMessageChars);
    }
    return ok;
}

}   // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);

    bpl::Config cfg;
    checked(cfg, [&](bpl::Config& c, std::string& e) { return bpl::config_parse(c, text, e); });

    size_t eq = text.find('=');
    std::string_view key = text.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : text.substr(eq + 1);
    bpl::Config set_cfg = cfg;
    bool set_ok = checked(set_cfg, [&](bpl::Config& c, std::string& e) { return bpl::config_set(c, key, value, e); });

    // A lone key=value without separators must mean the same to config_parse as to config_set.
    bool plain = eq != std::string_view::npos && !key.empty() && key[0] != '?' &&
                 text.find_first_of("& \t\r\n") == std::string_view::npos;
    if (plain) {
        bpl::Config parse_cfg = cfg;
        std::string error;
        bool parse_ok = bpl::config_parse(parse_cfg, text, error);
        require(parse_ok == set_ok, "config_parse and config_set disagree", text);
        require(identical(parse_cfg, set_cfg), "config_parse and config_set give different configs", text);
    }
    return 0;
}
