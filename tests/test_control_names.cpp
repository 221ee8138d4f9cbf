// Tests for the controls' names (lab/control_names.cpp): one row per control, names the page's
// HTML can use as ids, settings that exist, and a label for every choice of a choice setting.
#include <doctest/doctest.h>

#include <set>
#include <utility>
#include <string>
#include "control_names.hpp"
#include "settings.hpp"

TEST_CASE("control names: one row per control, in enum order, each named and labelled once") {
    std::set<std::string> names, labels;
    for (int i = 0; i < kControlCount; ++i) {
        const ControlName& c = kControlNames[i];
        INFO("control ", c.name);
        CHECK(int(c.id) == i);
        CHECK(&control_name(c.id) == &c);
        CHECK(names.insert(c.name).second);
        CHECK(labels.insert(c.label).second);
        CHECK(control_help(c.id).size() > 5);
        if (!*c.help) CHECK(*c.setting);           // no help of its own: its setting's
        for (const char* ch = c.name; *ch; ++ch)   // an HTML id and a JS property as it stands
            CHECK(((*ch >= 'a' && *ch <= 'z') || (*ch >= 'A' && *ch <= 'Z')));
        if (*c.setting) CHECK(bpl::setting_find(c.setting) != nullptr);
    }
}

TEST_CASE("control names: the canvas shortcuts, and buttons' captions") {
    CHECK(std::string(control_name(ControlId::play).shortcut) == "space");
    CHECK(std::string(control_name(ControlId::pause).shortcut) == "space");
    CHECK(std::string(control_name(ControlId::step).shortcut) == "→");
    CHECK(std::string(control_name(ControlId::step_phase).shortcut) == ".");
    CHECK(std::string(control_name(ControlId::reset).shortcut) == "r");
    CHECK(control_caption(ControlId::step) == "Step epoch  (→)");
    CHECK(control_caption(ControlId::seed) == "Seed");   // no key: the label alone
    CHECK(std::string(control_label(ControlId::lr)) == "Learning rate η");
}

TEST_CASE("control names: the data and training controls, with the settings table's help") {
    const std::pair<ControlId, const char*> rows[] = {
        {ControlId::data, "data"},        {ControlId::targets, "targets"}, {ControlId::points, "points"},
        {ControlId::noise, "noise"},      {ControlId::train, "train"},     {ControlId::batch, "batch"},
        {ControlId::batch_size, "batch"}, {ControlId::reg, "reg"},         {ControlId::reg_rate, "reg_rate"},
        {ControlId::point, "point"},
    };
    for (const auto& row : rows) {
        INFO("control ", control_name(row.first).name);
        CHECK(std::string(control_name(row.first).setting) == row.second);
    }
    // The tooltip is the row's help with a capital: one text for the URL table and the controls.
    std::string points = bpl::setting_of(bpl::SettingId::points).help;
    points[0] = char(points[0] - 'a' + 'A');
    CHECK(control_help(ControlId::points) == points);
    CHECK(control_help(ControlId::lr) == control_name(ControlId::lr).help);   // its own help wins
    CHECK(std::string(control_label(ControlId::data)) == "Data");
    CHECK(std::string(control_name(ControlId::batch_size).name) == "batchSize");
    CHECK(std::string(control_name(ControlId::reg_rate).name) == "regRate");
}

TEST_CASE("control names: a label for each choice, in the settings table's order") {
    for (const bpl::Setting& s : bpl::kSettings) {
        INFO("setting ", s.key);
        auto labels = control_choice_labels(s.id);
        auto choices = bpl::setting_choices(s);
        bool shown = s.id == bpl::SettingId::act || s.id == bpl::SettingId::out || s.id == bpl::SettingId::loss ||
                     s.id == bpl::SettingId::opt || s.id == bpl::SettingId::init || s.id == bpl::SettingId::batch ||
                     s.id == bpl::SettingId::view || s.id == bpl::SettingId::row || s.id == bpl::SettingId::reg ||
                     s.id == bpl::SettingId::data;
        CHECK(labels.empty() == !shown);
        if (shown) CHECK(labels.size() == choices.size());
    }
    auto act = control_choice_labels(bpl::SettingId::act);
    CHECK(act.front() == "Sigmoid");   // the engine's table, first row
    auto rows = control_choice_labels(bpl::SettingId::row);
    CHECK(rows.front() == "00");
    CHECK(rows.back() == "all rows");
    CHECK(control_choice_labels(bpl::SettingId::view) == std::vector<std::string_view>{"Activations", "Gradients"});
    auto data = control_choice_labels(bpl::SettingId::data);
    CHECK(data.front() == "XOR");   // the engine's DataInfo table, custom left out
    CHECK(data.back() == "Spiral");
    CHECK(control_choice_labels(bpl::SettingId::reg) == std::vector<std::string_view>{"None", "L1", "L2"});
}
