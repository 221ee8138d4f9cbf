// The diagram's hover tooltips: exact z, a, δ of a neuron for every XOR row; w, ∂L/∂w and the
// last Δw of a connection; the loss and its per-row terms.
#pragma once
#include "app_state.hpp"
#include "net_probe.hpp"
#include "network_layout.hpp"

void diagram_tooltip(const AppState& app, const DiagramHit& hit, const NetProbe (&rows)[bpl::kSamples]);
