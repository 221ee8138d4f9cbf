// The settings table (see settings.hpp). Ranges here are the ones config_set enforces: the engine
// reads its limits from the same rows (kMaxHiddenUnits, kMinLearningRate, … are checked against
// them below).
#include "settings.hpp"
#include "activations.hpp"
#include "choices.hpp"
#include "dataset.hpp"
#include "losses.hpp"

namespace bpl {

// clang-format off
const Setting kSettings[kSettingCount] = {
    // id, key, aliases, scope, type, min, max, max_open, control min/max, log, page_max, page_on_bad,
    // default, help, values, CLI flag, when links carry it, in state().params[, default on point clouds]
    {SettingId::data, "data", {}, SettingScope::engine, SettingType::choice, 0, 0, false,
     0, 0, false, 0, OnBad::refuse, "xor", "the data: a truth table over the rows 00, 01, 10, 11, or a point cloud",
     "`xor`, `and`, `or`, `nand`, `nor`, `xnor` (truth tables), `xor-cloud`, `circle`, `gauss`, `spiral` (point clouds)",
     "--data", LinkRule::when_changed, true},
    {SettingId::targets, "targets", {}, SettingScope::engine, SettingType::id, 0, 0, false,
     0, 0, false, 0, OnBad::refuse, "0110", "a custom truth table: the targets of rows 00, 01, 10, 11",
     "four 0s and 1s, e.g. `0110` (XOR) or `0001` (AND)", "--targets", LinkRule::when_changed, true},
    {SettingId::points, "points", {}, SettingScope::engine, SettingType::whole, kMinPoints, kMaxPoints, false,
     kMinPoints, kMaxPoints, false, 0, OnBad::refuse, "200", "how many points a point cloud has",
     "50 to 1000", "--points", LinkRule::when_changed, true},
    {SettingId::noise, "noise", {}, SettingScope::engine, SettingType::whole, 0, kMaxNoise, false,
     0, kMaxNoise, false, 0, OnBad::refuse, "0", "Gaussian jitter of each point, its standard deviation in % of the data's radius",
     "0 to 50", "--noise", LinkRule::when_changed, true},
    {SettingId::train, "train", {}, SettingScope::engine, SettingType::whole, kMinTrainPercent, kMaxTrainPercent, false,
     kMinTrainPercent, kMaxTrainPercent, false, 0, OnBad::refuse, "50", "the share of a point cloud's points in the training set (%); the rest are the test set",
     "10 to 90", "--train", LinkRule::when_changed, true},
    {SettingId::lr, "lr", {}, SettingScope::engine, SettingType::number, kMinLearningRate, kMaxLearningRate, false,
     0.001, 10, true, 0, OnBad::refuse, "0.1", "learning rate η: how far each update moves the weights",
     "1e-6 to 100 (slider 0.001 to 10)", "--lr", LinkRule::always, true, "0.03"},
    {SettingId::hidden, "hidden", {"layers"}, SettingScope::engine, SettingType::layers, 1, kMaxHiddenUnits, false,
     1, kPageMaxHiddenUnits, false, kPageMaxHiddenUnits, OnBad::clamp, "4", "hidden layers and their units, e.g. 4 or 8,8; 0 for none",
     "`0` (no hidden layer), `4`, `8,8`, … 1 to 4 layers of 1 to 32 units (the page shows at most 16 per layer: more is clamped)",
     "--hidden, --layers", LinkRule::always, true},
    {SettingId::act, "act", {"activation"}, SettingScope::engine, SettingType::choice, 0, 0, false,
     0, 0, false, 0, OnBad::refuse, "sigmoid", "activation of the hidden layers",
     "`sigmoid`, `tanh`, `relu`, `leaky_relu`, `linear`", "--activation", LinkRule::always, true, "tanh"},
    {SettingId::loss, "loss", {}, SettingScope::engine, SettingType::choice, 0, 0, false,
     0, 0, false, 0, OnBad::refuse, "mse", "loss function",
     "`mse` (the reference's sum convention), `mse_mean`, `bce` (cross-entropy)", "--loss", LinkRule::always, true, "bce"},
    {SettingId::opt, "opt", {"optimizer", "optimiser"}, SettingScope::engine, SettingType::choice, 0, 0, false,
     0, 0, false, 0, OnBad::refuse, "sgd", "optimiser", "`sgd`, `momentum`, `adam`", "--optimizer", LinkRule::always, true},
    {SettingId::init, "init", {"init_scheme"}, SettingScope::engine, SettingType::choice, 0, 0, false,
     0, 0, false, 0, OnBad::refuse, "normal", "scale of the seeded initial weights",
     "`normal` (reference), `xavier`, `he`", "--init-scheme", LinkRule::always, true},
    {SettingId::seed, "seed", {}, SettingScope::engine, SettingType::whole, 0, 4294967295.0, false,
     0, 0, false, 0, OnBad::refuse, "42", "seed of the initial weights (np.random.seed)", "0 to 4294967295",
     "--seed", LinkRule::always, true},
    {SettingId::out, "out", {"output"}, SettingScope::engine, SettingType::choice, 0, 0, false,
     0, 0, false, 0, OnBad::refuse, "sigmoid", "activation of the output unit", "`sigmoid`, `linear`",
     "--output", LinkRule::when_changed, true},
    {SettingId::momentum, "momentum", {}, SettingScope::engine, SettingType::number, 0, 1, true,
     0, 0, false, 0, OnBad::refuse, "0.9", "momentum coefficient (Adam's β1)", "0 to <1", "--momentum", LinkRule::when_changed, true},
    {SettingId::batch, "batch", {}, SettingScope::engine, SettingType::choice, 0, 0, false,
     0, 0, false, 0, OnBad::refuse, "full", "one update per epoch (full), per training row (sample) or per N rows",
     "`full`, `sample` or a batch size N, 1 to the training rows (more is clamped)", "--batch", LinkRule::when_changed, true, "10"},
    {SettingId::reg, "reg", {}, SettingScope::engine, SettingType::choice, 0, 0, false,
     0, 0, false, 0, OnBad::refuse, "none", "penalty on the weights (not the biases) added to the loss",
     "`none`, `l1`, `l2`", "--reg", LinkRule::when_changed, true},
    {SettingId::reg_rate, "reg_rate", {}, SettingScope::engine, SettingType::number, 0, kMaxRegRate, false,
     0, kMaxRegRate, false, 0, OnBad::refuse, "0.001", "the penalty's rate λ",
     "0 to 0.1", "--reg-rate", LinkRule::when_changed, true},
    {SettingId::beta2, "beta2", {}, SettingScope::engine, SettingType::number, 0, 1, true,
     0, 0, false, 0, OnBad::refuse, "0.999", "Adam's β2", "0 to <1", "", LinkRule::never, false},
    {SettingId::eps, "eps", {}, SettingScope::engine, SettingType::number, 1e-12, 0.1, false,
     0, 0, false, 0, OnBad::refuse, "1e-08", "Adam's ε", "1e-12 to 0.1", "", LinkRule::never, false},
    {SettingId::speed, "speed", {}, SettingScope::page, SettingType::whole, 1, kMaxEpochsPerFrame, false,
     1, kMaxEpochsPerFrame, true, 0, OnBad::clamp, "20", "epochs trained per frame", "epochs per frame, 1 to 10,000 (clamped)",
     "", LinkRule::always, true},
    {SettingId::view, "view", {}, SettingScope::page, SettingType::choice, 0, 0, false,
     0, 0, false, 0, OnBad::refuse, "activations", "what the diagram shows: activations and weights, or δ and ∂L/∂w",
     "`activations`, `gradients`", "", LinkRule::when_changed, true},
    {SettingId::row, "row", {}, SettingScope::page, SettingType::choice, 0, 0, false,
     0, 0, false, 0, OnBad::refuse, "0", "the XOR row the diagram and formulas follow",
     "`0` to `3` (or `00`, `01`, `10`, `11`) or `all`", "", LinkRule::when_changed, true},
    {SettingId::point, "point", {}, SettingScope::page, SettingType::whole, 0, kMaxPoints - 1, false,
     0, 0, false, 0, OnBad::refuse, "0", "the point of a point cloud the diagram and formulas follow",
     "0 to points − 1", "", LinkRule::when_changed, true},
    {SettingId::embed, "embed", {}, SettingScope::page, SettingType::flag, 0, 1, false,
     0, 0, false, 0, OnBad::refuse, "0", "the compact layout for iframes", "`1`, `0`", "", LinkRule::when_changed, true},
    {SettingId::learn, "learn", {}, SettingScope::page, SettingType::flag, 0, 1, false,
     0, 0, false, 0, OnBad::refuse, "0", "open the Step-through mode", "`1`, `0`", "", LinkRule::when_changed, true},
    {SettingId::autoplay, "autoplay", {}, SettingScope::page, SettingType::flag, 0, 1, false,
     0, 0, false, 0, OnBad::refuse, "1", "train from the start (0: paused)", "`1`, `0`", "", LinkRule::when_changed, false},
    {SettingId::fps, "fps", {}, SettingScope::page, SettingType::whole, kMinEmbedFps, kMaxEmbedFps, false,
     kMinEmbedFps, kMaxEmbedFps, false, 0, OnBad::clamp, "30", "frames drawn per second at most, in embed mode (training keeps its epochs per second)",
     "10 to 60 (clamped)", "", LinkRule::when_changed, true},
    {SettingId::theme, "theme", {}, SettingScope::page, SettingType::choice, 0, 0, false,
     0, 0, false, 0, OnBad::refuse, "auto", "colour theme; auto follows the reader's system setting",
     "`auto`, `light`, `dark`", "", LinkRule::when_changed, true},
    {SettingId::motion, "motion", {}, SettingScope::page, SettingType::choice, 0, 0, false,
     0, 0, false, 0, OnBad::refuse, "auto", "animation; auto follows the reader's reduced-motion setting",
     "`auto`, `reduce`, `full`", "", LinkRule::when_changed, true},
    {SettingId::lesson, "lesson", {}, SettingScope::page, SettingType::id, 0, 0, false,
     0, 0, false, 0, OnBad::refuse, "none", "start a guided lesson (its settings first, then the other keys)",
     "a lesson id (see the Lessons tab)", "", LinkRule::never, false},
};
// clang-format on
static_assert(kMaxPoints == 1000 && kMaxNoise == 50 && kMinTrainPercent == 10 && kMaxTrainPercent == 90 &&
                  kMaxRegRate == 0.1,
              "the data and reg rows' text spells out these limits");
static_assert(int(SettingId::lesson) + 1 == kSettingCount, "one row per SettingId");

static_assert(kMaxHiddenUnits == 32 && kMaxHiddenLayers == 4, "the hidden row's text spells out these limits");

const Setting* setting_find(std::string_view key) {
    for (const Setting& s : kSettings) {
        if (key == s.key) return &s;
        for (const char* alias : s.aliases)
            if (alias && key == alias) return &s;
    }
    return nullptr;
}

const Setting& setting_of(SettingId id) {
    for (const Setting& s : kSettings)
        if (s.id == id) return s;
    return kSettings[0];   // unreachable: every id has a row (tests/test_lab_settings.cpp)
}

std::vector<std::string_view> setting_choices(const Setting& s) {
    switch (s.id) {
        case SettingId::act: return table_column(kActivations, &ActivationInfo::name);
        case SettingId::out:
            return {activation_info(Activation::sigmoid).name, activation_info(Activation::linear).name};
        case SettingId::loss: return table_column(kLosses, &LossInfo::name);
        case SettingId::opt: return table_column(kOptimizers, &OptimizerInfo::name);
        case SettingId::init: return table_column(kInits, &InitInfo::name);
        case SettingId::batch: return {kBatchModes[0].name, kBatchModes[1].name};   // or a size
        case SettingId::reg: return table_column(kRegularizations, &RegularizationInfo::name);
        case SettingId::data: {
            std::vector<std::string_view> names;
            for (const DataInfo& d : kDataKinds)
                if (d.id != DataKind::custom_table) names.push_back(d.name);
            return names;
        }
        case SettingId::view: return {"activations", "gradients"};
        case SettingId::theme: return {"auto", "light", "dark"};
        case SettingId::motion: return {"auto", "reduce", "full"};
        case SettingId::row: return {"0", "1", "2", "3", "all"};
        case SettingId::autoplay:
        case SettingId::embed:
        case SettingId::learn: return {"1", "0"};
        default: return {};
    }
}

std::string setting_choices_text(const Setting& s) {
    std::vector<std::string_view> names = setting_choices(s);
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) out += i + 1 == names.size() ? " or " : ", ";
        out += names[i];
    }
    return out;
}

}   // namespace bpl
