// Screen geometry of the network diagram: where every neuron, connection and the loss node
// sit for the current shape and region, and what the pointer is over.
#pragma once
#include "imgui.h"
#include "network.hpp"

struct DiagramLayout {
    // Column c: 0 = inputs, c = l + 1 for engine layer l (hidden layers, then the output).
    int columns = 0;
    int units[bpl::kMaxLayers + 1] = {};
    ImVec2 pos[bpl::kMaxLayers + 1][bpl::kMaxHiddenUnits] = {};
    float radius = 8.0f;
    ImVec2 loss_pos;    // centre of the loss node, right of ŷ
    ImVec2 loss_half;   // half size of the loss node
    ImVec2 min, max;    // region the diagram owns
};

// Lays out net inside [min, max] (room for labels on the left and the loss node on the right).
DiagramLayout make_layout(const bpl::Network& net, ImVec2 min, ImVec2 max, float loss_width);

// Bezier control points of the connection from unit i of column c - 1 to unit j of column c.
void connection_curve(const DiagramLayout& d, int column, int i, int j, ImVec2 (&p)[4]);
// Bias marker of a neuron (column >= 1): a small square at its lower left.
ImVec2 bias_marker_pos(const DiagramLayout& d, int column, int unit);

struct DiagramHit {   // column -1 = nothing; loss = the loss node
    int column = -1, unit = -1, from_unit = -1;
    bool loss = false;
};
// Neurons (and their bias markers) first, then the nearest connection within a few pixels.
DiagramHit diagram_hit_test(const DiagramLayout& d, ImVec2 mouse);
