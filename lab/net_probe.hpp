// CPU forward of one input point through every layer, keeping z and a of each unit: what the
// diagram fills its neurons with, and the reference the map shader is checked against.
#pragma once
#include "network.hpp"

// z[l][j] and a[l][j] of every unit (bpl::PointTrace).
struct NetProbe : bpl::PointTrace {
    NetProbe() : bpl::PointTrace{} {}
};

// Forward of (x0, x1) with the current weights; no allocation, net untouched.
void net_probe_forward(const bpl::Network& net, double x0, double x1, NetProbe& out);
// Forward of each truth-table row (00, 01, 10, 11) with the current weights.
void net_probe_rows(const bpl::Network& net, NetProbe (&rows)[4]);
// Forward of data point p (a truth-table row, or a cloud's point).
void net_probe_point(const bpl::Network& net, int p, NetProbe& out);
