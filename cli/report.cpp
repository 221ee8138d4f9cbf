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

// ---- evaluation figures ----------------------------------------------------------------

std::string fraction(int right, int count) { return bpl::format_shortest(double(right) / count); }

// "Train loss: X, Train accuracy: R/N[, Test loss: …, Test accuracy: R/N]"
std::string evaluation_text(const bpl::Evaluation& e) {
    std::string text = "Train loss: " + bpl::format_shortest(e.train_loss) +
                       ", Train accuracy: " + std::to_string(e.train_right) + "/" + std::to_string(e.train_count);
    if (e.test_count == 0) return text;
    return text + ", Test loss: " + bpl::format_shortest(e.test_loss) +
           ", Test accuracy: " + std::to_string(e.test_right) + "/" + std::to_string(e.test_count);
}

// "train_loss,train_accuracy,test_loss,test_accuracy" values; test ones empty without a test set.
std::string evaluation_csv(const bpl::Evaluation& e) {
    std::string text = bpl::format_shortest(e.train_loss) + "," + fraction(e.train_right, e.train_count) + ",";
    if (e.test_count == 0) return text + ",";
    return text + bpl::format_shortest(e.test_loss) + "," + fraction(e.test_right, e.test_count);
}

// "\"train_loss\": X, \"train_accuracy\": A, \"test_loss\": …" (null without a test set).
std::string evaluation_json(const bpl::Evaluation& e) {
    bool test = e.test_count > 0;
    return "\"train_loss\": " + json_number(e.train_loss) +
           ", \"train_accuracy\": " + json_number(double(e.train_right) / e.train_count) +
           ", \"test_loss\": " + (test ? json_number(e.test_loss) : "null") +
           ", \"test_accuracy\": " + (test ? json_number(double(e.test_right) / e.test_count) : "null");
}

// ---- JSON pieces -----------------------------------------------------------------------

std::string data_json(const bpl::Network& net) {
    const bpl::DataSpec& d = net.config.data;
    const bool cloud = bpl::data_is_cloud(d.kind);
    char bits[5];
    bpl::data_targets_text(bpl::data_table_targets(d), bits);
    return "{\"name\": \"" + std::string(bpl::data_info(d.kind).name) + "\", \"cloud\": " + (cloud ? "true" : "false") +
           ", \"targets\": " + (cloud ? "null" : "\"" + std::string(bits) + "\"") +
           ", \"points\": " + (cloud ? std::to_string(d.points) : "null") +
           ", \"noise\": " + (cloud ? std::to_string(d.noise) : "null") +
           ", \"train_percent\": " + (cloud ? std::to_string(d.train) : "null") +
           ", \"samples\": " + std::to_string(bpl::network_samples(net)) +
           ", \"train_rows\": " + std::to_string(bpl::network_train_rows(net)) +
           ", \"test_rows\": " + std::to_string(bpl::network_samples(net) - bpl::network_train_rows(net)) + "}";
}

void print_json_settings(const CliOptions& opts, const bpl::Network& net) {
    const bpl::Config& cfg = opts.config;
    std::printf("{\"settings\": {\"config\": %s,\n  \"data\": %s,\n", json_string(bpl::config_to_string(cfg)).c_str(),
                data_json(net).c_str());
    std::printf("  \"hidden\": [%s], \"activation\": \"%s\", \"output\": \"%s\",\n",
                cfg.hidden_layers ? bpl::config_hidden_string(cfg).c_str() : "",
                bpl::activation_info(cfg.activation).name, bpl::activation_info(cfg.output_activation).name);
    std::printf("  \"loss\": \"%s\", \"optimizer\": \"%s\", \"lr\": %s, \"init_scheme\": \"%s\", \"batch\": \"%s\",\n",
                bpl::loss_info(cfg.loss).name, bpl::kOptimizers[static_cast<int>(cfg.optimizer)].name,
                json_number(cfg.lr).c_str(), bpl::kInits[static_cast<int>(cfg.init)].name,
                bpl::config_batch_string(cfg).c_str());
    std::printf("  \"reg\": \"%s\", \"reg_rate\": %s,\n", bpl::kRegularizations[static_cast<int>(cfg.reg)].name,
                json_number(cfg.reg_rate).c_str());
    std::string seed = opts.init_path.empty() || opts.seed_given ? std::to_string(cfg.seed) : "null";
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

// A point's two inputs: whole numbers for a truth table's rows, the coordinates of a cloud's points.
std::string inputs_text(const bpl::Network& net, int p, const char* between) {
    const double* x = net.data.x.data() + size_t(p) * bpl::kInputs;
    if (!net.data.cloud) return std::to_string(int(x[0])) + between + std::to_string(int(x[1]));
    return json_number(x[0]) + between + json_number(x[1]);
}

void print_json_end(const bpl::Network& net, const double* out, const bpl::Evaluation& e, long long diverged_at) {
    std::printf("%s],\n \"predictions\": [", g_first_loss ? "" : "\n ");
    for (int p = 0; p < bpl::network_samples(net); ++p) {
        const double output = out[bpl::network_row_of_point(net, p)];
        const int target = int(net.data.y[size_t(p)]);
        std::string input = inputs_text(net, p, ", ");
        std::printf("%s{\"input\": [%s], \"target\": %d, \"output\": %s", p ? (net.data.cloud ? ",\n  " : ", ") : "",
                    input.c_str(), target, json_number(output).c_str());
        if (net.data.cloud) std::printf(", \"set\": \"%s\"", p < bpl::network_train_rows(net) ? "train" : "test");
        std::printf("}");
    }
    std::string diverged = diverged_at < 0 ? "null" : std::to_string(diverged_at);
    std::printf(
        "],\n \"final\": {\"epoch\": %lld, %s,\n  \"train_right\": %d, \"train_count\": %d, \"test_right\": %d, "
        "\"test_count\": %d},\n",
        net.epoch, evaluation_json(e).c_str(), e.train_right, e.train_count, e.test_right, e.test_count);
    std::printf(" \"epochs_run\": %lld, \"diverged_at_epoch\": %s,\n \"layers\": %s}\n", net.epoch, diverged.c_str(),
                layers_array(net).c_str());
}

}   // namespace

void report_begin(const CliOptions& opts, const bpl::Network& net) {
    g_first_loss = true;
    if (opts.format == OutputFormat::csv) std::printf("epoch,loss,train_loss,train_accuracy,test_loss,test_accuracy\n");
    if (opts.format == OutputFormat::json) print_json_settings(opts, net);
}

void report_epoch(const CliOptions& opts, long long epoch, double loss, const bpl::Evaluation& start) {
    switch (opts.format) {
        case OutputFormat::text:
            if (!bpl::data_is_cloud(opts.config.data.kind))
                std::printf("Epoch %lld, Loss: %s\n", epoch, bpl::format_shortest(loss).c_str());
            else
                std::printf("Epoch %lld, Loss: %s, %s\n", epoch, bpl::format_shortest(loss).c_str(),
                            evaluation_text(start).c_str());
            break;
        case OutputFormat::csv:
            std::printf("%lld,%s,%s\n", epoch, bpl::format_shortest(loss).c_str(), evaluation_csv(start).c_str());
            break;
        case OutputFormat::json:
            std::printf("%s\n  {\"epoch\": %lld, \"loss\": %s, %s}", g_first_loss ? "" : ",", epoch,
                        json_number(loss).c_str(), evaluation_json(start).c_str());
            break;
    }
    g_first_loss = false;
}

void report_end(const CliOptions& opts, bpl::Network& net, long long diverged_at) {
    bpl::network_predict(net);
    const double* out = bpl::network_output(net);
    const bpl::Evaluation e = bpl::network_evaluate(net);
    switch (opts.format) {
        case OutputFormat::text:
            if (!net.data.cloud) {   // a cloud's hundreds of points: --format json lists them
                std::printf("Predictions:\n");
                for (int p = 0; p < bpl::network_samples(net); ++p)
                    std::printf("%s -> %s\n", inputs_text(net, p, " ").c_str(),
                                bpl::format_shortest(out[bpl::network_row_of_point(net, p)]).c_str());
            }
            std::printf("After %lld epoch%s, %s\n", net.epoch, net.epoch == 1 ? "" : "s", evaluation_text(e).c_str());
            break;
        case OutputFormat::csv: std::printf("%lld,,%s\n", net.epoch, evaluation_csv(e).c_str()); break;
        case OutputFormat::json: print_json_end(net, out, e, diverged_at); break;
    }
}

void report_data(const CliOptions& opts, const bpl::Network& net) {
    const int n = bpl::network_samples(net);
    std::printf("{\"data\": %s,\n \"config\": %s, \"seed\": %u,\n \"x\": [", data_json(net).c_str(),
                json_string(bpl::config_data_string(opts.config)).c_str(), opts.config.seed);
    for (int p = 0; p < n; ++p) {
        const double* x = net.data.x.data() + size_t(p) * bpl::kInputs;
        std::printf("%s[%s, %s]", p ? (p % 4 ? ", " : ",\n  ") : "", json_number(x[0]).c_str(),
                    json_number(x[1]).c_str());
    }
    std::printf("],\n \"y\": [");
    for (int p = 0; p < n; ++p) std::printf("%s%d", p ? ", " : "", int(net.data.y[size_t(p)]));
    std::printf("]}\n");
}
