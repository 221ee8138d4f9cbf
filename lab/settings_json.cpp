// The settings table as JSON (for site/bridge.js) and as Markdown (for the README).
#include "settings_json.hpp"
#include "api.hpp"
#include "control_names.hpp"
#include "choices.hpp"
#include "dataset.hpp"
#include "json_text.hpp"
#include "lessons.hpp"
#include "session.hpp"
#include "settings.hpp"
#include "url_params.hpp"
#include "weights_json.hpp"

namespace {

const char* type_name(bpl::SettingType t) {
    switch (t) {
        case bpl::SettingType::number: return "number";
        case bpl::SettingType::whole: return "whole";
        case bpl::SettingType::layers: return "layers";
        case bpl::SettingType::choice: return "choice";
        case bpl::SettingType::flag: return "flag";
        case bpl::SettingType::id: return "id";
    }
    return "?";
}

std::string strings_json(const std::vector<std::string_view>& items) {
    std::string out = "[";
    for (std::string_view item : items) out += (out.size() > 1 ? "," : "") + json_string(item);
    return out + "]";
}

// Each data choice's truth table as targets= writes it ("0110"), "" for a point cloud: the HTML
// controls show a named table's targets without asking the page.
std::string data_targets_json() {
    std::string out = "[";
    for (const bpl::DataInfo& d : bpl::kDataKinds) {
        if (d.id == bpl::DataKind::custom_table) continue;
        char bits[5] = "";
        if (!d.cloud) bpl::data_targets_text(d.targets, bits);
        out += (out.size() > 1 ? "," : "") + json_string(bits);
    }
    return out + "]";
}

std::string row_json(const bpl::Setting& s) {
    std::string aliases = "[", choices = "[";
    for (const char* a : s.aliases)
        if (a) aliases += (aliases.size() > 1 ? "," : "") + json_string(a);
    if (s.id == bpl::SettingId::lesson) {
        for (int i = 0; i < kLessonCount; ++i) choices += (i ? "," : "") + json_string(kLessons[i].id);
    } else {
        for (std::string_view c : bpl::setting_choices(s)) choices += (choices.size() > 1 ? "," : "") + json_string(c);
    }
    std::string out = "{\"key\":" + json_string(s.key) + ",\"aliases\":" + aliases + "]" +
                      ",\"scope\":" + json_string(s.scope == bpl::SettingScope::engine ? "engine" : "page") +
                      ",\"type\":" + json_string(type_name(s.type)) + ",\"choices\":" + choices + "]";
    std::vector<std::string_view> labels = control_choice_labels(s.id);
    if (!labels.empty()) out += ",\"choiceLabels\":" + strings_json(labels);
    if (s.id == bpl::SettingId::data) out += ",\"choiceTargets\":" + data_targets_json();
    if (s.id == bpl::SettingId::batch)   // a batch size's label: the choices are full and sample
        out += ",\"sizeLabel\":" + json_string(bpl::kBatchModes[2].label);
    if (s.min != s.max)
        out += ",\"min\":" + json_number(s.min) + ",\"max\":" + json_number(s.max) +
               ",\"maxOpen\":" + json_bool(s.max_open);
    if (s.control_min != s.control_max)
        out += ",\"control\":{\"min\":" + json_number(s.control_min) + ",\"max\":" + json_number(s.control_max) +
               ",\"log\":" + json_bool(s.log_control) + "}";
    if (s.page_max > 0) out += ",\"pageMax\":" + json_number(s.page_max);
    out += ",\"onBad\":" + json_string(s.page_on_bad == bpl::OnBad::clamp ? "clamp" : "refuse") +
           ",\"default\":" + json_string(s.default_text) + ",\"help\":" + json_string(s.help) + "}";
    return out;
}

// The controls' names (lab/control_names.cpp), for the page's HTML controls.
std::string controls_json() {
    std::string out = "[";
    for (const ControlName& c : kControlNames)
        out += (out.size() > 1 ? "," : "") + std::string("{\"name\":") + json_string(c.name) +
               ",\"label\":" + json_string(c.label) + ",\"shortcut\":" + json_string(c.shortcut) +
               ",\"setting\":" + json_string(c.setting) + ",\"help\":" + json_string(c.help) + "}";
    return out + "]";
}

}   // namespace

std::string settings_json() {
    std::string limits = "{\"maxSetKeys\":" + json_number(double(kMaxParamPairs)) +
                         ",\"maxKeyChars\":" + json_number(double(kMaxKeyChars)) +
                         ",\"maxValueChars\":" + json_number(double(kMaxValueChars)) +
                         ",\"maxHiddenItems\":" + json_number(kMaxApiHiddenItems) +
                         ",\"maxWeightsChars\":" + json_number(double(bpl::kMaxWeightsJsonBytes)) +
                         ",\"maxStep\":" + json_number(kMaxStepEpochs) +
                         ",\"maxStepPhases\":" + json_number(kMaxApiPhases) +
                         ",\"maxNoticeChars\":" + json_number(double(kMaxApiNoticeChars)) +
                         ",\"maxHiddenLayers\":" + json_number(bpl::kMaxHiddenLayers) + "}";
    std::string rows = "[";
    for (const bpl::Setting& s : bpl::kSettings) rows += (rows.size() > 1 ? "," : "") + row_json(s);
    return "{\"limits\":" + limits + ",\"settings\":" + rows + "],\"controls\":" + controls_json() + "}";
}

std::string settings_js() {
    return "// Generated from engine/settings.cpp and the lab's limits by cli/settings_table.cpp: do not edit.\n"
           "window.__bplSettings = " +
           settings_json() + ";\n";
}

std::string settings_markdown() {
    std::string out = "| key | values | default | what it does |\n| --- | --- | --- | --- |\n";
    for (const bpl::Setting& s : bpl::kSettings) {
        if (s.link == bpl::LinkRule::never && s.id != bpl::SettingId::lesson)
            continue;   // beta2, eps: CLI and API only
        std::string keys = "`" + std::string(s.key) + "`", aliases;
        for (const char* a : s.aliases)
            if (a) aliases += (aliases.empty() ? "" : ", ") + ("`" + std::string(a) + "`");
        if (!aliases.empty()) keys += " (" + aliases + ")";
        std::string by_default = "`" + std::string(s.default_text) + "`";
        if (s.cloud_default_text) by_default += " (point clouds: `" + std::string(s.cloud_default_text) + "`)";
        out += "| " + keys + " | " + s.values_text + " | " + by_default + " | " + s.help + " |\n";
    }
    return out;
}
