// The names of the page's controls (see control_names.hpp). The labels of the training choices
// come from the engine's tables; the rest are here.
#include "control_names.hpp"
#include "dataset.hpp"
#include "activations.hpp"
#include "choices.hpp"
#include "losses.hpp"
#include "xor_data.hpp"

// clang-format off
const ControlName kControlNames[kControlCount] = {
    // id, name, label, shortcut, setting, help
    {ControlId::play, "play", "Play", "space", "", "Train continuously"},
    {ControlId::pause, "pause", "Pause", "space", "", "Stop training"},
    {ControlId::step, "step", "Step epoch", "→", "", "Pause and train exactly one epoch"},
    {ControlId::reset, "reset", "Reset", "r", "", "Back to the starting weights of this seed"},
    {ControlId::step_phase, "stepPhase", "Step phase", ".", "", "Run the next phase of backprop only"},
    {ControlId::lr, "lr", "Learning rate η", "", "lr",
     "How big a step each update takes along −∂L/∂w. Applied live. Too small: slow. Too large: the loss jumps "
     "around or blows up."},
    {ControlId::speed, "speed", "Speed", "", "speed",
     "Epochs trained per drawn frame. One epoch = a forward pass over the 4 XOR rows, backpropagation, and one "
     "weight update."},
    {ControlId::hidden_layers, "hiddenLayers", "Hidden layers", "", "hidden",
     "Changing the shape rebuilds the network from the seed; every other setting is kept."},
    {ControlId::hidden_units, "hiddenUnits", "Units in layer", "", "hidden", "Neurons in this hidden layer"},
    {ControlId::act, "act", "Activation", "", "act", "Activation of the hidden layers"},
    {ControlId::loss, "loss", "Loss", "", "loss", "How the outputs' error is measured"},
    {ControlId::opt, "opt", "Optimiser", "", "opt", "How each update uses the gradients"},
    {ControlId::init, "init", "Init", "", "init", "Scale of the seeded initial weights"},
    {ControlId::seed, "seed", "Seed", "", "seed", "Same seed, same starting weights."},
    {ControlId::view, "view", "View", "", "view",
     "Activations and weights, or the backpropagated δ on neurons and ∂L/∂w on connections"},
    {ControlId::row, "row", "Row", "", "row", "The XOR row the diagram and the formulas follow"},
    {ControlId::data, "data", "Data", "", "data", ""},
    {ControlId::targets, "targets", "Targets", "", "targets", ""},
    {ControlId::points, "points", "Points", "", "points", ""},
    {ControlId::noise, "noise", "Noise", "", "noise", ""},
    {ControlId::train, "train", "Training share", "", "train", ""},
    {ControlId::batch, "batch", "Batch", "", "batch", ""},
    {ControlId::batch_size, "batchSize", "Batch size", "", "batch", "Rows per update: 1 (per sample) to the training rows"},
    {ControlId::reg, "reg", "Regularisation", "", "reg", ""},
    {ControlId::reg_rate, "regRate", "Rate λ", "", "reg_rate", ""},
    {ControlId::point, "point", "Point", "", "point", ""},
    {ControlId::mode, "mode", "Mode", "", "learn", "Explore the whole page, or step through backprop"},
    {ControlId::explore, "explore", "Explore", "", "learn",
     "The whole page: controls, network, loss, maps and predictions"},
    {ControlId::step_through, "stepThrough", "Step through backprop", "", "learn",
     "Walk through one epoch phase by phase: flowchart, formulas with the live numbers, and the code"},
};
// clang-format on
static_assert(int(ControlId::step_through) + 1 == kControlCount, "one row per ControlId");

const ControlName& control_name(ControlId id) {
    for (const ControlName& c : kControlNames)
        if (c.id == id) return c;
    return kControlNames[0];   // unreachable: every id has a row (tests/test_control_names.cpp)
}

std::string control_help(ControlId id) {
    const ControlName& c = control_name(id);
    const bpl::Setting* row = *c.help ? nullptr : bpl::setting_find(c.setting);
    std::string text = row ? row->help : c.help;
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
    return text;
}

std::string control_caption(ControlId id) {
    const ControlName& c = control_name(id);
    if (!*c.shortcut) return c.label;
    return std::string(c.label) + "  (" + c.shortcut + ")";
}

std::vector<std::string_view> control_choice_labels(bpl::SettingId id) {
    switch (id) {
        case bpl::SettingId::act: return bpl::table_column(bpl::kActivations, &bpl::ActivationInfo::label);
        case bpl::SettingId::out:
            return {bpl::activation_info(bpl::Activation::sigmoid).label,
                    bpl::activation_info(bpl::Activation::linear).label};
        case bpl::SettingId::loss: return bpl::table_column(bpl::kLosses, &bpl::LossInfo::label);
        case bpl::SettingId::opt: return bpl::table_column(bpl::kOptimizers, &bpl::OptimizerInfo::label);
        case bpl::SettingId::init: return bpl::table_column(bpl::kInits, &bpl::InitInfo::label);
        case bpl::SettingId::batch:   // full, sample; a size reads as kBatchModes' "Mini-batch" row
            return {bpl::kBatchModes[0].label, bpl::kBatchModes[1].label};
        case bpl::SettingId::reg: return bpl::table_column(bpl::kRegularizations, &bpl::RegularizationInfo::label);
        case bpl::SettingId::data: {
            std::vector<std::string_view> out;
            for (const bpl::DataInfo& d : bpl::kDataKinds)
                if (d.id != bpl::DataKind::custom_table) out.push_back(d.label);
            return out;
        }
        case bpl::SettingId::view: return {"Activations", "Gradients"};
        case bpl::SettingId::row: {
            std::vector<std::string_view> out(std::begin(bpl::kRowNames), std::end(bpl::kRowNames));
            out.push_back("all rows");
            return out;
        }
        default: return {};
    }
}
