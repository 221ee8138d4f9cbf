// The controls panel: transport (play/pause, step, reset, new seed), speed and learning rate,
// the data, the network's shape and training choices (fed from the engine's tables), and
// sharing; phones get the transport and learning rate on their own (draw_touch_transport) and
// the rest below. Every change goes through apply_param, so the URL and the HTML controls follow.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <type_traits>
#include "control_names.hpp"
#include "dataset.hpp"
#include "session.hpp"
#include "number_text.hpp"
#include "layout_report.hpp"
#include "panels.hpp"
#include "settings.hpp"
#include "trainer.hpp"
#include "ui_theme.hpp"
#include "url_params.hpp"

// ---- small helpers ---------------------------------------------------------------------------

static void label(const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
}

// The control's help (its own, or its setting's row) as the hovered item's tooltip.
static void help_tooltip(ControlId control) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", control_help(control).c_str());
}

// A slider that applies its value when released, not on every frame of a drag: a change of the
// data regenerates it and restarts training. While dragged it shows the dragged value.
template <typename T>
static bool slider_on_release(const char* id, T current, double lo, double hi, const char* format,
                              ImGuiSliderFlags flags, T& out) {
    constexpr ImGuiDataType type = std::is_same<T, int>::value ? ImGuiDataType_S32 : ImGuiDataType_Float;
    static ImGuiID dragging = 0;   // throwaway widget state: the slider being dragged, and its value
    static T dragged{};
    const ImGuiID self = ImGui::GetID(id);
    T v = dragging == self ? dragged : current;
    const T min = T(lo), max = T(hi);
    ImGui::SliderScalar(id, type, &v, &min, &max, format, flags | ImGuiSliderFlags_AlwaysClamp);
    if (ImGui::IsItemActive()) {
        dragging = self;
        dragged = v;
    } else if (dragging == self) {
        dragging = 0;
    }
    if (!ImGui::IsItemDeactivatedAfterEdit() || v == current) return false;
    out = v;
    return true;
}

static std::string with_commas(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

// ---- transport -------------------------------------------------------------------------------

static void draw_status_line(const AppState& app) {
    std::string status = "Epoch " + with_commas(app.net.epoch);
    if (!app.net.diverged) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "   ·   loss %.4g", app.current_loss);
        status += buf;
    } else {
        status += "   ·   diverged";
    }
    ImGui::PushFont(g_fonts.bold);
    ImGui::TextUnformatted(status.c_str());
    ImGui::PopFont();
    layout_report_item("status");
}

static void draw_transport(AppState& app) {
    float w = ImGui::GetContentRegionAvail().x;
    float h = ImGui::GetFrameHeight() * 1.35f;
    std::string play_label = app.running ? "❚❚  " + control_caption(ControlId::pause)
                                         : "▶  " + control_caption(ControlId::play);
    if (ui_primary_button(play_label.c_str(), ImVec2(w, h))) session_set_running(app, !app.running);
    layout_report_item("play");
    float half = (w - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
    if (ImGui::Button(control_caption(ControlId::step).c_str(), ImVec2(half, 0))) session_step(app, 1);
    layout_report_item("step");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", control_name(ControlId::step).help);
    ImGui::SameLine();
    if (ImGui::Button(("↺ " + control_caption(ControlId::reset)).c_str(), ImVec2(half, 0))) session_reset(app);
    layout_report_item("reset");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", control_name(ControlId::reset).help);
    draw_status_line(app);
}

// Phones: play/pause, step and reset in one row of finger-sized buttons, the learning rate under
// them, then the epoch and loss. No hover tips: a finger has no hover.
void draw_touch_transport(AppState& app) {
    ImGuiStyle& style = ImGui::GetStyle();
    float w = ImGui::GetContentRegionAvail().x, h = 40.0f;
    float third = std::floor((w - 2 * style.ItemSpacing.x) / 3.0f);
    std::string play_label = app.running ? std::string("❚❚  ") + control_label(ControlId::pause)
                                         : std::string("▶  ") + control_label(ControlId::play);
    if (ui_primary_button(play_label.c_str(), ImVec2(w - 2 * (third + style.ItemSpacing.x), h)))
        session_set_running(app, !app.running);
    layout_report_item("play");
    ImGui::SameLine();
    if (ImGui::Button(control_label(ControlId::step), ImVec2(third, h))) session_step(app, 1);
    layout_report_item("step");
    ImGui::SameLine();
    if (ImGui::Button((std::string("↺ ") + control_label(ControlId::reset)).c_str(), ImVec2(third, h)))
        session_reset(app);
    layout_report_item("reset");
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x, 10.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, 24.0f);
    label(control_label(ControlId::lr));
    ImGui::SameLine();
    draw_lr_slider(app, ImGui::GetContentRegionAvail().x, "η = %.3g");
    ImGui::PopStyleVar(2);
    draw_status_line(app);
}

// ---- speed and learning rate -----------------------------------------------------------------

void draw_lr_slider(AppState& app, float width, const char* format) {
    float lr = static_cast<float>(app.config.lr);
    const bpl::Setting& lr_row = bpl::setting_of(bpl::SettingId::lr);
    ImGui::SetNextItemWidth(width);
    if (ImGui::SliderFloat("##lr", &lr, float(lr_row.control_min), float(lr_row.control_max), format,
                           ImGuiSliderFlags_Logarithmic)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.3g", static_cast<double>(lr));   // 3 significant digits: tidy links
        apply_param(app, "lr", buf);
    }
    layout_report_item("lr");
}

static void draw_speed_and_rate(AppState& app, bool with_rate) {
    float w = ImGui::GetContentRegionAvail().x;
    label(control_label(ControlId::speed));
    ui_help(control_name(ControlId::speed).help);
    int speed = app.epochs_per_frame;
    const bpl::Setting& speed_row = bpl::setting_of(bpl::SettingId::speed);
    ImGui::SetNextItemWidth(w);
    if (ImGui::SliderInt("##speed", &speed, int(speed_row.control_min), int(speed_row.control_max), "%d epochs / frame",
                         ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp) &&
        speed != app.epochs_per_frame)
        apply_param(app, "speed", std::to_string(speed));
    if (app.budget_limited) {
        char note[96];
        std::snprintf(note, sizeof note, "This device manages about %lld per frame at this speed.",
                      app.epochs_last_frame);
        ImGui::PushStyleColor(ImGuiCol_Text, ui_color().text_dim);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(note);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }

    if (!with_rate) return;
    label(control_label(ControlId::lr));
    ui_help(control_name(ControlId::lr).help);
    draw_lr_slider(app, w, "%.3g");
}

// ---- network shape ---------------------------------------------------------------------------

static void apply_hidden(AppState& app, const int* units, int layers) {
    std::string text = layers == 0 ? "0" : "";   // 0: no hidden layer, the inputs feed the output
    for (int l = 0; l < layers; ++l) text += (l ? "," : "") + std::to_string(units[l]);
    apply_param(app, "hidden", text);
}

static void draw_shape(AppState& app) {
    const bpl::Config& c = app.config;
    int units[bpl::kMaxHiddenLayers];
    for (int l = 0; l < bpl::kMaxHiddenLayers; ++l) units[l] = c.hidden_units[l] > 0 ? c.hidden_units[l] : 4;
    label(control_label(ControlId::hidden_layers));
    ui_help(control_name(ControlId::hidden_layers).help);
    float button = ImGui::GetFrameHeight();
    ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - 3 * button - 16);
    ImGui::BeginDisabled(c.hidden_layers <= 0);
    if (ImGui::Button("−##layers", ImVec2(button, 0))) apply_hidden(app, units, c.hidden_layers - 1);
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Text("%d", c.hidden_layers);
    ImGui::SameLine();
    ImGui::BeginDisabled(c.hidden_layers >= bpl::kMaxHiddenLayers);
    if (ImGui::Button("+##layers", ImVec2(button, 0))) apply_hidden(app, units, c.hidden_layers + 1);
    ImGui::EndDisabled();
    for (int l = 0; l < c.hidden_layers; ++l) {
        ImGui::PushID(l);
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        char fmt[48];
        std::snprintf(fmt, sizeof fmt, "%s %d: %%d", control_label(ControlId::hidden_units), l + 1);
        int u = units[l];
        const bpl::Setting& row = bpl::setting_of(bpl::SettingId::hidden);
        if (ImGui::SliderInt("##units", &u, int(row.control_min), int(row.control_max), fmt,
                             ImGuiSliderFlags_AlwaysClamp) &&
            u != units[l]) {
            units[l] = u;
            apply_hidden(app, units, c.hidden_layers);
        }
        ImGui::PopID();
    }
}

// ---- activation, loss, optimiser, init -------------------------------------------------------

// The widest label of the choices' column.
static float choice_label_width() {
    float widest = 0;
    for (ControlId c :
         {ControlId::data, ControlId::targets, ControlId::act, ControlId::opt, ControlId::batch, ControlId::reg})
        widest = std::max(widest, ImGui::CalcTextSize(control_label(c)).x);
    return widest + ImGui::GetStyle().ItemSpacing.x * 2;
}

// A label in the choices' column; the next item fills the rest of the row.
static void column_label(ControlId control) {
    label(control_label(control));
    help_tooltip(control);
    ImGui::SameLine(choice_label_width());
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
}

// A choice setting's combo: its items are the engine's table of that kind (the same names the
// settings table accepts, bpl::setting_choices), applied through the control's setting key.
template <typename Row>
static void table_combo(AppState& app, ControlId control, const Row* rows, int count, int current,
                        const char* (*tip)(const Row&)) {
    const char* key = control_name(control).setting;
    column_label(control);
    std::string id = std::string("##") + key;
    if (ImGui::BeginCombo(id.c_str(), rows[current].label)) {
        for (int i = 0; i < count; ++i) {
            if (ImGui::Selectable(rows[i].label, i == current) && i != current) apply_param(app, key, rows[i].name);
            if (tip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip(rows[i]));
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip ? tip(rows[current]) : control_help(control).c_str());
}

template <typename Row, typename Id>
static int index_of(const Row* rows, int count, Id id) {
    for (int i = 0; i < count; ++i)
        if (rows[i].id == id) return i;
    return 0;
}

static const char* activation_tip(const bpl::ActivationInfo& a) {
    static std::string text;
    text = std::string(a.formula) + "\n" + a.derivative;
    return text.c_str();
}
static const char* loss_tip(const bpl::LossInfo& l) {
    static std::string text;
    text = std::string(l.formula) + "\n" + l.delta_formula;
    return text.c_str();
}

static void draw_choices(AppState& app) {
    const bpl::Config& c = app.config;
    table_combo(app, ControlId::act, bpl::kActivations, bpl::kActivationCount,
                index_of(bpl::kActivations, bpl::kActivationCount, c.activation), activation_tip);
    table_combo(app, ControlId::loss, bpl::kLosses, bpl::kLossCount, index_of(bpl::kLosses, bpl::kLossCount, c.loss),
                loss_tip);
    table_combo<bpl::OptimizerInfo>(app, ControlId::opt, bpl::kOptimizers, 3,
                                    index_of(bpl::kOptimizers, 3, c.optimizer), nullptr);
    table_combo<bpl::InitInfo>(app, ControlId::init, bpl::kInits, 3, index_of(bpl::kInits, 3, c.init), nullptr);
    unsigned seed = c.seed;
    label(control_label(ControlId::seed));
    ImGui::SameLine(choice_label_width());
    float new_w = ImGui::CalcTextSize("⟳ New").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - new_w - ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::InputScalar("##seed", ImGuiDataType_U32, &seed, nullptr, nullptr, "%u",
                           ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsDecimal))
        apply_param(app, "seed", std::to_string(seed));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s Press Enter to apply.", control_name(ControlId::seed).help);
    ImGui::SameLine();
    if (ImGui::Button("⟳ New", ImVec2(new_w, 0))) apply_param(app, "seed", std::to_string(app.host->random_seed()));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Start again from different random weights");
}

// ---- the data --------------------------------------------------------------------------------

// "XOR", "Circle", or a custom table with its targets: "Custom 0110".
static std::string data_label(const bpl::DataSpec& spec) {
    std::string text = bpl::data_info(spec.kind).label;
    if (spec.kind != bpl::DataKind::custom_table) return text;
    char bits[5];
    bpl::data_targets_text(spec.targets, bits);
    return text + " " + bits;
}

// The engine's DataInfo table: the truth tables, a line, then the point clouds (custom tables
// come from the targets below, not from the list).
static void draw_data_combo(AppState& app) {
    const bpl::DataSpec& spec = app.config.data;
    column_label(ControlId::data);
    if (ImGui::BeginCombo("##data", data_label(spec).c_str())) {
        bool clouds = false;
        for (const bpl::DataInfo& d : bpl::kDataKinds) {
            if (d.id == bpl::DataKind::custom_table) continue;
            if (d.cloud && !clouds) ImGui::Separator();
            clouds = d.cloud;
            if (ImGui::Selectable(d.label, d.id == spec.kind) && d.id != spec.kind) apply_param(app, "data", d.name);
        }
        ImGui::EndCombo();
    }
    help_tooltip(ControlId::data);
}

// A truth table's targets, one toggle per row (00, 01, 10, 11): flipping one makes another table,
// a named one when it has those targets, else a custom one. On a line of their own: a row's name
// and its target need the width.
static void draw_targets(AppState& app) {
    const unsigned targets = bpl::data_table_targets(app.config.data);
    label(control_label(ControlId::targets));
    help_tooltip(ControlId::targets);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ui_color().text_dim);
    ImGui::TextUnformatted("row → target, click to flip");
    ImGui::PopStyleColor();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float w = std::floor((ImGui::GetContentRegionAvail().x - 3 * gap) / 4);
    for (int r = 0; r < bpl::kTableRows; ++r) {
        const int target = int(targets >> r & 1u);
        char text[32];
        std::snprintf(text, sizeof text, "%s → %d##target%d", bpl::kRowNames[r], target, r);
        if (r) ImGui::SameLine(0, gap);
        bool pressed = target ? ui_primary_button(text, ImVec2(w, 0)) : ImGui::Button(text, ImVec2(w, 0));
        if (r == 0) layout_report_item("targets");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Row %s: target %d. Click for %d.", bpl::kRowNames[r], target, 1 - target);
        if (pressed) {
            char bits[5];
            bpl::data_targets_text(targets ^ (1u << r), bits);
            apply_param(app, "targets", bits);
        }
    }
}

// A point cloud's size, noise and split, each from its settings row.
static void draw_cloud_sliders(AppState& app) {
    const bpl::DataSpec& spec = app.config.data;
    struct Slider {
        ControlId control;
        bpl::SettingId row;
        int value;
        const char* format;
    };
    const Slider sliders[] = {
        {ControlId::points, bpl::SettingId::points, spec.points, "%d points"},
        {ControlId::noise, bpl::SettingId::noise, spec.noise, "noise %d %%"},
        {ControlId::train, bpl::SettingId::train, spec.train, "%d %% to train"},
    };
    for (const Slider& s : sliders) {
        const bpl::Setting& row = bpl::setting_of(s.row);
        std::string id = std::string("##") + row.key;
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
        int v = 0;
        if (slider_on_release(id.c_str(), s.value, row.control_min, row.control_max, s.format, 0, v))
            apply_param(app, row.key, std::to_string(v));
        layout_report_item(row.key);
        help_tooltip(s.control);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ui_color().text_dim);
    ImGui::Text("%d points to train on, %d to test", app.net.data.train, app.net.data.samples - app.net.data.train);
    ImGui::PopStyleColor();
}

static void draw_data(AppState& app) {
    draw_data_combo(app);
    if (bpl::data_is_cloud(app.config.data.kind)) draw_cloud_sliders(app);
    else draw_targets(app);
}

// ---- batches and the penalty -----------------------------------------------------------------

// Full batch, per sample, or mini-batches of a size from 1 (per sample) to the training rows.
static void draw_batch(AppState& app) {
    const bpl::Config& c = app.config;
    const int rows = std::max(bpl::network_train_rows(app.net), 1);
    const int current = index_of(bpl::kBatchModes, 3, c.batch);
    column_label(ControlId::batch);
    if (ImGui::BeginCombo("##batch", bpl::kBatchModes[current].label)) {
        for (int i = 0; i < 3; ++i) {
            const bpl::BatchModeInfo& mode = bpl::kBatchModes[i];
            if (!ImGui::Selectable(mode.label, i == current) || i == current) continue;
            // a mini-batch starts at a tenth-ish of a cloud's training rows, half of a table's
            const int size = rows <= bpl::kTableRows ? 2 : std::min(10, rows);
            apply_param(app, "batch", mode.id == bpl::BatchMode::minibatch ? std::to_string(size) : mode.name);
        }
        ImGui::EndCombo();
    }
    help_tooltip(ControlId::batch);
    if (c.batch != bpl::BatchMode::minibatch) return;
    column_label(ControlId::batch_size);
    int size = c.batch_size;
    if (ImGui::InputInt("##batchSize", &size, 1, 10, ImGuiInputTextFlags_EnterReturnsTrue) && size != c.batch_size)
        apply_param(app, "batch", std::to_string(std::clamp(size, 1, rows)));
    layout_report_item("batchSize");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s (%d here). Press Enter to apply.", control_help(ControlId::batch_size).c_str(), rows);
}

static void draw_regularization(AppState& app) {
    const bpl::Config& c = app.config;
    table_combo<bpl::RegularizationInfo>(app, ControlId::reg, bpl::kRegularizations, 3,
                                         index_of(bpl::kRegularizations, 3, c.reg), nullptr);
    if (c.reg == bpl::Regularization::none) return;
    const bpl::Setting& row = bpl::setting_of(bpl::SettingId::reg_rate);
    column_label(ControlId::reg_rate);
    float rate = 0;
    if (slider_on_release("##reg_rate", float(c.reg_rate), row.control_min, row.control_max, "%.4g",
                          row.log_control ? ImGuiSliderFlags_Logarithmic : 0, rate)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.3g", double(rate));   // 3 significant digits: tidy links
        apply_param(app, "reg_rate", buf);
    }
    layout_report_item("regRate");
    help_tooltip(ControlId::reg_rate);
}

// ---- sharing ---------------------------------------------------------------------------------

static void draw_share(AppState& app) {
    float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
    if (ImGui::Button("Copy link", ImVec2(half, 0))) app.host->copy_link(params_query(app), false);
    layout_report_item("copyLink");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A link that reproduces these settings");
    ImGui::SameLine();
    if (ImGui::Button("Copy embed code", ImVec2(half, 0))) app.host->copy_link(embed_query(app), true);
    layout_report_item("copyEmbed");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("An <iframe> snippet for your own page");
}

// ---- what one epoch does (for newcomers) -----------------------------------------------------

static void draw_epoch_explainer(bool cloud) {
    const char* rows = cloud ? "each training point of the batch." : "the 4 rows of the truth table.";
    const std::string forward = std::string("each neuron computes a = f(Σ w·x + b), layer by layer, for ") + rows;
    const char* kSteps[][2] = {
        {"1  Forward", forward.c_str()},
        {"2  Loss", "compare the outputs ŷ with the targets y: one number L, how wrong the net is."},
        {"3  Backward",
         "the chain rule sends δ = ∂L/∂z from the output back to the inputs, giving ∂L/∂w for every weight."},
        {"4  Update", "every weight takes a small step downhill: w ← w − η · ∂L/∂w."},
    };
    if (!ImGui::CollapsingHeader("What happens in one epoch", ImGuiTreeNodeFlags_DefaultOpen)) return;
    for (const auto& step : kSteps) {
        ImGui::PushFont(g_fonts.bold);
        ImGui::TextUnformatted(step[0]);
        ImGui::PopFont();
        ImGui::PushStyleColor(ImGuiCol_Text, ui_color().text_dim);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(step[1]);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
}

static void draw_settings(AppState& app) {
    draw_data(app);
    ImGui::Separator();
    draw_shape(app);
    ImGui::Separator();
    draw_choices(app);
    draw_batch(app);
    draw_regularization(app);
    ImGui::Separator();
    draw_share(app);
    ImGui::Spacing();
    draw_epoch_explainer(bpl::data_is_cloud(app.config.data.kind));
}

void draw_controls_panel(AppState& app) {
    draw_transport(app);
    ImGui::Separator();
    draw_speed_and_rate(app, true);
    ImGui::Separator();
    draw_settings(app);
}

void draw_settings_panel(AppState& app) {
    draw_speed_and_rate(app, false);
    ImGui::Separator();
    draw_settings(app);
}
