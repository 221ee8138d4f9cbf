// xor-train: trains a network on XOR (or another truth table, or a point cloud) from the command
// line and prints what the NumPy reference program prints, plus train/test loss and accuracy.
// All of the project's file I/O lives in this file (the engine takes strings).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include "network.hpp"
#include "number_text.hpp"
#include "options.hpp"
#include "report.hpp"
#include "trainer.hpp"
#include "weights_json.hpp"

namespace {

constexpr int kExitUsage = 2;      // bad option, value or file
constexpr int kExitDiverged = 3;   // loss or a weight became non-finite

int fail(const std::string& message) {
    std::fprintf(stderr, "xor-train: %s\n", message.c_str());
    return kExitUsage;
}

std::string file_name(const std::string& path) { return bpl::quote_for_message(path, 80); }

// A regular file over the weights size limit is refused by its size, unread; anything else
// (a pipe, /dev/zero) is read only until it passes the limit.
bool read_file(const std::string& path, std::string& text, std::string& error) {
    const std::string limit = std::to_string(bpl::kMaxWeightsJsonBytes);
    struct stat info;
    if (stat(path.c_str(), &info) == 0) {
        if (S_ISDIR(info.st_mode)) {
            error = "cannot read " + file_name(path) + ": it is a folder";
            return false;
        }
        if (S_ISREG(info.st_mode) && static_cast<unsigned long long>(info.st_size) > bpl::kMaxWeightsJsonBytes) {
            error = file_name(path) + ": too large for a weights file (" + std::to_string(info.st_size) +
                    " bytes; the limit is " + limit + ")";
            return false;
        }
    }
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        error = "cannot read " + file_name(path) + ": " + std::strerror(errno);
        return false;
    }
    char chunk[65536];
    size_t n = 0;
    while (text.size() <= bpl::kMaxWeightsJsonBytes && (n = std::fread(chunk, 1, sizeof chunk, f)) > 0)
        text.append(chunk, n);
    bool read_error = std::ferror(f) != 0;
    std::fclose(f);
    if (read_error) {
        error = "cannot read " + file_name(path) + " (is it a folder?)";
        return false;
    }
    if (text.size() > bpl::kMaxWeightsJsonBytes) {
        error = file_name(path) + ": too large for a weights file (over " + limit + " bytes, the limit)";
        return false;
    }
    return true;
}

// Checked before training, so a long run is not thrown away at the end: a folder, a missing
// folder or no permission fail here. Devices and pipes (/dev/stdout) are only tried by writing.
bool check_writable(const std::string& path, std::string& error) {
    struct stat info;
    bool exists = stat(path.c_str(), &info) == 0;
    if (exists && S_ISDIR(info.st_mode)) {
        error = "cannot write " + file_name(path) + ": it is a folder";
        return false;
    }
    if (exists && !S_ISREG(info.st_mode)) return true;
    FILE* f = std::fopen(path.c_str(), "ab");   // appends nothing; creates the file when missing
    if (!f) {
        error = "cannot write " + file_name(path) + ": " + std::strerror(errno);
        return false;
    }
    std::fclose(f);
    if (!exists) std::remove(path.c_str());
    return true;
}

bool write_file(const std::string& path, const std::string& text, std::string& error) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
        error = "cannot write " + file_name(path) + ": " + std::strerror(errno);
        return false;
    }
    bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    ok = (std::fclose(f) == 0) && ok;
    if (!ok) error = "cannot write " + file_name(path);
    return ok;
}

// Seeded draws, or the --init file: its shape wins, and --hidden/--layers must agree with it.
bool build_network(CliOptions& opts, bpl::Network& net, std::string& error) {
    if (opts.init_path.empty()) return bpl::network_init(net, opts.config, error);
    std::string text;
    bpl::WeightsFile weights;
    if (!read_file(opts.init_path, text, error)) return false;
    if (!bpl::weights_from_json(text, weights, error)) {
        error = file_name(opts.init_path) + ": " + error;
        return false;
    }
    bpl::Config file_config = opts.config;
    bpl::config_set_shape_from(file_config, weights);
    std::string wanted = bpl::config_hidden_string(opts.config), found = bpl::config_hidden_string(file_config);
    if (opts.hidden_given && wanted != found) {
        error = "hidden=" + wanted + " does not match " + file_name(opts.init_path) + " (its hidden layers: " + found +
                ")";
        return false;
    }
    opts.config = file_config;
    return bpl::network_init(net, opts.config, error) && bpl::weights_load(net, weights, error);
}

// Trains opts.epochs epochs, reporting the loss of epochs 0, P, 2P, … with the evaluation of
// the weights each starts from (which the text format of a truth table leaves out, so it is not
// computed there). Returns the epoch at which training diverged, or -1.
long long train(const CliOptions& opts, bpl::Network& net) {
    const bool evaluate = opts.format != OutputFormat::text || net.data.cloud;
    for (long long epoch = 0; epoch < opts.epochs; ++epoch) {
        const bool print = epoch % opts.print_every == 0;
        bpl::Evaluation start;
        if (print && evaluate) start = bpl::network_evaluate(net);
        bpl::train_epoch(net);
        if (print) report_epoch(opts, epoch, net.epoch_loss, start);
        if (net.diverged) return epoch;
    }
    return -1;
}

}   // namespace

int main(int argc, char** argv) {
    CliOptions opts;
    std::string error;
    if (!parse_options(argc, argv, opts, error)) return fail(error);
    if (opts.help) {
        print_help("xor-train");
        return 0;
    }
    std::string notice;   // a batch size over the training rows: said once the run is known to start
    bpl::config_clamp_batch(opts.config, notice);
    bpl::Network net;
    if (!build_network(opts, net, error)) return fail(error);
    if (!notice.empty()) std::fprintf(stderr, "xor-train: %s\n", notice.c_str());
    if (opts.dump_data) {
        report_data(opts, net);
        return 0;
    }
    if (!opts.save_path.empty() && !check_writable(opts.save_path, error)) return fail(error);

    report_begin(opts, net);
    long long diverged_at = train(opts, net);
    report_end(opts, net, diverged_at);
    std::fflush(stdout);
    if (diverged_at >= 0) {
        std::fprintf(stderr, "xor-train: training diverged at epoch %lld (loss %s); try a smaller --lr%s\n",
                     diverged_at, bpl::format_shortest(net.epoch_loss).c_str(),
                     opts.save_path.empty() ? "" : " (weights not saved)");
        return kExitDiverged;
    }
    if (!opts.save_path.empty() && !write_file(opts.save_path, bpl::weights_to_json(net), error)) return fail(error);
    return 0;
}
