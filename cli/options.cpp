// Flag parsing for xor-train: "--flag value" and "--flag=value". The settings' flags come from
// the settings table's cli_flag column, the CLI's own run settings from a short table here;
// the help text lists every flag.
#include "options.hpp"
#include <algorithm>
#include <cstdio>
#include <string_view>
#include "dataset.hpp"
#include "number_text.hpp"
#include "settings.hpp"

namespace {

enum class FlagKind { setting, epochs, print_every, format, init, save, dump_data, help };

struct OwnFlag {
    const char* name;   // without the leading "--"
    FlagKind kind;
};

// clang-format off
constexpr OwnFlag kOwnFlags[] = {
    {"epochs", FlagKind::epochs}, {"print-every", FlagKind::print_every}, {"format", FlagKind::format},
    {"init", FlagKind::init},     {"save", FlagKind::save},               {"dump-data", FlagKind::dump_data},
    {"help", FlagKind::help},
};
// clang-format on

struct Flag {
    FlagKind kind = FlagKind::help;
    std::string name;                        // without the leading "--"
    const bpl::Setting* setting = nullptr;   // FlagKind::setting: the row it sets
    std::string key;   // its config_set key: the name with '_' for '-' (a key or an alias), else the row's key
};

bool takes_value(FlagKind kind) { return kind != FlagKind::help && kind != FlagKind::dump_data; }

// Does a cli_flag cell ("--hidden, --layers") name --<name>?
bool cell_names(const char* cell, std::string_view name) {
    for (const char* p = cell; *p;) {
        while (*p == ' ' || *p == ',') ++p;
        const char* end = p;
        while (*end && *end != ',') ++end;
        std::string_view one(p, size_t(end - p));
        if (one.size() > 2 && one.substr(0, 2) == "--" && one.substr(2) == name) return true;
        p = end;
    }
    return false;
}

bool find_flag(std::string_view name, Flag& flag) {
    for (const OwnFlag& own : kOwnFlags)
        if (name == own.name) {
            flag.kind = own.kind;
            flag.name = own.name;
            return true;
        }
    for (const bpl::Setting& s : bpl::kSettings) {
        if (s.scope != bpl::SettingScope::engine || !s.cli_flag || !cell_names(s.cli_flag, name)) continue;
        flag.kind = FlagKind::setting;
        flag.name = std::string(name);
        flag.setting = &s;
        flag.key = std::string(name);
        std::replace(flag.key.begin(), flag.key.end(), '-', '_');
        if (!bpl::config_is_key(flag.key)) flag.key = s.key;
        return true;
    }
    return false;
}

// Linux's NAME_MAX and PATH_MAX, checked here because Emscripten's file layer (xor-train.js)
// cuts a longer name short and writes to that other file instead of failing.
constexpr size_t kMaxFileNameChars = 255, kMaxPathChars = 4095;

bool path_too_long(std::string_view path) {
    if (path.size() > kMaxPathChars) return true;
    for (size_t start = 0; start <= path.size();) {
        size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) slash = path.size();
        if (slash - start > kMaxFileNameChars) return true;
        start = slash + 1;
    }
    return false;
}

bool set_count(long long& field, const char* name, std::string_view value, long long lo, long long hi,
               std::string& error) {
    uint64_t n = 0;
    bpl::NumberParse result = bpl::parse_whole(value, static_cast<uint64_t>(hi), n);
    if (result == bpl::NumberParse::ok && static_cast<long long>(n) >= lo) {
        field = static_cast<long long>(n);
        return true;
    }
    error = std::string(name) + "=" + bpl::quote_for_message(value) + ": " +
            (result == bpl::NumberParse::not_a_number ? "not a whole number" : "out of range") + " (allowed " +
            std::to_string(lo) + " to " + std::to_string(hi) + ")";
    return false;
}

bool apply_flag(const Flag& flag, std::string_view value, CliOptions& opts, std::string& error) {
    std::string_view name = flag.name;
    switch (flag.kind) {
        case FlagKind::setting:
            if (!bpl::config_set(opts.config, flag.key, value, error)) return false;
            if (flag.setting->id == bpl::SettingId::seed) opts.seed_given = true;
            if (flag.setting->id == bpl::SettingId::hidden) opts.hidden_given = true;
            opts.given_keys.push_back(flag.setting->key);
            return true;
        case FlagKind::epochs: return set_count(opts.epochs, "epochs", value, 0, kMaxEpochs, error);
        case FlagKind::print_every: return set_count(opts.print_every, "print-every", value, 1, 1000000000, error);
        case FlagKind::format:
            for (OutputFormat f : {OutputFormat::text, OutputFormat::csv, OutputFormat::json})
                if (value == format_name(f)) {
                    opts.format = f;
                    return true;
                }
            error = "format=" + bpl::quote_for_message(value) + ": unknown format (choose text, csv, json)";
            return false;
        case FlagKind::init:
        case FlagKind::save:
            if (value.empty()) {
                error = "--" + std::string(name) + ": needs a file name";
                return false;
            }
            if (path_too_long(value)) {
                error = "--" + std::string(name) + " " + bpl::quote_for_message(value) +
                        ": file name too long (at most 255 characters per name, 4095 in all)";
                return false;
            }
            (flag.kind == FlagKind::init ? opts.init_path : opts.save_path) = std::string(value);
            return true;
        case FlagKind::dump_data: opts.dump_data = true; return true;
        case FlagKind::help: opts.help = true; return true;
    }
    return true;
}

// The page's rule: on a point cloud, a setting with a cloud default takes it unless a flag set it.
// A default that clashes with a given flag (loss=bce with --output linear) is left out.
void apply_cloud_defaults(CliOptions& opts) {
    if (!bpl::data_is_cloud(opts.config.data.kind)) return;
    for (const bpl::Setting& row : bpl::kSettings) {
        if (!row.cloud_default_text) continue;
        if (std::find(opts.given_keys.begin(), opts.given_keys.end(), row.key) != opts.given_keys.end()) continue;
        std::string ignored;
        bpl::config_set(opts.config, row.key, row.cloud_default_text, ignored);
    }
}

// "--lr 0.03, --loss bce" (empty when no setting has a cloud default).
std::string cloud_defaults_text() {
    std::string text;
    for (const bpl::Setting& row : bpl::kSettings) {
        if (!row.cloud_default_text || !row.cli_flag || !*row.cli_flag) continue;
        std::string_view flag = row.cli_flag;
        text += (text.empty() ? "" : ", ") + std::string(flag.substr(0, flag.find(','))) + " " + row.cloud_default_text;
    }
    return text;
}

}   // namespace

const char* format_name(OutputFormat format) {
    switch (format) {
        case OutputFormat::text: return "text";
        case OutputFormat::csv: return "csv";
        case OutputFormat::json: return "json";
    }
    return "text";
}

bool parse_options(int argc, const char* const* argv, CliOptions& opts, std::string& error) {
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "-h") arg = "--help";
        if (arg.substr(0, 2) != "--" || arg.size() == 2) {
            error = "unexpected argument '" + bpl::quote_for_message(arg) + "' (see --help)";
            return false;
        }
        std::string_view name = arg.substr(2), value;
        size_t eq = name.find('=');
        bool inline_value = eq != std::string_view::npos;
        if (inline_value) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        Flag flag;
        if (!find_flag(name, flag)) {
            error = "unknown option --" + bpl::quote_for_message(name) + " (see --help)";
            return false;
        }
        if (flag.kind == FlagKind::help) {
            opts.help = true;
            continue;
        }
        if (!takes_value(flag.kind) && inline_value) {
            error = "--" + flag.name + ": takes no value (see --help)";
            return false;
        }
        if (takes_value(flag.kind) && !inline_value) {
            if (i + 1 >= argc || std::string_view(argv[i + 1]).substr(0, 2) == "--") {
                error = "--" + flag.name + ": missing value (see --help)";
                return false;
            }
            value = argv[++i];
        }
        if (!apply_flag(flag, value, opts, error)) return false;
    }
    // On a point cloud the seed also draws the points and the batch order, which a weights file
    // does not hold: there --seed goes with --init.
    if (opts.seed_given && !opts.init_path.empty() && !bpl::data_is_cloud(opts.config.data.kind)) {
        error = "--seed and --init cannot be used together on a truth table (the initial weights come from the file)";
        return false;
    }
    apply_cloud_defaults(opts);
    return true;
}

void print_help(const char* program) {
    std::printf("Usage: %s [options]\n"
                "Trains a small network with backprop, on XOR by default, and prints the loss every --print-every\n"
                "epochs in the NumPy reference program's format (`Epoch N, Loss: X`), then the predictions and\n"
                "the final loss and accuracy. With the reference's settings the numbers are the program's: the\n"
                "same digits wherever both use the same exp (NumPy's scalar loops on the same machine);\n"
                "elsewhere the 16th or 17th significant digit can differ, because math libraries round exp\n"
                "differently in the last bit.\n"
                "Values may be given as --flag value or --flag=value.\n"
                "\n"
                "Data\n"
                "  --data NAME         xor (default), and, or, nand, nor, xnor (truth tables over the rows 00,\n"
                "                      01, 10, 11) or xor-cloud, circle, gauss, spiral (point clouds in [-1, 1]^2)\n"
                "  --targets BITS      a truth table of your own: the targets of rows 00, 01, 10, 11, e.g. 0001\n"
                "  --points N          points of a point cloud, 50 to 1000 (default 200)\n"
                "  --noise P           jitter of each point, 0 to 50 (%% of the data's radius; default 0)\n"
                "  --train P           the share of a cloud's points in the training set, 10 to 90 (%%; default\n"
                "                      50); the rest are the test set. A truth table trains on all 4 rows.\n"
                "  --dump-data         print the data as JSON (points, targets, training rows first) and exit\n"
                "\n"
                "Network\n"
                "  --hidden N          one hidden layer of N units (1 to 32; default 4); 0: no hidden layer\n"
                "  --layers A,B,...    1 to 4 hidden layers, e.g. 8,8 (same setting as --hidden)\n"
                "  --activation NAME   hidden activation: sigmoid (default), tanh, relu, leaky_relu, linear\n"
                "  --output NAME       output activation: sigmoid (default) or linear\n"
                "  --loss NAME         mse (default, the reference), mse_mean, bce (needs --output sigmoid)\n"
                "\n"
                "Training\n"
                "  --lr X              learning rate, 1e-06 to 100 (default 0.1)\n"
                "  --epochs N          epochs to train, 0 to 100000000 (default 10000)\n"
                "  --optimizer NAME    sgd (default), momentum, adam\n"
                "  --momentum X        momentum coefficient / Adam beta1, 0 up to 1 (default 0.9)\n"
                "  --batch MODE        full (default: one update per epoch), sample (one per training row) or\n"
                "                      N (batches of N rows, 1 to 1000; more than the training rows is clamped,\n"
                "                      with a note on stderr). A cloud's batches are shuffled every epoch.\n"
                "  --reg NAME          penalty on the weights (not the biases): none (default), l1, l2\n"
                "  --reg-rate X        the penalty's rate, 0 to 0.1 (default 0.001)\n"
                "\n"
                "Initial weights\n"
                "  --seed S            draw them like np.random.seed(S) + randn (0 to 4294967295; default 42);\n"
                "                      a point cloud's points and batch order come from S too\n"
                "  --init FILE         read them from a weights JSON file instead (not with --seed, except on\n"
                "                      a point cloud); --hidden/--layers, if given, must match the file\n"
                "  --init-scheme NAME  scale of the seeded draws: normal (default, the reference), xavier, he\n"
                "\n"
                "Output\n"
                "  --print-every N     record the loss every N epochs, N >= 1 (default 1000)\n"
                "  --format FMT        text (default), csv or json (settings, losses, predictions, the final\n"
                "                      loss and accuracy and the final weights; loadable with --init)\n"
                "  --save FILE         write the final weights as JSON ({\"layers\": [{\"W\": ..., \"b\": ...}]})\n"
                "  --help, -h          show this help\n"
                "The loss of epoch N is the mean loss of its batches before their updates (plus the penalty).\n"
                "Train and test loss and accuracy (outputs on the target's side of 0.5) are of the weights\n"
                "epoch N starts from; text prints them on a point cloud's epoch lines, csv and json on every\n"
                "row; the last csv row (epoch = epochs run, loss empty) and json's \"final\" are the final\n"
                "weights'. Without a test set (truth tables) its columns are empty and its values null.\n"
                "\n"
                "Exit status: 0 on success, 2 for a bad option, value or file, 3 when training diverges.\n",
                program);
    std::string cloud = cloud_defaults_text();
    if (!cloud.empty())
        std::printf("On a point cloud, settings no flag gives take their point-cloud defaults: %s.\n", cloud.c_str());
}
