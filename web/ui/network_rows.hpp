// The rows the network diagram and its tooltips show: a truth table's 4 rows (the selected one,
// or all four split like the input square), or the one point a cloud's diagram follows.
#pragma once
#include "net_probe.hpp"
#include "viz_points.hpp"

struct DiagramRows {
    int count = 0;       // 4 (a truth table's rows 00, 01, 10, 11) or 1 (a cloud's followed point)
    int selected = -1;   // the entry followed; -1 = all four rows (truth tables only)
    bool cloud = false;
    viz::DataPoint point[4];
    int delta_row[4] = {-1, -1, -1, -1};   // x/y row of its δ from the last backward pass; -1: not in that batch
    NetProbe probe[4];                     // z and a of every unit, current weights
};

inline void diagram_rows(const AppState& app, DiagramRows& out) {
    const bpl::Network& net = app.net;
    out.cloud = net.data.cloud;
    out.count = out.cloud ? 1 : 4;
    out.selected = out.cloud ? 0 : app.selected_row;
    for (int k = 0; k < out.count; ++k) {
        int p = out.cloud ? viz::followed_point(app) : k;
        out.point[k] = viz::data_point(net, p);
        out.delta_row[k] = viz::delta_row_of_point(app, p);
        net_probe_forward(net, out.point[k].x0, out.point[k].x1, out.probe[k]);
    }
}
