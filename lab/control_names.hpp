// What the page's controls are called, one row per control: the ImGui panels print these labels,
// and settings.js carries them (with the labels of each choice) to the HTML controls of
// site/a11y.js, so a reader hears the names the page shows.
#pragma once
#include <string>
#include <string_view>
#include <vector>
#include "settings.hpp"

enum class ControlId {
    // actions
    play,
    pause,
    step,
    reset,
    step_phase,
    // settings
    lr,
    speed,
    hidden_layers,
    hidden_units,
    act,
    loss,
    opt,
    init,
    seed,
    view,
    row,
    // the data and its training (help: the settings table's, see control_help)
    data,
    targets,
    points,
    noise,
    train,
    batch,
    batch_size,
    reg,
    reg_rate,
    point,
    // the two modes
    mode,
    explore,
    step_through,
};

struct ControlName {
    ControlId id;
    const char* name;       // the control's name in settings.js and site/a11y.js: "play", "stepPhase"
    const char* label;      // what both interfaces show: "Play", "Learning rate η"
    const char* shortcut;   // the canvas key that does the same ("space", "→", ".", "r"), or ""
    const char* setting;    // the settings-table key it changes, or "" (an action)
    const char* help;       // one line: what it does; "": the setting's help (control_help)
};

constexpr int kControlCount = 29;
extern const ControlName kControlNames[kControlCount];   // one row per ControlId, in enum order

const ControlName& control_name(ControlId id);
inline const char* control_label(ControlId id) { return control_name(id).label; }
// Its one line of help: its own, else its setting's row in the settings table, capitalised.
std::string control_help(ControlId id);
// The label with its key, as buttons print it: "Step epoch  (→)"; just the label without a key.
std::string control_caption(ControlId id);
// The labels of a choice setting's values, in bpl::setting_choices order ("Sigmoid", "tanh", …);
// empty for settings that are not choices.
std::vector<std::string_view> control_choice_labels(bpl::SettingId id);
