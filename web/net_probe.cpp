// CPU forward of one input point through every layer (see net_probe.hpp).
#include "net_probe.hpp"

void net_probe_forward(const bpl::Network& net, double x0, double x1, NetProbe& out) {
    const double x[bpl::kInputs] = {x0, x1};
    for (int l = 0; l < net.num_layers; ++l) {
        const bpl::LayerShape& shape = net.layers[l];
        const double* W = bpl::layer_W(net, l);
        const double* b = bpl::layer_b(net, l);
        const double* in = l == 0 ? x : out.a[l - 1];
        for (int j = 0; j < shape.fan_out; ++j) {
            double z = b[j];
            for (int i = 0; i < shape.fan_in; ++i) z += in[i] * W[i * shape.fan_out + j];
            out.z[l][j] = z;
        }
        bpl::Activation act = l == net.num_layers - 1 ? net.config.output_activation : net.config.activation;
        bpl::activation_forward(act, out.a[l], out.z[l], shape.fan_out);
    }
}

void net_probe_rows(const bpl::Network& net, NetProbe (&rows)[bpl::kSamples]) {
    for (int r = 0; r < bpl::kSamples; ++r)
        net_probe_forward(net, bpl::kXorInputs[r * 2], bpl::kXorInputs[r * 2 + 1], rows[r]);
}
