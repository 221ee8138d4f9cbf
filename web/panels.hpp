// Every panel of the page, one short function each (called by layout.cpp), plus the GL
// resources the map panels own. Panels read AppState and may change view fields in it.
// Contract: layout.cpp places and opens one ImGui window per panel (SetNextWindowPos/Size +
// Begin ... End, title bar drawn by the layout); each draw_*_panel function draws INSIDE the
// current window only (no Begin/End of its own), filling ImGui::GetContentRegionAvail().
#pragma once
#include "app_state.hpp"

// ---- controls, charts, tables (web/panel_*.cpp) ----------------------------------------
void draw_controls_panel(AppState& app);
void draw_loss_panel(AppState& app);
void draw_predictions_panel(AppState& app);
void draw_notices(AppState& app);

// ---- network diagram (web/panel_network.cpp) --------------------------------------------
// Neurons filled by activation (or δ in gradient view), connections by weight (or ∂L/∂w),
// legend, row selector, hover tooltips with exact numbers, backward pulses.
void draw_network_panel(AppState& app);

// ---- Step-through mode (web/panel_flowchart.cpp, panel_formulas.cpp, panel_code.cpp) ------
void draw_flowchart_panel(AppState& app);      // the learning loop, current phase lit; phase transport
void draw_formulas_panel(AppState& app);       // formula + the engine's numbers + batch matrices
void draw_code_panel(AppState& app);           // NumPy transcription / engine calls; printed losses

// ---- decision maps (web/panel_maps.cpp, GL in web/map_renderer.cpp) ---------------------
void draw_decision_map_panel(AppState& app);   // output over [−0.5, 1.5]², XOR points, 0.5 contour
void draw_neuron_maps_panel(AppState& app);    // one small map per hidden neuron
bool map_renderer_init();       // compiles shaders, creates textures; false + log on failure
void map_renderer_shutdown();   // frees GL objects (also called before rebuilding after context loss)
