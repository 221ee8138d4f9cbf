// The diagram's hover tooltips: exact z, a, δ of a neuron for every truth-table row or the
// followed cloud point; w, ∂L/∂w and the last Δw of a connection; the loss and its per-row terms.
#pragma once
#include "app_state.hpp"
#include "network_layout.hpp"
#include "network_rows.hpp"

void diagram_tooltip(const AppState& app, const DiagramHit& hit, const DiagramRows& rows);
