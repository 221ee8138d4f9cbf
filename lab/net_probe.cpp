// CPU forward of one input point through every layer (see net_probe.hpp): the engine's
// single-point forward, so the diagram shows what training computes, bit for bit.
#include "net_probe.hpp"

void net_probe_forward(const bpl::Network& net, double x0, double x1, NetProbe& out) {
    bpl::network_eval(net, x0, x1, &out);
}

void net_probe_rows(const bpl::Network& net, NetProbe (&rows)[bpl::kSamples]) {
    for (int r = 0; r < bpl::kSamples; ++r)
        net_probe_forward(net, bpl::kXorInputs[r * 2], bpl::kXorInputs[r * 2 + 1], rows[r]);
}
