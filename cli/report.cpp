// The text format (the reference program's lines, numbers as Python's repr prints them), CSV
// and JSON. JSON puts the final weights under "layers", so the output loads with --init.
#include "report.hpp"
#include <cmath>
#include <cstdio>
#include <string>
#include "number_text.hpp"
#include "weights_json.hpp"

namespace {

bool g_first_loss = true;   // JSON needs commas between the streamed losses

std::string json_number(double x) { return std::isfinite(x) ? bpl::format_shortest(x) : "null"; }

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        unsigned char u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", u);
            out += escaped;
        } else out += c;
    }
    return out + "\"";
}

void print_json_settings(const CliOptions& opts) {
    const bpl::Config& cfg = opts.config;
    std::printf("{\"settings\": {\"config\": %s, \"hidden\": [%s], \"activation\": \"%s\", \"output\": \"%s\",\n",
                json_string(bpl::config_to_string(cfg)).c_str(), bpl::config_hidden_string(cfg).c_str(),
                bpl::activation_info(cfg.activation).name, bpl::activation_info(cfg.output_activation).name);
    std::printf("  \"loss\": \"%s\", \"optimizer\": \"%s\", \"lr\": %s, \"init_scheme\": \"%s\", \"batch\": \"%s\",\n",
                bpl::loss_info(cfg.loss).name, bpl::kOptimizers[static_cast<int>(cfg.optimizer)].name,
                json_number(cfg.lr).c_str(), bpl::kInits[static_cast<int>(cfg.init)].name,
                bpl::kBatchModes[static_cast<int>(cfg.batch)].name);
    std::string seed = opts.init_path.empty() ? std::to_string(cfg.seed) : "null";
    std::string init = opts.init_path.empty() ? "null" : json_string(opts.init_path);
    std::printf("  \"seed\": %s, \"init\": %s, \"epochs\": %lld, \"print_every\": %lld},\n \"losses\": [", seed.c_str(),
                init.c_str(), opts.epochs, opts.print_every);
}

// The "[...]" of weights_to_json's {"layers": [...]}.
std::string layers_array(const bpl::Network& net) {
    std::string doc = bpl::weights_to_json(net);
    size_t open = doc.find('['), close = doc.rfind(']');
    return open == std::string::npos || close == std::string::npos ? "[]" : doc.substr(open, close - open + 1);
}

}   // namespace

void report_begin(const CliOptions& opts) {
    g_first_loss = true;
    if (opts.format == OutputFormat::csv) std::printf("epoch,loss\n");
    if (opts.format == OutputFormat::json) print_json_settings(opts);
}

void report_loss(const CliOptions& opts, long long epoch, double loss) {
    switch (opts.format) {
        case OutputFormat::text:
            std::printf("Epoch %lld, Loss: %s\n", epoch, bpl::format_shortest(loss).c_str());
            break;
        case OutputFormat::csv: std::printf("%lld,%s\n", epoch, bpl::format_shortest(loss).c_str()); break;
        case OutputFormat::json:
            std::printf("%s\n  {\"epoch\": %lld, \"loss\": %s}", g_first_loss ? "" : ",", epoch,
                        json_number(loss).c_str());
            break;
    }
    g_first_loss = false;
}

void report_end(const CliOptions& opts, bpl::Network& net, long long diverged_at) {
    bpl::network_predict(net);
    const double* out = bpl::network_output(net);
    const double* X = bpl::kXorInputs;
    if (opts.format == OutputFormat::text) {
        std::printf("Predictions:\n");
        for (int r = 0; r < bpl::kSamples; ++r)
            std::printf("%d %d -> %s\n", static_cast<int>(X[2 * r]), static_cast<int>(X[2 * r + 1]),
                        bpl::format_shortest(out[r]).c_str());
    }
    if (opts.format != OutputFormat::json) return;
    std::printf("%s],\n \"predictions\": [", g_first_loss ? "" : "\n ");
    for (int r = 0; r < bpl::kSamples; ++r)
        std::printf("%s{\"input\": [%d, %d], \"output\": %s}", r ? ", " : "", static_cast<int>(X[2 * r]),
                    static_cast<int>(X[2 * r + 1]), json_number(out[r]).c_str());
    std::string diverged = diverged_at < 0 ? "null" : std::to_string(diverged_at);
    std::printf("],\n \"epochs_run\": %lld, \"diverged_at_epoch\": %s,\n \"layers\": %s}\n", net.epoch,
                diverged.c_str(), layers_array(net).c_str());
}
