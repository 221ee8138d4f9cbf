// Flag parsing for xor-train: "--flag value" and "--flag=value", a table from flag to config
// key or CLI setting, and the help text listing every flag.
#include "options.hpp"
#include <cstdio>
#include <string_view>
#include "number_text.hpp"

namespace {

enum class FlagKind { config_key, epochs, print_every, format, init, save, help };

struct Flag {
    const char* name;   // without the leading "--"
    FlagKind kind;
    const char* key;   // config_set key for config_key flags
};

// clang-format off
constexpr Flag kFlags[] = {
    {"hidden", FlagKind::config_key, "hidden"},     {"layers", FlagKind::config_key, "layers"},
    {"activation", FlagKind::config_key, "activation"}, {"output", FlagKind::config_key, "output"},
    {"loss", FlagKind::config_key, "loss"},         {"lr", FlagKind::config_key, "lr"},
    {"optimizer", FlagKind::config_key, "optimizer"}, {"momentum", FlagKind::config_key, "momentum"},
    {"init-scheme", FlagKind::config_key, "init_scheme"}, {"batch", FlagKind::config_key, "batch"},
    {"seed", FlagKind::config_key, "seed"},         {"epochs", FlagKind::epochs, nullptr},
    {"print-every", FlagKind::print_every, nullptr}, {"format", FlagKind::format, nullptr},
    {"init", FlagKind::init, nullptr},              {"save", FlagKind::save, nullptr},
    {"help", FlagKind::help, nullptr},
};
// clang-format on

const Flag* find_flag(std::string_view name) {
    for (const Flag& f : kFlags)
        if (name == f.name) return &f;
    return nullptr;
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
        case FlagKind::config_key:
            if (name == "seed") opts.seed_given = true;
            if (name == "hidden" || name == "layers") opts.hidden_given = true;
            return bpl::config_set(opts.config, flag.key, value, error);
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
        case FlagKind::help: opts.help = true; return true;
    }
    return true;
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
        const Flag* flag = find_flag(name);
        if (!flag) {
            error = "unknown option --" + bpl::quote_for_message(name) + " (see --help)";
            return false;
        }
        if (flag->kind == FlagKind::help) {
            opts.help = true;
            continue;
        }
        if (!inline_value) {
            if (i + 1 >= argc || std::string_view(argv[i + 1]).substr(0, 2) == "--") {
                error = std::string("--") + flag->name + ": missing value (see --help)";
                return false;
            }
            value = argv[++i];
        }
        if (!apply_flag(*flag, value, opts, error)) return false;
    }
    if (opts.seed_given && !opts.init_path.empty()) {
        error = "--seed and --init cannot be used together (the initial weights come from the file)";
        return false;
    }
    return true;
}

void print_help(const char* program) {
    std::printf("Usage: %s [options]\n"
                "Trains a small network on XOR with backprop and prints the loss every --print-every epochs\n"
                "in the NumPy reference program's format (`Epoch N, Loss: X`), then the predictions. With the\n"
                "reference's settings the numbers are the program's: the same digits wherever both use the\n"
                "same exp (NumPy's scalar loops on the same machine); elsewhere the 16th or 17th significant\n"
                "digit can differ, because math libraries round exp differently in the last bit.\n"
                "Values may be given as --flag value or --flag=value.\n"
                "\n"
                "Network\n"
                "  --hidden N          one hidden layer of N units (1 to 32; default 4)\n"
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
                "  --batch MODE        full (default: one update per epoch) or sample (one per XOR row)\n"
                "\n"
                "Initial weights\n"
                "  --seed S            draw them like np.random.seed(S) + randn (0 to 4294967295; default 42)\n"
                "  --init FILE         read them from a weights JSON file instead (not with --seed);\n"
                "                      --hidden/--layers, if given, must match the file\n"
                "  --init-scheme NAME  scale of the seeded draws: normal (default, the reference), xavier, he\n"
                "\n"
                "Output\n"
                "  --print-every N     record the loss every N epochs, N >= 1 (default 1000)\n"
                "  --format FMT        text (default), csv (epoch,loss rows) or json (settings, losses,\n"
                "                      predictions and final weights; loadable with --init)\n"
                "  --save FILE         write the final weights as JSON ({\"layers\": [{\"W\": ..., \"b\": ...}]})\n"
                "  --help, -h          show this help\n"
                "\n"
                "Exit status: 0 on success, 2 for a bad option, value or file, 3 when training diverges.\n",
                program);
}
