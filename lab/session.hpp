// The training session: start, reset, settings changes (rebuild only when the shape or the
// starting point changes), running and stepping, per-frame training under a time budget, and
// the run's record kept in step with every epoch (loss history, rewind history, gradient sizes,
// the reference program's printed losses). Modes (step-through, lessons, rewind) call the
// session; the session calls no mode. Time and state reports go through app.host.
#pragma once
#include <string>
#include "app_state.hpp"
#include "settings.hpp"

using bpl::kMaxEpochsPerFrame;   // the page's limits live with its settings
using bpl::kPageMaxHiddenUnits;
constexpr int kMaxStepEpochs = 100000;     // one API step(n) call
constexpr size_t kLossHistoryCap = 2048;   // thinned to half (stride doubled) when full
constexpr size_t kMaxNotices = 6;
constexpr size_t kMaxNoticeChars = 1500;

void session_init(AppState& app);
void session_reset(AppState& app);   // same seed, same start
// Takes a validated config: rebuilds the net when the shape, seed, init or batch mode change
// (keeping every other setting), otherwise changes the training settings live.
void session_apply_config(AppState& app, const bpl::Config& cfg);
void session_set_running(AppState& app, bool running);
void session_step(AppState& app, long long epochs);   // pauses, then trains exactly `epochs`
void session_train_frame(AppState& app);              // epochs_per_frame within the budget
void session_after_weights_loaded(AppState& app);     // history cleared, predictions refreshed
void session_lower_learning_rate(AppState& app);      // divergence action: lr / 10, reset
// Predictions and current_loss for the current weights (after anything that changed them).
void session_refresh_predictions(AppState& app);

double session_now(const AppState& app);   // seconds, from app.host
void session_notice(AppState& app, const std::string& text, NoticeKind kind = NoticeKind::warning,
                    double seconds = 8.0);
void session_expire_notices(AppState& app, double now);
