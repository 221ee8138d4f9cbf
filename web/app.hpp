// The page's training side: start, reset, settings changes (rebuild only when the shape or the
// starting point changes) and the per-frame training under a time budget, with a bounded loss
// history that covers the whole run.
#pragma once
#include <string>
#include "app_state.hpp"

constexpr int kPageMaxHiddenUnits = 16;     // the page draws at most 16 units per hidden layer
constexpr int kMaxEpochsPerFrame = 10000;
constexpr int kMaxStepEpochs = 100000;      // one API step(n) call
constexpr size_t kLossHistoryCap = 2048;    // thinned to half (stride doubled) when full
constexpr size_t kMaxNotices = 6;

void app_init(AppState& app);
void app_reset(AppState& app);                            // same seed, same start
// Takes a validated config: rebuilds the net when the shape, seed, init or batch mode change
// (keeping every other setting), otherwise changes the training settings live.
void app_apply_config(AppState& app, const bpl::Config& cfg);
void app_set_running(AppState& app, bool running);
void app_step(AppState& app, long long epochs);           // pauses, then trains exactly `epochs`
void app_train_frame(AppState& app);                      // epochs_per_frame within the budget
void app_after_weights_loaded(AppState& app);             // history cleared, predictions refreshed
void app_lower_learning_rate(AppState& app);              // divergence action: lr / 10, reset

void app_notice(AppState& app, const std::string& text, NoticeKind kind = NoticeKind::warning,
                double seconds = 8.0);
void app_expire_notices(AppState& app, double now);
double app_now_seconds();
