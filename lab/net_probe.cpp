// CPU forward of one input point through every layer (see net_probe.hpp): the engine's
// single-point forward, so the diagram shows what training computes, bit for bit.
#include "net_probe.hpp"

void net_probe_forward(const bpl::Network& net, double x0, double x1, NetProbe& out) {
    bpl::network_eval(net, x0, x1, &out);
}

void net_probe_rows(const bpl::Network& net, NetProbe (&rows)[4]) {
    for (int r = 0; r < 4; ++r) net_probe_forward(net, r >> 1, r & 1, rows[r]);   // rows 00, 01, 10, 11
}

void net_probe_point(const bpl::Network& net, int p, NetProbe& out) {
    if (p < 0 || p >= net.data.samples) p = 0;
    net_probe_forward(net, net.data.x[size_t(p) * 2], net.data.x[size_t(p) * 2 + 1], out);
}
