// Config keys: the engine rows of the settings table (settings.hpp) and their setters, shared by
// config_set and config_parse, the range checks of config_validate, and the canonical form.
#include "config.hpp"
#include <cstdio>
#include "number_text.hpp"
#include "settings.hpp"

namespace bpl {

bool operator==(const Config& a, const Config& b) {
    if (a.hidden_layers != b.hidden_layers) return false;
    for (int l = 0; l < a.hidden_layers && l < kMaxHiddenLayers; ++l)
        if (a.hidden_units[l] != b.hidden_units[l]) return false;
    return a.activation == b.activation && a.output_activation == b.output_activation && a.loss == b.loss &&
           a.optimizer == b.optimizer && a.lr == b.lr && a.momentum == b.momentum && a.beta2 == b.beta2 &&
           a.adam_epsilon == b.adam_epsilon && a.init == b.init && a.seed == b.seed && a.batch == b.batch &&
           (a.batch != BatchMode::minibatch || a.batch_size == b.batch_size) && a.data.kind == b.data.kind &&
           (a.data.kind != DataKind::custom_table || a.data.targets == b.data.targets) &&   // a named table's are its own
           a.data.points == b.data.points && a.data.noise == b.data.noise &&
           a.data.train == b.data.train && a.reg == b.reg && a.reg_rate == b.reg_rate;
}

namespace {

static_assert(kMaxHiddenLayers == 4 && kMaxHiddenUnits == 32, "the messages below spell out these limits");

// Each setter fills `why` (the part after "key=value: ") on error and may leave cfg half set;
// callers work on a copy.
using Setter = bool (*)(Config& cfg, std::string_view value, std::string& why);

struct RealRange {
    double lo, hi;
    bool hi_open;
};
constexpr RealRange kLrRange{kMinLearningRate, kMaxLearningRate, false};
constexpr RealRange kUnitOpenRange{0.0, 1.0, true};   // momentum, beta2: [0, 1)
constexpr RealRange kEpsilonRange{1e-12, 0.1, false};
constexpr RealRange kRegRateRange{0.0, kMaxRegRate, false};

std::string range_text(RealRange r) {
    char text[96];
    std::snprintf(text, sizeof text, r.hi_open ? "allowed %g up to but not including %g" : "allowed %g to %g", r.lo,
                  r.hi);
    return text;
}

bool in_range(double v, RealRange r) { return v >= r.lo && (r.hi_open ? v < r.hi : v <= r.hi); }

bool set_real(double& field, std::string_view value, RealRange r, std::string& why) {
    double v = 0.0;
    NumberParse result = parse_decimal(value, v);
    if (result == NumberParse::ok && !in_range(v, r)) result = NumberParse::out_of_range;
    if (result == NumberParse::ok) {
        field = v;
        return true;
    }
    const char* what = result == NumberParse::out_of_range ? "out of range"
                     : result == NumberParse::not_finite   ? "not a finite number"
                                                           : "not a number";
    why = std::string(what) + " (" + range_text(r) + ")";
    return false;
}

template <typename Info, size_t N>
bool set_choice(decltype(Info::id)& field, std::string_view value, const Info (&table)[N], const char* what,
                std::string& why) {
    std::string names;
    for (const Info& row : table) {
        if (value == row.name) {
            field = row.id;
            return true;
        }
        names += (names.empty() ? "" : ", ") + std::string(row.name);
    }
    why = std::string("unknown ") + what + " (choose " + names + ")";
    return false;
}

bool set_hidden(Config& cfg, std::string_view value, std::string& why) {
    const char* units_text = "each layer needs 1 to 32 units; 0 alone means no hidden layer";
    if (value.empty()) {
        why = "expected layer sizes like 4 or 8,8 (0, or 1 to 4 layers of 1 to 32 units)";
        return false;
    }
    if (value == "0") {   // no hidden layer: the perceptron
        cfg.hidden_layers = 0;
        return true;
    }
    int count = 0;
    int units[kMaxHiddenLayers] = {};
    for (size_t start = 0; start <= value.size();) {
        size_t comma = value.find(',', start);
        if (comma == std::string_view::npos) comma = value.size();
        std::string_view item = value.substr(start, comma - start);
        if (item.empty()) {
            why = "empty layer size (write e.g. 4 or 8,8)";
            return false;
        }
        uint64_t n = 0;
        NumberParse result = parse_whole(item, 1000000000ULL, n);
        if (result == NumberParse::not_a_number) {
            why = std::string("not a whole number (") + units_text + ")";
            return false;
        }
        if (result != NumberParse::ok || n < 1 || n > kMaxHiddenUnits) {
            why = units_text;
            return false;
        }
        if (count < kMaxHiddenLayers) units[count] = static_cast<int>(n);
        ++count;
        start = comma + 1;
    }
    if (count > kMaxHiddenLayers) {
        why = "1 to 4 hidden layers allowed (got " + std::to_string(count) + ")";
        return false;
    }
    cfg.hidden_layers = count;
    for (int l = 0; l < count; ++l) cfg.hidden_units[l] = units[l];
    return true;
}

bool set_activation(Config& cfg, std::string_view value, std::string& why) {
    return set_choice(cfg.activation, value, kActivations, "activation", why);
}
bool set_output(Config& cfg, std::string_view value, std::string& why) {
    if (value == "sigmoid" || value == "linear") return set_choice(cfg.output_activation, value, kActivations, "", why);
    why = "unknown output activation (choose sigmoid, linear)";
    return false;
}
bool set_loss(Config& cfg, std::string_view value, std::string& why) {
    return set_choice(cfg.loss, value, kLosses, "loss", why);
}
bool set_optimizer(Config& cfg, std::string_view value, std::string& why) {
    return set_choice(cfg.optimizer, value, kOptimizers, "optimizer", why);
}
bool set_init(Config& cfg, std::string_view value, std::string& why) {
    return set_choice(cfg.init, value, kInits, "init scheme", why);
}
// full | sample | N rows (1 = sample). A size above the training set is kept here and clamped
// by config_clamp_batch, which knows the data.
bool set_batch(Config& cfg, std::string_view value, std::string& why) {
    if (value == "full" || value == "sample") {
        cfg.batch = value == "full" ? BatchMode::full : BatchMode::sample;
        return true;
    }
    uint64_t n = 0;
    NumberParse result = parse_whole(value, 1000000000ULL, n);
    if (result != NumberParse::ok || n < 1 || n > uint64_t(kMaxSamples)) {
        why = "expected full, sample or a batch size 1 to " + std::to_string(kMaxSamples);
        return false;
    }
    cfg.batch = n == 1 ? BatchMode::sample : BatchMode::minibatch;
    cfg.batch_size = n == 1 ? 0 : int(n);
    return true;
}
bool set_reg(Config& cfg, std::string_view value, std::string& why) {
    return set_choice(cfg.reg, value, kRegularizations, "regularisation", why);
}
bool set_reg_rate(Config& cfg, std::string_view value, std::string& why) {
    return set_real(cfg.reg_rate, value, kRegRateRange, why);
}

// data=xor|and|…|spiral, or custom (the table of targets=)
bool set_data(Config& cfg, std::string_view value, std::string& why) {
    const DataInfo* info = find_data(value);   // custom: the table targets= gives (or gave)
    if (info) {
        cfg.data.kind = info->id;
        return true;
    }
    std::string names;
    for (const DataInfo& row : kDataKinds)
        if (row.id != DataKind::custom_table) names += (names.empty() ? "" : ", ") + std::string(row.name);
    why = "unknown data set (choose " + names + ", or give targets=0110)";
    return false;
}
// targets=0110: the targets of rows 00, 01, 10, 11: a named table when one has them, else custom
bool set_targets(Config& cfg, std::string_view value, std::string& why) {
    unsigned bits = 0;
    bool ok = value.size() == size_t(kTableRows);
    for (size_t r = 0; ok && r < value.size(); ++r) {
        ok = value[r] == '0' || value[r] == '1';
        if (value[r] == '1') bits |= 1u << r;
    }
    if (!ok) {
        why = "expected four 0s and 1s, the targets of rows 00, 01, 10, 11 (e.g. 0110)";
        return false;
    }
    cfg.data.kind = DataKind::custom_table;   // or the named table with these targets (0110 is xor)
    cfg.data.targets = bits;
    for (const DataInfo& row : kDataKinds)
        if (!row.cloud && row.id != DataKind::custom_table && row.targets == bits) cfg.data.kind = row.id;
    return true;
}
bool set_whole_in(int& field, std::string_view value, int lo, int hi, std::string& why) {
    uint64_t n = 0;
    NumberParse result = parse_whole(value, 1000000000ULL, n);
    if (result == NumberParse::ok && n >= uint64_t(lo) && n <= uint64_t(hi)) {
        field = int(n);
        return true;
    }
    why = std::string(result == NumberParse::not_a_number ? "not a whole number" : "out of range") + " (allowed " +
          std::to_string(lo) + " to " + std::to_string(hi) + ")";
    return false;
}
bool set_points(Config& cfg, std::string_view value, std::string& why) {
    return set_whole_in(cfg.data.points, value, kMinPoints, kMaxPoints, why);
}
bool set_noise(Config& cfg, std::string_view value, std::string& why) {
    return set_whole_in(cfg.data.noise, value, 0, kMaxNoise, why);
}
bool set_train(Config& cfg, std::string_view value, std::string& why) {
    return set_whole_in(cfg.data.train, value, kMinTrainPercent, kMaxTrainPercent, why);
}
bool set_lr(Config& cfg, std::string_view value, std::string& why) { return set_real(cfg.lr, value, kLrRange, why); }
bool set_momentum(Config& cfg, std::string_view value, std::string& why) {
    return set_real(cfg.momentum, value, kUnitOpenRange, why);
}
bool set_beta2(Config& cfg, std::string_view value, std::string& why) {
    return set_real(cfg.beta2, value, kUnitOpenRange, why);
}
bool set_epsilon(Config& cfg, std::string_view value, std::string& why) {
    return set_real(cfg.adam_epsilon, value, kEpsilonRange, why);
}

bool set_seed(Config& cfg, std::string_view value, std::string& why) {
    uint64_t n = 0;
    NumberParse result = parse_whole(value, 4294967295ULL, n);
    if (result == NumberParse::ok) {
        cfg.seed = static_cast<uint32_t>(n);
        return true;
    }
    why = std::string(result == NumberParse::out_of_range ? "out of range" : "not a whole number") +
          " (allowed 0 to 4294967295)";
    return false;
}

// The setter of an engine row of the settings table (engine/settings.cpp): the table owns the
// keys, their aliases and ranges; a row without a case here fails to compile (-Wswitch).
Setter setter_of(SettingId id) {
    switch (id) {
        case SettingId::hidden: return set_hidden;
        case SettingId::act: return set_activation;
        case SettingId::out: return set_output;
        case SettingId::loss: return set_loss;
        case SettingId::opt: return set_optimizer;
        case SettingId::lr: return set_lr;
        case SettingId::momentum: return set_momentum;
        case SettingId::beta2: return set_beta2;
        case SettingId::eps: return set_epsilon;
        case SettingId::init: return set_init;
        case SettingId::seed: return set_seed;
        case SettingId::batch: return set_batch;
        case SettingId::data: return set_data;
        case SettingId::targets: return set_targets;
        case SettingId::points: return set_points;
        case SettingId::noise: return set_noise;
        case SettingId::train: return set_train;
        case SettingId::reg: return set_reg;
        case SettingId::reg_rate: return set_reg_rate;
        case SettingId::point:
        case SettingId::speed:
        case SettingId::autoplay:
        case SettingId::view:
        case SettingId::row:
        case SettingId::embed:
        case SettingId::learn:
        case SettingId::fps:
        case SettingId::theme:
        case SettingId::motion:
        case SettingId::lesson: return nullptr;   // page settings (lab/url_params.cpp)
    }
    return nullptr;
}

const Setting* find_key(std::string_view key) {
    const Setting* s = setting_find(key);
    return s && s->scope == SettingScope::engine ? s : nullptr;
}

std::string pair_text(std::string_view key, std::string_view value) {
    return quote_for_message(key, 24) + "=" + quote_for_message(value);
}

// Applies one key without the cross-field checks (config_parse validates once at the end).
bool apply_key(Config& cfg, std::string_view key, std::string_view value, std::string& error) {
    const Setting* info = find_key(key);
    if (!info) {
        std::string keys;
        for (const Setting& k : kSettings)
            if (k.scope == SettingScope::engine) keys += (keys.empty() ? "" : ", ") + std::string(k.key);
        error = pair_text(key, value) + ": unknown key (keys: " + keys + ")";
        return false;
    }
    std::string why;
    if (setter_of(info->id)(cfg, value, why)) return true;
    error = pair_text(key, value) + ": " + why;
    return false;
}

template <typename Info, size_t N>
const char* name_in(const Info (&table)[N], decltype(Info::id) id) {
    for (const Info& row : table)
        if (row.id == id) return row.name;
    return nullptr;
}

}   // namespace

bool config_set(Config& cfg, std::string_view key, std::string_view value, std::string& error) {
    Config next = cfg;
    if (!apply_key(next, key, value, error) || !config_validate(next, error)) return false;
    cfg = next;
    return true;
}

bool config_is_key(std::string_view key) { return find_key(key) != nullptr; }

bool config_parse(Config& cfg, std::string_view text, std::string& error) {
    Config next = cfg;
    if (!text.empty() && text[0] == '?') text.remove_prefix(1);   // a URL query as given
    const std::string_view separators = "& \t\r\n";
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find_first_of(separators, pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view item = text.substr(pos, end - pos);
        pos = end + 1;
        if (item.empty()) continue;
        size_t eq = item.find('=');
        if (eq == std::string_view::npos) {
            error = quote_for_message(item) + ": expected key=value";
            return false;
        }
        if (!apply_key(next, item.substr(0, eq), item.substr(eq + 1), error)) return false;
    }
    if (!config_validate(next, error)) return false;
    cfg = next;
    return true;
}

bool config_validate(const Config& cfg, std::string& error) {
    if (cfg.hidden_layers < 0 || cfg.hidden_layers > kMaxHiddenLayers) {
        error = "hidden: 0 to 4 hidden layers allowed (got " + std::to_string(cfg.hidden_layers) + ")";
        return false;
    }
    for (int l = 0; l < cfg.hidden_layers; ++l)
        if (cfg.hidden_units[l] < 1 || cfg.hidden_units[l] > kMaxHiddenUnits) {
            error = "hidden=" + config_hidden_string(cfg) + ": each layer needs 1 to 32 units";
            return false;
        }
    const char* act = name_in(kActivations, cfg.activation);
    const char* out = name_in(kActivations, cfg.output_activation);
    if (!act || !out || !name_in(kLosses, cfg.loss) || !name_in(kOptimizers, cfg.optimizer) ||
        !name_in(kInits, cfg.init) || !name_in(kBatchModes, cfg.batch) || !name_in(kRegularizations, cfg.reg) ||
        int(cfg.data.kind) < 0 || int(cfg.data.kind) >= kDataKindCount) {
        error = "config: a setting holds an unknown choice";
        return false;
    }
    if (cfg.output_activation != Activation::sigmoid && cfg.output_activation != Activation::linear) {
        error = std::string("out=") + out + ": output must be sigmoid or linear";
        return false;
    }
    if (cfg.loss == Loss::bce && cfg.output_activation != Activation::sigmoid) {
        error = std::string("loss=bce needs out=sigmoid (cross-entropy takes a probability; out=") + out + " given)";
        return false;
    }
    const struct {
        const char* key;
        double value;
        RealRange range;
    } reals[] = {{"lr", cfg.lr, kLrRange},
                 {"momentum", cfg.momentum, kUnitOpenRange},
                 {"beta2", cfg.beta2, kUnitOpenRange},
                 {"eps", cfg.adam_epsilon, kEpsilonRange},
                 {"reg_rate", cfg.reg_rate, kRegRateRange}};
    for (const auto& r : reals)
        if (!in_range(r.value, r.range)) {   // also catches NaN
            error = std::string(r.key) + "=" + format_shortest(r.value) + ": out of range (" + range_text(r.range) +
                    ")";
            return false;
        }
    const DataSpec& d = cfg.data;
    if (d.points < kMinPoints || d.points > kMaxPoints || d.noise < 0 || d.noise > kMaxNoise ||
        d.train < kMinTrainPercent || d.train > kMaxTrainPercent || d.targets > 15u) {
        error = "config: a data setting is out of range";
        return false;
    }
    if (cfg.batch == BatchMode::minibatch && (cfg.batch_size < 2 || cfg.batch_size > kMaxSamples)) {
        error = "batch=" + std::to_string(cfg.batch_size) + ": expected a batch size 1 to " +
                std::to_string(kMaxSamples);
        return false;
    }
    return true;
}

bool config_clamp_batch(Config& cfg, std::string& notice) {
    const int train = data_train_count(cfg.data);
    if (cfg.batch != BatchMode::minibatch || cfg.batch_size <= train) return false;
    notice = "batch=" + std::to_string(cfg.batch_size) + ": more than the " + std::to_string(train) +
             " training rows; using " + std::to_string(train);
    cfg.batch_size = train;
    if (train == 1) cfg.batch = BatchMode::sample;
    return true;
}

int config_batch_rows(const Config& cfg) {
    const int train = data_train_count(cfg.data);
    switch (cfg.batch) {
        case BatchMode::full: return train;
        case BatchMode::sample: return 1;
        case BatchMode::minibatch: return cfg.batch_size < train ? cfg.batch_size : train;
    }
    return train;
}

std::string config_batch_string(const Config& cfg) {
    if (cfg.batch == BatchMode::minibatch) return std::to_string(cfg.batch_size);
    return cfg.batch == BatchMode::sample ? "sample" : "full";
}

std::string config_data_string(const Config& cfg) {
    std::string text = std::string("data=") + data_info(cfg.data.kind).name;
    if (cfg.data.kind == DataKind::custom_table) {
        char bits[5];
        data_targets_text(cfg.data.targets, bits);
        text = std::string("targets=") + bits;
    }
    return text + "&points=" + std::to_string(cfg.data.points) + "&noise=" + std::to_string(cfg.data.noise) +
           "&train=" + std::to_string(cfg.data.train);
}

std::string config_hidden_string(const Config& cfg) {
    std::string text;
    int layers = cfg.hidden_layers < 0 ? 0
                                       : (cfg.hidden_layers > kMaxHiddenLayers ? kMaxHiddenLayers : cfg.hidden_layers);
    for (int l = 0; l < layers; ++l) text += (l ? "," : "") + std::to_string(cfg.hidden_units[l]);
    return layers == 0 ? "0" : text;
}

std::string config_to_string(const Config& cfg) {
    auto name_or = [](const char* name) { return std::string(name ? name : "?"); };
    return "hidden=" + config_hidden_string(cfg) + "&act=" + name_or(name_in(kActivations, cfg.activation)) +
           "&out=" + name_or(name_in(kActivations, cfg.output_activation)) +
           "&loss=" + name_or(name_in(kLosses, cfg.loss)) + "&opt=" + name_or(name_in(kOptimizers, cfg.optimizer)) +
           "&lr=" + format_shortest(cfg.lr) + "&momentum=" + format_shortest(cfg.momentum) +
           "&beta2=" + format_shortest(cfg.beta2) + "&eps=" + format_shortest(cfg.adam_epsilon) +
           "&init=" + name_or(name_in(kInits, cfg.init)) + "&seed=" + std::to_string(cfg.seed) +
           "&batch=" + config_batch_string(cfg) + "&reg=" + name_or(name_in(kRegularizations, cfg.reg)) +
           "&reg_rate=" + format_shortest(cfg.reg_rate) + "&" + config_data_string(cfg);
}

}   // namespace bpl
