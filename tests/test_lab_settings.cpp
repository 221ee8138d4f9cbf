// Tests for the settings table (engine/settings.cpp) and what it drives in the lab: key and alias
// lookup, set()'s echo (lab/api.cpp), bad values refused or clamped (lab/url_params.cpp), links
// that read back to the same state, and the table as JSON for the page (lab/settings_json.cpp).
// The cases loop over kSettings, so a row added to the table is tested without retyping its key;
// a row of a type these tests do not know fails them until they learn it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>
#include "api.hpp"
#include "control_names.hpp"
#include "lab_helpers.hpp"
#include "lessons.hpp"
#include "number_text.hpp"
#include "settings.hpp"
#include "settings_json.hpp"
#include "url_params.hpp"

using bpl::Setting;
using bpl::SettingType;
using bpl_test::check_unchanged;
using bpl_test::Json;
using bpl_test::json_of;
using bpl_test::Lab;
using bpl_test::member;
using bpl_test::settled;

namespace {

// The key, then its aliases.
std::vector<std::string> names_of(const Setting& s) {
    std::vector<std::string> names{s.key};
    for (const char* a : s.aliases)
        if (a) names.push_back(a);
    return names;
}

bool is_numeric(const Setting& s) { return s.type == SettingType::number || s.type == SettingType::whole; }

double number_of(const std::string& text) {
    double v = 0.0;
    INFO("number: ", text);
    REQUIRE(bpl::parse_decimal(text, v) == bpl::NumberParse::ok);
    return v;
}

// Percent-encodes everything but letters and digits: any value reaches apply_params as given.
std::string url_encoded(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            out += char(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string pair_query(std::string_view key, std::string_view value) {
    return std::string(key) + "=" + url_encoded(value);
}

// A valid value for the row that differs from its default, so both the echo and the state show
// that it was applied (an echo of the default could come from an unchanged state).
std::string changed_value(const Setting& s) {
    INFO("row ", std::string(s.key));
    switch (s.type) {
        case SettingType::number: {
            double v = number_of(s.default_text) / 2;
            REQUIRE(v >= s.min);
            REQUIRE((s.max_open ? v < s.max : v <= s.max));
            return bpl::format_shortest(v);
        }
        case SettingType::whole: {
            if (s.id == bpl::SettingId::point) return "3";   // a row of the default truth table
            if (7 >= s.min && 7 <= s.max && std::string(s.default_text) != "7") return "7";
            const long long mid = static_cast<long long>(std::floor((s.min + s.max) / 2));
            return std::to_string(std::to_string(mid) == s.default_text ? mid + 1 : mid);
        }
        case SettingType::layers: {   // two layers, both within the page's limit
            REQUIRE(5 <= s.page_max);
            return "3,5";
        }
        case SettingType::choice:
        case SettingType::flag: {
            for (std::string_view c : bpl::setting_choices(s))
                if (c != s.default_text) return std::string(c);
            break;
        }
        case SettingType::id: {   // targets: four bits; lesson: the lab's lesson ids
            if (s.id == bpl::SettingId::targets) return "1011";
            REQUIRE(s.id == bpl::SettingId::lesson);
            REQUIRE(kLessonCount > 0);
            return kLessons[0].id;
        }
    }
    FAIL("no valid non-default value known for this row");
    return "";
}

// set()'s `applied` entry for a row set to `value`: the value as the state now holds it.
void check_echo(const Setting& s, const std::string& value, const Json& echoed) {
    INFO("row ", std::string(s.key), " set to ", value, ", echoed ", echoed.text);
    switch (s.type) {
        case SettingType::number:
            REQUIRE(echoed.is(Json::Kind::number));
            CHECK(echoed.number == number_of(value));   // shortest round-trip text: reads back exactly
            break;
        case SettingType::whole:
            REQUIRE(echoed.is(Json::Kind::number));
            CHECK(echoed.text == value);   // the integer as typed: `7`, not `7.0`
            break;
        case SettingType::flag:
            REQUIRE(echoed.is(Json::Kind::boolean));
            CHECK(echoed.boolean == (value == "1"));
            break;
        case SettingType::choice:
            if (s.id == bpl::SettingId::row && value != "all") {   // a row number: a whole number too
                REQUIRE(echoed.is(Json::Kind::number));
                CHECK(echoed.text == value);
                break;
            }
            REQUIRE(echoed.is(Json::Kind::string));
            CHECK(echoed.text == value);
            break;
        case SettingType::layers:
        case SettingType::id:
            REQUIRE(echoed.is(Json::Kind::string));
            CHECK(echoed.text == value);
            break;
    }
}

// api_set's answer, parsed: {applied: {...}, notices: [...]}.
struct SetAnswer {
    Json applied, notices;
};

SetAnswer api_set_parsed(AppState& app, const std::string& query) {
    Json answer = json_of(api_set(app, query));
    SetAnswer out{member(answer, "applied"), member(answer, "notices")};
    REQUIRE(out.applied.is(Json::Kind::object));
    REQUIRE(out.notices.is(Json::Kind::array));
    CHECK(answer.members.size() == 2);
    return out;
}

bool any_notice_has(const Json& notices, std::string_view text) {
    for (const Json& n : notices.items)
        if (n.text.find(text) != std::string::npos) return true;
    return false;
}

std::string notices_text(const Json& notices) {
    std::string out;
    for (const Json& n : notices.items) out += n.text + " | ";
    return out;
}

}   // namespace

// ---- the table itself ----------------------------------------------------------------------

TEST_CASE("settings table: one row per id; names unique, lower-case and under the key limit") {
    std::set<int> ids;
    std::set<std::string> names;
    for (const Setting& s : bpl::kSettings) {
        INFO("row ", std::string(s.key));
        CHECK(ids.insert(int(s.id)).second);
        CHECK(&bpl::setting_of(s.id) == &s);
        for (const std::string& name : names_of(s)) {
            INFO("name ", name);
            // setting_find returns the first match: a name used twice would hide a row.
            CHECK(names.insert(name).second);
            // The URL lower-cases keys before the lookup: an upper-case name could never match.
            for (char c : name) CHECK_FALSE((c >= 'A' && c <= 'Z'));
            // Keys longer than kMaxKeyChars are reported unknown without a lookup.
            CHECK(name.size() <= kMaxKeyChars);
            CHECK_FALSE(name.empty());
        }
    }
    CHECK(ids.size() == size_t(bpl::kSettingCount));
    CHECK(*ids.begin() == 0);
    CHECK(*ids.rbegin() == bpl::kSettingCount - 1);
}

TEST_CASE("setting_find: every key and alias finds its row; nothing else does") {
    int aliases = 0;
    for (const Setting& s : bpl::kSettings) {
        for (const std::string& name : names_of(s)) {
            INFO("name ", name);
            CHECK(bpl::setting_find(name) == &s);
            // The engine's config_set takes exactly the engine rows' names.
            CHECK(bpl::config_is_key(name) == (s.scope == bpl::SettingScope::engine));
            aliases += name != s.key;
        }
    }
    CHECK(aliases >= 5);   // activation, optimizer, optimiser, layers, output, init_scheme at least
    for (const char* unknown : {"", "LR", "lr ", " lr", "l", "lrr", "Activation", "hidden_units", "none"}) {
        INFO("name '", std::string(unknown), "'");
        CHECK(bpl::setting_find(unknown) == nullptr);   // case as given: callers lower-case first
    }
}

TEST_CASE("settings table: ranges, defaults and choices agree with each other") {
    for (const Setting& s : bpl::kSettings) {
        INFO("row ", std::string(s.key), " default ", std::string(s.default_text));
        std::vector<std::string_view> choices = bpl::setting_choices(s);
        switch (s.type) {
            case SettingType::number:
            case SettingType::whole: {
                CHECK(s.min < s.max);
                double d = number_of(s.default_text);
                CHECK(d >= s.min);
                CHECK((s.max_open ? d < s.max : d <= s.max));
                if (s.control_min != s.control_max) {   // a slider spans part of the valid range
                    CHECK(s.control_min >= s.min);
                    CHECK(s.control_max <= s.max);
                    CHECK(s.control_min < s.control_max);
                }
                if (s.type == SettingType::whole) CHECK(d == std::floor(d));
                CHECK(choices.empty());
                break;
            }
            case SettingType::layers:
                CHECK(s.page_max >= s.min);
                CHECK(s.page_max <= s.max);
                break;
            case SettingType::choice: {
                REQUIRE(choices.size() >= 2);
                CHECK(std::find(choices.begin(), choices.end(), s.default_text) != choices.end());
                // "a, b or c": every name, in the controls' order.
                std::string text;
                for (size_t i = 0; i < choices.size(); ++i)
                    text += std::string(i == 0                    ? ""
                                        : i + 1 == choices.size() ? " or "
                                                                  : ", ") +
                            std::string(choices[i]);
                CHECK(bpl::setting_choices_text(s) == text);
                break;
            }
            case SettingType::flag:
                CHECK(choices == std::vector<std::string_view>{"1", "0"});
                CHECK(bpl::setting_choices_text(s) == "1 or 0");
                break;
            case SettingType::id: CHECK(choices.empty()); break;   // lesson ids live in the lab
        }
    }
}

TEST_CASE("a fresh lab is at every row's default") {
    Lab lab;
    // Links always carry the `always` rows, and the `when_changed` ones only away from their
    // default: a fresh lab's link is exactly the always rows with their defaults, in table order.
    std::string expected;
    for (const Setting& s : bpl::kSettings)
        if (s.link == bpl::LinkRule::always)
            expected += (expected.empty() ? "" : "&") + std::string(s.key) + "=" + s.default_text;
    CHECK(params_query(lab.app) == expected);

    // Setting every row to its default changes nothing and draws no notice.
    const auto before = settled(lab.app);
    std::string query;
    for (const Setting& s : bpl::kSettings) query += (query.empty() ? "" : "&") + pair_query(s.key, s.default_text);
    ParamResult r = apply_params(lab.app, query);
    INFO(query);
    CHECK(r.notices.empty());
    CHECK(r.applied.size() == size_t(bpl::kSettingCount));
    check_unchanged(before, lab.app);
}

// ---- set(): every key and alias --------------------------------------------------------------

TEST_CASE("set() with each key and alias echoes the canonical key and the applied value") {
    int cases = 0;
    for (const Setting& s : bpl::kSettings) {
        const std::string value = changed_value(s);
        for (const std::string& name : names_of(s)) {
            INFO("set ", name, "=", value);
            Lab lab;
            SetAnswer r = api_set_parsed(lab.app, pair_query(name, value));
            CHECK(r.notices.items.empty());
            REQUIRE(r.applied.members.size() == 1);
            CHECK(r.applied.members[0].first == s.key);   // canonical, whatever name was used
            check_echo(s, value, r.applied.members[0].second);
            // The state holds it too, read another way than the echo (which is param_value_json):
            // the engine's canonical form, the link, or the active lesson.
            const std::string pair = std::string(s.key) + "=" + value;
            if (s.scope == bpl::SettingScope::engine)
                CHECK(("&" + bpl::config_to_string(lab.app.config) + "&").find("&" + pair + "&") != std::string::npos);
            else if (s.id == bpl::SettingId::lesson)
                CHECK((active_lesson(lab.app) && value == active_lesson(lab.app)->id));
            else if (s.id == bpl::SettingId::point)   // on a truth table the link says row=
                CHECK(("&" + params_query(lab.app) + "&").find("&row=" + value + "&") != std::string::npos);
            else CHECK(("&" + params_query(lab.app) + "&").find("&" + pair + "&") != std::string::npos);
            ++cases;
        }
    }
    CHECK(cases >= bpl::kSettingCount + 5);
}

TEST_CASE("set(): key names are case-insensitive and escapes are decoded") {
    Lab lab;
    SetAnswer r = api_set_parsed(lab.app, "?LR=0.5&Activation=tanh&hidden=8%2C8&VIEW=Gradients&row=%61ll");
    INFO(notices_text(r.notices));
    CHECK(r.notices.items.empty());
    CHECK(member(r.applied, "lr").number == 0.5);
    CHECK(member(r.applied, "act").text == "tanh");
    CHECK(member(r.applied, "hidden").text == "8,8");
    CHECK(member(r.applied, "view").text == "gradients");
    CHECK(member(r.applied, "row").text == "all");
    CHECK(lab.app.config.lr == 0.5);
    CHECK(lab.app.config.activation == bpl::Activation::tanh);
    CHECK(lab.app.config.hidden_layers == 2);
    CHECK(lab.app.gradient_view);
    CHECK(lab.app.selected_row == -1);
}

// ---- bad values ------------------------------------------------------------------------------

TEST_CASE("set() refuses a malformed value for every row and leaves the state unchanged") {
    for (const Setting& s : bpl::kSettings) {
        std::vector<std::string> bad{"bogus", "1e999x", "<b>"};
        if (s.id != bpl::SettingId::lesson) bad.push_back("");   // lesson= (empty) turns lessons off
        switch (s.type) {
            case SettingType::number:
            case SettingType::whole:
                for (const char* v : {"nan", "inf", "-inf", "1e999", "0x10", "1,5", " 1", "1 ", "--1"})
                    bad.push_back(v);
                break;
            case SettingType::layers:
                for (const char* v : {"0,4", "00", "-4", "4.5", "8,,8", ",8", "8,", "1,2,3,4,5", "99999999999"})
                    bad.push_back(v);
                break;
            case SettingType::flag:
                for (const char* v : {"2", "-1", "yesno"}) bad.push_back(v);
                break;
            case SettingType::choice:
            case SettingType::id: bad.push_back(std::string(s.default_text) + "x"); break;
        }
        for (const std::string& value : bad) {
            INFO("set ", std::string(s.key), "=", value);
            Lab lab;
            const auto before = settled(lab.app);
            SetAnswer r = api_set_parsed(lab.app, pair_query(s.key, value));
            CHECK(r.applied.members.empty());
            REQUIRE(r.notices.items.size() == 1);
            CHECK(any_notice_has(r.notices, s.key));   // the message names the key
            check_unchanged(before, lab.app);
            CHECK(lab.app.notices.size() == 1);   // and the page shows it
        }
    }
}

TEST_CASE("out-of-range numbers: engine rows refuse them, clamping page rows use the bound") {
    int refused = 0, clamped = 0;
    for (const Setting& s : bpl::kSettings) {
        if (!is_numeric(s)) continue;
        // Whole rows get whole values (7, not 7.0): out of range, not malformed.
        auto text = [&](double v) {
            return s.type == SettingType::whole ? std::to_string(std::llround(v)) : bpl::format_shortest(v);
        };
        std::vector<std::pair<std::string, double>> cases;   // value, the bound it is beyond
        cases.emplace_back(text(s.type == SettingType::number && s.min > 0 ? s.min / 2 : s.min - 1), s.min);
        cases.emplace_back(text(s.min - 1000), s.min);
        cases.emplace_back(text(s.max * 2 + 1), s.max);
        if (s.max_open) cases.emplace_back(text(s.max), s.max);   // max itself is not allowed
        const bool refuses = s.scope == bpl::SettingScope::engine || s.page_on_bad == bpl::OnBad::refuse;
        for (const auto& c : cases) {
            const std::string& value = c.first;   // plain names: doctest's INFO captures them, and
            const double bound = c.second;        // C++17 lambdas cannot capture structured bindings
            INFO("set ", std::string(s.key), "=", value, refuses ? " (refused)" : " (clamped)");
            Lab lab;
            const auto before = settled(lab.app);
            SetAnswer r = api_set_parsed(lab.app, pair_query(s.key, value));
            REQUIRE(r.notices.items.size() == 1);
            CHECK(any_notice_has(r.notices, s.key));
            if (refuses) {
                CHECK(r.applied.members.empty());
                check_unchanged(before, lab.app);
                ++refused;
            } else {
                REQUIRE(r.applied.members.size() == 1);
                const Json& echoed = member(r.applied, s.key);
                CHECK(echoed.number == bound);
                if (s.type == SettingType::whole) CHECK(echoed.text.find('.') == std::string::npos);
                CHECK(any_notice_has(r.notices, "using"));   // says what it used instead
                ++clamped;
            }
        }
    }
    CHECK(refused > 0);
    CHECK(clamped > 0);   // speed at least
}

TEST_CASE("speed: fractions round to the nearest whole number, with a notice") {
    const Setting& s = bpl::setting_of(bpl::SettingId::speed);
    REQUIRE(s.page_on_bad == bpl::OnBad::clamp);
    Lab lab;
    SetAnswer r = api_set_parsed(lab.app, "speed=2.5");   // llround: halves away from zero
    CHECK(member(r.applied, "speed").text == "3");
    CHECK(lab.app.epochs_per_frame == 3);
    REQUIRE(r.notices.items.size() == 1);
    CHECK(r.notices.items[0].text.find("using 3") != std::string::npos);

    r = api_set_parsed(lab.app, "speed=7.0");   // a whole number however written: no notice
    CHECK(member(r.applied, "speed").text == "7");
    CHECK(r.notices.items.empty());
    CHECK(lab.app.epochs_per_frame == 7);

    r = api_set_parsed(lab.app, "speed=1e9");
    CHECK(member(r.applied, "speed").text == std::to_string(kMaxEpochsPerFrame));
    CHECK(lab.app.epochs_per_frame == kMaxEpochsPerFrame);
    CHECK(r.notices.items.size() == 1);
}

TEST_CASE("hidden: units above the page's 16 are clamped with a notice, above the engine's 32 refused") {
    const Setting& s = bpl::setting_of(bpl::SettingId::hidden);
    REQUIRE(s.page_max == kPageMaxHiddenUnits);
    const std::string page_max = std::to_string(kPageMaxHiddenUnits);
    const std::string over_page = std::to_string(kPageMaxHiddenUnits + 4);
    const std::string over_engine = std::to_string(int(s.max) + 1);
    const struct {
        std::string value, applied;   // applied "": refused
    } cases[] = {
        {page_max, page_max},   // the limit itself: no notice (checked below)
        {over_page, page_max},
        {"8," + over_page, "8," + page_max},
        {over_page + ",3," + over_page, page_max + ",3," + page_max},
        {std::to_string(int(s.max)), page_max},   // the engine's limit, then the page's
        {over_engine, ""},
        {"8," + over_engine, ""},
    };
    for (const auto& c : cases) {
        INFO("hidden=", c.value);
        Lab lab;
        const auto before = settled(lab.app);
        SetAnswer r = api_set_parsed(lab.app, pair_query("hidden", c.value));
        INFO(notices_text(r.notices));
        if (c.applied.empty()) {
            CHECK(r.applied.members.empty());
            CHECK(r.notices.items.size() == 1);
            check_unchanged(before, lab.app);
            continue;
        }
        CHECK(member(r.applied, "hidden").text == c.applied);
        CHECK(bpl::config_hidden_string(lab.app.config) == c.applied);
        CHECK(bpl::config_hidden_string(lab.app.net.config) == c.applied);   // the net was rebuilt to it
        if (c.value == c.applied) {
            CHECK(r.notices.items.empty());
        } else {
            REQUIRE(r.notices.items.size() == 1);
            CHECK(any_notice_has(r.notices, "at most " + page_max));
        }
    }
}

TEST_CASE("set(): good pairs apply when others are refused; order-dependent rules are retried") {
    Lab lab;
    SetAnswer r = api_set_parsed(lab.app, "lr=0.5&act=bogus&seed=-3&speed=9&nosuchkey=1");
    CHECK(r.applied.members.size() == 2);
    CHECK(member(r.applied, "lr").number == 0.5);
    CHECK(member(r.applied, "speed").text == "9");
    CHECK(r.notices.items.size() == 3);
    CHECK(any_notice_has(r.notices, "Unknown setting"));
    CHECK(lab.app.config.activation == bpl::Activation::sigmoid);
    CHECK(lab.app.config.seed == 42u);
    // More than two notices reach the page as one list, not as a notice each.
    REQUIRE(lab.app.notices.size() == 1);
    CHECK(lab.app.notices[0].text.find("3 settings were not used as given") == 0);

    // loss=bce needs out=sigmoid: with a linear output, bce is refused until out= is applied
    // later in the same query, and the retry then accepts it.
    Lab linear(bpl_test::config_of("out=linear"));
    r = api_set_parsed(linear.app, "loss=bce&out=sigmoid");
    INFO(notices_text(r.notices));
    CHECK(r.notices.items.empty());
    CHECK(member(r.applied, "loss").text == "bce");
    CHECK(member(r.applied, "out").text == "sigmoid");
    CHECK(linear.app.config.loss == bpl::Loss::bce);
}

TEST_CASE("set(): the query limits (length, pairs, value and key size) hold") {
    Lab lab;
    const auto before = settled(lab.app);
    // Too long a query: nothing of it is read.
    std::string long_query = "lr=0.5&" + std::string(kMaxQueryChars, 'x');
    SetAnswer r = api_set_parsed(lab.app, long_query);
    CHECK(r.applied.members.empty());
    REQUIRE(r.notices.items.size() == 1);
    CHECK(r.notices.items[0].text.find(std::to_string(kMaxQueryChars)) != std::string::npos);
    check_unchanged(before, lab.app);

    // Too many pairs: the first kMaxParamPairs are read (the last of them sets speed=64).
    std::string many;
    for (size_t i = 1; i <= kMaxParamPairs + 5; ++i) many += (i > 1 ? "&" : "") + ("speed=" + std::to_string(i));
    ParamResult pr = apply_params(lab.app, many);
    CHECK(pr.applied.size() == kMaxParamPairs);
    CHECK(lab.app.epochs_per_frame == int(kMaxParamPairs));
    REQUIRE(pr.notices.size() == 1);
    CHECK(pr.notices[0].find(std::to_string(kMaxParamPairs)) != std::string::npos);

    // A value over kMaxValueChars is refused before any parsing; a long key is just unknown.
    Lab fresh;
    const auto start = settled(fresh.app);
    r = api_set_parsed(fresh.app, "lr=0." + std::string(kMaxValueChars, '1'));
    CHECK(r.applied.members.empty());
    CHECK(any_notice_has(r.notices, "too long"));
    r = api_set_parsed(fresh.app, std::string(kMaxKeyChars + 1, 'k') + "=1");
    CHECK(r.applied.members.empty());
    CHECK(any_notice_has(r.notices, "Unknown setting"));
    check_unchanged(start, fresh.app);

    // apply_param (the controls) says whether it took the value.
    CHECK(apply_param(fresh.app, "lr", "0.25"));
    CHECK(fresh.app.config.lr == 0.25);
    CHECK_FALSE(apply_param(fresh.app, "lr", "fast"));
    CHECK(fresh.app.config.lr == 0.25);
}

// ---- links -------------------------------------------------------------------------------------

TEST_CASE("URL: a link written by params_query reads back to the same state") {
    // Every linked row away from its default, in one query. targets= and point= are other
    // spellings of what data= and row= say on a truth table (the next test links them).
    auto in_this_link = [](const Setting& s) {
        return s.link != bpl::LinkRule::never && s.id != bpl::SettingId::targets && s.id != bpl::SettingId::point;
    };
    Lab a;
    std::string query;
    for (const Setting& s : bpl::kSettings)
        if (in_this_link(s)) query += (query.empty() ? "" : "&") + pair_query(s.key, changed_value(s));
    ParamResult r = apply_params(a.app, query);
    INFO(query);
    CHECK(r.notices.empty());
    const std::string link = params_query(a.app);
    INFO("link ", link);
    // Every linked row is in the link (all are away from their defaults), in table order.
    size_t at = 0;
    for (const Setting& s : bpl::kSettings) {
        if (!in_this_link(s)) continue;
        size_t found = link.find(std::string(s.key) + "=" + changed_value(s));
        CHECK(found != std::string::npos);
        CHECK(found >= at);
        at = found;
    }

    Lab b;
    r = apply_params(b.app, link);
    CHECK(r.notices.empty());
    CHECK(params_query(b.app) == link);
    CHECK(params_json(b.app) == params_json(a.app));
    CHECK(b.app.config == a.app.config);
    CHECK(b.app.net.params == a.app.net.params);   // same seed and shape: the same draws
}

TEST_CASE("URL: a custom table links targets=, a point cloud links point= instead of row=") {
    Lab a;
    ParamResult r = apply_params(a.app, "targets=1011&row=2");
    CHECK(r.notices.empty());
    std::string link = params_query(a.app);
    CHECK(link.find("data=custom&targets=1011&") == 0);
    CHECK(link.find("row=2") != std::string::npos);
    CHECK(link.find("point=") == std::string::npos);
    r = apply_params(a.app, "data=circle&points=120&point=77");
    CHECK(r.notices.empty());
    CHECK(a.app.selected_row == 77);
    link = params_query(a.app);
    CHECK(link.find("data=circle&points=120&") == 0);
    CHECK(link.find("point=77") != std::string::npos);
    CHECK(link.find("row=") == std::string::npos);
    Lab b;
    r = apply_params(b.app, link);
    CHECK(r.notices.empty());
    CHECK(params_query(b.app) == link);
    CHECK(b.app.net.data.x == a.app.net.data.x);   // the same points from the same seed
    // row= means nothing on a cloud; a point past the cloud's end is refused; both leave the state.
    r = apply_params(b.app, "row=1");
    CHECK(r.notices.size() == 1);
    r = apply_params(b.app, "point=120");
    CHECK(r.notices.size() == 1);
    CHECK(b.app.selected_row == 77);
}

TEST_CASE("URL: a lesson link starts the lesson, then the keys after it adjust it") {
    Lab a;
    REQUIRE(kLessonCount > 0);
    const Lesson& lesson = kLessons[kLessonCount - 1];
    ParamResult r = apply_params(a.app,
                                 std::string("lr=0.5&lesson=") + lesson.id);   // lesson first, whatever the order
    CHECK(r.notices.empty());
    CHECK(active_lesson(a.app) == &lesson);
    CHECK(a.app.config.lr == 0.5);
    const std::string link = params_query(a.app);
    CHECK(link.find(std::string("lesson=") + lesson.id + "&") == 0);   // first: the keys after it adjust the preset

    Lab b;
    apply_params(b.app, link);
    CHECK(params_query(b.app) == link);
    CHECK(b.app.config == a.app.config);
    CHECK(active_lesson(b.app) == &lesson);
}

TEST_CASE("URL: the embed code's link says embed=1 and the theme, even at their defaults") {
    Lab a;
    const std::string link = params_query(a.app), embed = embed_query(a.app);
    INFO("link ", link, "\nembed ", embed);
    CHECK(link.find("theme=") == std::string::npos);   // auto is the default: links leave it out
    CHECK(("&" + embed + "&").find("&theme=auto&") != std::string::npos);
    CHECK(("&" + embed + "&").find("&embed=1&") != std::string::npos);
    // Otherwise the same link: the embed's keys are the link's plus those two.
    std::string rest = embed;
    for (const char* extra : {"&embed=1", "&theme=auto"}) rest.erase(rest.find(extra), std::string(extra).size());
    CHECK(rest == link);

    apply_params(a.app, "theme=dark&embed=1");
    const std::string pinned = embed_query(a.app);
    INFO("pinned ", pinned);
    CHECK(("&" + pinned + "&").find("&theme=dark&") != std::string::npos);
    CHECK(pinned.find("embed=1") == pinned.rfind("embed=1"));   // once, also from inside an embed

    Lab b;   // the embed's link reads back to the embed's state
    CHECK(apply_params(b.app, pinned).notices.empty());
    CHECK(b.app.embed);
    CHECK(b.app.guest.theme == ThemeChoice::dark);
}

// ---- the table for the page -----------------------------------------------------------------

TEST_CASE("settings_json: valid JSON with every row, as the table has it, and the API's limits") {
    const std::string text = settings_json();
    Json doc = json_of(text);
    CHECK(doc.members.size() == 3);

    const Json& limits = member(doc, "limits");
    CHECK(member(limits, "maxSetKeys").number == double(kMaxParamPairs));
    CHECK(member(limits, "maxKeyChars").number == double(kMaxKeyChars));
    CHECK(member(limits, "maxValueChars").number == double(kMaxValueChars));
    CHECK(member(limits, "maxHiddenItems").number == double(kMaxApiHiddenItems));
    CHECK(member(limits, "maxStep").number == double(kMaxStepEpochs));
    CHECK(member(limits, "maxStepPhases").number == double(kMaxApiPhases));
    CHECK(member(limits, "maxNoticeChars").number == double(kMaxApiNoticeChars));
    CHECK(member(limits, "maxWeightsChars").number > 0);
    CHECK(member(limits, "maxHiddenLayers").number == bpl::kMaxHiddenLayers);

    const Json& rows = member(doc, "settings");
    REQUIRE(rows.is(Json::Kind::array));
    REQUIRE(rows.items.size() == size_t(bpl::kSettingCount));
    for (int i = 0; i < bpl::kSettingCount; ++i) {
        const Setting& s = bpl::kSettings[i];
        const Json& row = rows.items[size_t(i)];
        INFO("row ", std::string(s.key));
        CHECK(member(row, "key").text == s.key);
        std::vector<std::string> aliases, names = names_of(s);
        for (const Json& a : member(row, "aliases").items) aliases.push_back(a.text);
        CHECK(aliases == std::vector<std::string>(names.begin() + 1, names.end()));
        CHECK(member(row, "scope").text == (s.scope == bpl::SettingScope::engine ? "engine" : "page"));
        CHECK(member(row, "default").text == s.default_text);
        CHECK(member(row, "help").text == s.help);
        CHECK(member(row, "onBad").text == (s.page_on_bad == bpl::OnBad::clamp ? "clamp" : "refuse"));
        std::vector<std::string> choices, expected;
        for (const Json& c : member(row, "choices").items) choices.push_back(c.text);
        if (s.id == bpl::SettingId::lesson)
            for (int l = 0; l < kLessonCount; ++l) expected.push_back(kLessons[l].id);
        else
            for (std::string_view c : bpl::setting_choices(s)) expected.emplace_back(c);
        CHECK(choices == expected);
        if (s.min != s.max) {   // a range: what bridge.js checks before calling set()
            CHECK(member(row, "min").number == s.min);
            CHECK(member(row, "max").number == s.max);
            CHECK(member(row, "maxOpen").boolean == s.max_open);
        } else {
            CHECK(row.find("min") == nullptr);
        }
        if (s.page_max > 0) CHECK(member(row, "pageMax").number == s.page_max);
        else CHECK(row.find("pageMax") == nullptr);
        // The controls' labels of the choices, one per choice (lab/control_names.cpp).
        std::vector<std::string> labels, expected_labels;
        for (std::string_view l : control_choice_labels(s.id)) expected_labels.emplace_back(l);
        if (const Json* got = row.find("choiceLabels"))
            for (const Json& l : got->items) labels.push_back(l.text);
        CHECK(labels == expected_labels);
        if (!labels.empty()) CHECK(labels.size() == choices.size());
    }

    // The controls' names, one per control, in table order.
    const Json& controls = member(doc, "controls");
    REQUIRE(controls.items.size() == size_t(kControlCount));
    for (int i = 0; i < kControlCount; ++i) {
        const ControlName& c = kControlNames[i];
        const Json& got = controls.items[size_t(i)];
        CHECK(member(got, "name").text == c.name);
        CHECK(member(got, "label").text == c.label);
        CHECK(member(got, "shortcut").text == c.shortcut);
        CHECK(member(got, "setting").text == c.setting);
        CHECK(member(got, "help").text == c.help);
    }

    // settings.js is this JSON as one assignment; the README table has a row per URL key.
    const std::string js = settings_js();
    CHECK(js.find("window.__bplSettings = " + text + ";\n") != std::string::npos);
    const std::string md = settings_markdown();
    for (const Setting& s : bpl::kSettings) {
        bool listed = s.link != bpl::LinkRule::never || s.id == bpl::SettingId::lesson;
        INFO("row ", std::string(s.key));
        CHECK((md.find("| `" + std::string(s.key) + "`") != std::string::npos) == listed);
    }
}

TEST_CASE("a point cloud takes its own defaults for the keys not given, and XOR gets the reference's back") {
    Lab lab;
    ParamResult r = apply_params(lab.app, "data=circle&lr=0.05");
    CHECK(r.notices.empty());
    const bpl::Config& c = lab.app.config;
    CHECK(c.lr == 0.05);   // given: kept
    for (const Setting& s : bpl::kSettings) {
        if (!s.cloud_default_text || s.id == bpl::SettingId::lr) continue;
        INFO(s.key);
        CHECK(param_value_json(lab.app, s.key).find(s.cloud_default_text) != std::string::npos);
    }
    CHECK(c.activation == bpl::Activation::tanh);
    CHECK(c.loss == bpl::Loss::bce);
    CHECK(bpl::config_batch_string(c) == "10");
    // A cloud link with the full batch says so: reading it back must not fall to the cloud default.
    r = apply_params(lab.app, "batch=full");
    Lab back;
    apply_params(back.app, params_query(lab.app));
    CHECK(back.app.config == lab.app.config);
    // Back to the truth tables: the reference recipe, except what the query gives.
    r = apply_params(lab.app, "data=xor&act=relu");
    CHECK(lab.app.config.activation == bpl::Activation::relu);
    CHECK(lab.app.config.loss == bpl::Loss::mse);
    CHECK(lab.app.config.lr == 0.1);
    CHECK(lab.app.config.batch == bpl::BatchMode::full);
}

TEST_CASE("state().params.targets names the table's targets; only a custom table links them") {
    Lab lab;
    REQUIRE(apply_param(lab.app, "data", "and"));
    CHECK(param_value_json(lab.app, "targets") == "\"0001\"");
    CHECK(params_query(lab.app).find("targets=") == std::string::npos);
    REQUIRE(apply_param(lab.app, "targets", "1011"));
    CHECK(param_value_json(lab.app, "data") == "\"custom\"");
    CHECK(params_query(lab.app).find("targets=1011") != std::string::npos);
}
