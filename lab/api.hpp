// window.backpropLab's answers (site/bridge.js calls them through web/platform/js_api.cpp):
// each takes the checked-nothing input from JS and returns JSON. Limits the JS side checks
// before calling are generated from the settings table (lab/settings.hpp).
#pragma once
#include <string>
#include <string_view>
#include "app_state.hpp"
#include "config.hpp"

constexpr int kMaxApiPhases = 1000;          // one stepPhase(n) call
constexpr size_t kMaxApiNoticeChars = 400;   // a notice the JS side reports
// set({hidden: [8, 8]}): arrays up to this long reach config_set (which names the 1-to-4-layer
// limit in its message); longer ones are refused by bridge.js.
constexpr int kMaxApiHiddenItems = 2 * bpl::kMaxHiddenLayers;

std::string api_state_json(const AppState& app);                      // state()
std::string api_set(AppState& app, std::string_view query);           // set(): {applied, notices}
std::string api_step(AppState& app, double epochs);                   // step(n): the state after it
std::string api_load_weights(AppState& app, std::string_view json);   // {ok} or {ok:false, error}
void api_notice(AppState& app, std::string_view text, int kind);      // 0 info, 1 warning, 2 error
std::string api_step_phase(AppState& app, double n);                  // stepPhase(n): phase()
std::string api_grad_check(AppState& app);                            // runs it, shows its tab
std::string api_rewind(AppState& app, double epoch);                  // {ok, epoch}
