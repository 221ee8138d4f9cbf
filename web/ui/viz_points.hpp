// The data points as the panels show them: a truth-table row (00, 01, 10, 11) or a point of a
// cloud, with its inputs, target and set, and where its δ from the last backward pass lives.
#pragma once
#include <cstdio>
#include "app_state.hpp"
#include "learn.hpp"

namespace viz {

struct DataPoint {
    int index = 0;   // data point p (a truth table's row r)
    double x0 = 0, x1 = 0;
    double target = 0;
    bool train = true;   // in the training set (every truth-table row is)
};

inline DataPoint data_point(const bpl::Network& net, int p) {
    DataPoint d;
    if (p < 0 || p >= net.data.samples) return d;
    d.index = p;
    d.x0 = net.data.x[2 * static_cast<size_t>(p)];
    d.x1 = net.data.x[2 * static_cast<size_t>(p) + 1];
    d.target = net.data.y[static_cast<size_t>(p)];
    d.train = p < net.data.train;
    return d;
}

// The point the diagram, tooltips and formulas follow on a cloud (always a valid point).
inline int followed_point(const AppState& app) {
    int p = app.selected_row;
    return p >= 0 && p < app.net.data.samples ? p : 0;
}

// The x/y row holding point p's δ from the last backward pass, or -1 when p was not in that
// batch (a test point, or another mini-batch). Truth tables keep every row's last δ: its row.
inline int delta_row_of_point(const AppState& app, int p) {
    const int row = bpl::network_row_of_point(app.net, p);
    if (!app.net.data.cloud || row < 0) return row;
    const PhaseView v = learn_phase_view(app.net);
    return v.ran && row >= v.row0 && row < v.row0 + v.rows ? row : -1;
}

// "0.42" with a real minus sign when the font has one (the cloud's coordinates).
inline void signed_text(char* buf, size_t size, double v, int decimals, const char* minus) {
    std::snprintf(buf, size, "%s%.*f", v < 0 ? minus : "", decimals, v < 0 ? -v : v);
}

}   // namespace viz
