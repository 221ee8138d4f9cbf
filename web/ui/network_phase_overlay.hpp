// Step-through highlights drawn over the network diagram: what the phase that ran last touched
// (signals moving forward layer by layer, δ moving backward, ∂L/∂w and Δw on the connections).
#pragma once
#include "app_state.hpp"
#include "network_layout.hpp"

// Draws nothing unless the Step-through mode is on and a phase has run.
void draw_network_phase_overlay(AppState& app, const DiagramLayout& d);
