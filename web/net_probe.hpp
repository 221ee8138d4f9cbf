// CPU forward of one input point through every layer, keeping z and a of each unit: what the
// diagram fills its neurons with, and the reference the map shader is checked against.
#pragma once
#include "network.hpp"

struct NetProbe {
    double z[bpl::kMaxLayers][bpl::kMaxHiddenUnits] = {};   // pre-activation of layer l, unit j
    double a[bpl::kMaxLayers][bpl::kMaxHiddenUnits] = {};   // activation of layer l, unit j
};

// Forward of (x0, x1) with the current weights; no allocation, net untouched.
void net_probe_forward(const bpl::Network& net, double x0, double x1, NetProbe& out);
// Forward of each XOR row (N = 4).
void net_probe_rows(const bpl::Network& net, NetProbe (&rows)[bpl::kSamples]);
