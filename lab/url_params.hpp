// The page's settings as key=value pairs: the URL (read at start, kept current in the address
// bar) and backpropLab.set() both come through apply_params, so they share keys, limits and
// messages. Engine keys go through bpl::config_set; page keys (speed, autoplay, view, embed,
// row) are checked here. Bad values are ignored, out-of-range ones clamped, each with a notice.
#pragma once
#include <string>
#include <string_view>
#include <vector>
#include "app_state.hpp"

constexpr size_t kMaxQueryChars = 8192;
constexpr size_t kMaxParamPairs = 64;
constexpr size_t kMaxValueChars = 512;
constexpr size_t kMaxKeyChars = 32;   // longer than any key or alias: unknown without a lookup

struct ParamResult {
    std::vector<std::string> applied;   // canonical keys that were accepted
    std::vector<std::string> notices;   // also shown on the page
};

// query: "lr=0.5&hidden=8,8" with URL escapes (%xx, '+'); a leading '?' is skipped.
ParamResult apply_params(AppState& app, std::string_view query);
// One setting from the controls (same validation); false and a notice on the page when refused.
bool apply_param(AppState& app, std::string_view key, std::string_view value);

std::string params_query(const AppState& app);   // canonical query for links
std::string embed_query(const AppState& app);    // the copied embed code's: + embed=1 and the theme, always
std::string param_value_json(const AppState& app, std::string_view key);   // canonical key
std::string params_json(const AppState& app);                              // every key: {"lr":0.1,…}
