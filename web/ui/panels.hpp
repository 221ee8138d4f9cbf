// Every panel of the page, one short function each (called by layout.cpp), plus the GL
// resources the map panels own. Panels read AppState and may change view fields in it.
// Contract: layout.cpp places and opens one ImGui window per panel (SetNextWindowPos/Size +
// Begin ... End, title bar drawn by the layout); each draw_*_panel function draws INSIDE the
// current window only (no Begin/End of its own), filling ImGui::GetContentRegionAvail().
#pragma once
#include "app_state.hpp"

// ---- controls, charts, tables (web/ui/panel_*.cpp) ----------------------------------------
void draw_controls_panel(AppState& app);
void draw_settings_panel(AppState& app);    // the controls panel without play/step/reset and η
void draw_touch_transport(AppState& app);   // phones: play/pause, step, reset, η, epoch and loss
// The learning-rate slider (the settings table's range), `width` wide, value shown by `format`.
void draw_lr_slider(AppState& app, float width, const char* format);
void draw_loss_panel(AppState& app);
void draw_predictions_panel(AppState& app);
void draw_notices(AppState& app);

// ---- network diagram (web/ui/panel_network.cpp) --------------------------------------------
// Neurons filled by activation (or δ in gradient view), connections by weight (or ∂L/∂w),
// legend, row selector, hover tooltips with exact numbers, backward pulses.
void draw_network_panel(AppState& app);

// ---- Step-through mode (web/ui/panel_flowchart.cpp, panel_formulas.cpp, panel_code.cpp) ------
void draw_flowchart_panel(AppState& app);   // the learning loop, current phase lit; phase transport
void draw_formulas_panel(AppState& app);    // formula + the engine's numbers + batch matrices
void draw_code_panel(AppState& app);        // NumPy transcription / engine calls; printed losses

// ---- decision maps (web/ui/panel_maps.cpp, GL in web/render/map_renderer.cpp) ---------------------
void draw_decision_map_panel(AppState& app);   // output over the data's square, its points, 0.5 contour
void draw_neuron_maps_panel(AppState& app);    // one small map per hidden neuron

// ---- insight tools (web/ui/panel_insights.cpp and one file per tab) ---------------------
void draw_insights_area(AppState& app);   // tab bar: Loss | Gradient sizes | Gradient check | Rewind | Lessons
void draw_grad_check_panel(AppState& app);
void draw_grad_norms_panel(AppState& app);
void draw_rewind_panel(AppState& app);
void draw_lessons_panel(AppState& app);
void draw_before_after(const AppState& app);   // one or two lines; nothing when not valid

// ---- header (web/ui/mode_switch.cpp) ----------------------------------------------------
// "Explore" | "Step through backprop", right-aligned so it ends at x = right.
void draw_mode_switch(AppState& app, float right);
