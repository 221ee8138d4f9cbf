// Settings as key=value pairs for the URL and the JS API: parsing, validation through the
// engine's config_set, the page's own keys, and the canonical query/JSON forms, all from the
// settings table (engine/settings.hpp).
#include "url_params.hpp"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include "session.hpp"
#include "learn.hpp"
#include "lessons.hpp"
#include "json_text.hpp"
#include "number_text.hpp"
#include "settings.hpp"

namespace {

struct Pair {
    std::string key, value;
};

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string url_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '+') {
            out += ' ';
            continue;
        }
        if (c == '%' && i + 2 < text.size()) {
            int hi = hex_digit(text[i + 1]), lo = hex_digit(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::string url_encode(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                     c == '_' || c == '.' || c == ',';
        if (plain) {
            out += static_cast<char>(c);
            continue;
        }
        out += '%';
        out += hex[c >> 4];
        out += hex[c & 15];
    }
    return out;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The row of a key or alias of the settings table (keys are case-insensitive), or nullptr.
const bpl::Setting* find_setting(std::string_view key) { return bpl::setting_find(lower(key)); }

std::string canonical_key(std::string_view key) {
    const bpl::Setting* s = find_setting(key);
    return s ? s->key : lower(key);
}

std::string shown(std::string_view key, std::string_view value) {
    return bpl::quote_for_message(key, 32) + "=" + bpl::quote_for_message(value, 40);
}

bool parse_flag(std::string_view value, bool& out) {
    std::string v = lower(value);
    if (v == "1" || v == "true" || v == "yes" || v == "on") {
        out = true;
        return true;
    }
    if (v == "0" || v == "false" || v == "no" || v == "off") {
        out = false;
        return true;
    }
    return false;
}

// Page keys: returns "" when applied, else the notice.
std::string set_page_key(AppState& app, const bpl::Setting& row, std::string_view value, bool& clamped_note,
                         std::string& note) {
    const std::string key = row.key;
    switch (row.id) {
        case bpl::SettingId::speed:
        case bpl::SettingId::fps: {
            const long long lo = std::llround(row.min), hi = std::llround(row.max);
            const char* unit = row.id == bpl::SettingId::speed ? " epochs per frame)" : " frames per second)";
            std::string allowed = "allowed " + std::to_string(lo) + " to " + std::to_string(hi);
            double v = 0;
            if (bpl::parse_decimal(value, v) != bpl::NumberParse::ok)
                return shown(key, value) + ": not a number (" + allowed + unit;
            long long n = std::llround(std::clamp(v, row.min, row.max));
            if (n != v) {
                clamped_note = true;
                note = shown(key, value) + ": using " + std::to_string(n) + " (" + allowed + ")";
            }
            if (row.id == bpl::SettingId::speed) app.epochs_per_frame = static_cast<int>(n);
            else app.guest.fps_cap = static_cast<int>(n);
            return "";
        }
        case bpl::SettingId::theme:
        case bpl::SettingId::motion: {
            std::string v = lower(value);
            std::vector<std::string_view> choices = bpl::setting_choices(row);
            auto at = std::find(choices.begin(), choices.end(), v);
            if (at == choices.end()) return shown(key, value) + ": expected " + bpl::setting_choices_text(row);
            int index = int(at - choices.begin());   // auto, then the two fixed choices, as the enums
            if (row.id == bpl::SettingId::theme) app.guest.theme = static_cast<ThemeChoice>(index);
            else app.guest.motion = static_cast<MotionChoice>(index);
            return "";
        }
        case bpl::SettingId::autoplay:
        case bpl::SettingId::embed:
        case bpl::SettingId::learn: {
            bool flag = false;
            if (!parse_flag(value, flag)) return shown(key, value) + ": expected 1 or 0";
            if (row.id == bpl::SettingId::embed) app.embed = flag;
            else if (row.id == bpl::SettingId::learn) learn_set_active(app, flag);   // the Step-through layout
            else {
                session_set_running(app, flag);
                app.guest.autoplay_given = true;   // wins over reduced motion (lab/guest.cpp)
            }
            return "";
        }
        case bpl::SettingId::view: {
            std::string v = lower(value);
            if (v != "activations" && v != "gradients")
                return shown(key, value) + ": expected " + bpl::setting_choices_text(row);
            app.gradient_view = v == "gradients";
            return "";
        }
        case bpl::SettingId::row: {
            std::string v = lower(value);
            if (app.net.data.cloud) return shown(key, value) + ": a point cloud has no rows 00 to 11; use point=";
            for (int r = 0; r < 4; ++r) {
                if (v == bpl::kRowNames[r] || v == std::to_string(r)) {
                    app.selected_row = r;
                    return "";
                }
            }
            if (v == "all") {
                app.selected_row = -1;
                return "";
            }
            return shown(key, value) + ": expected 0, 1, 2, 3 (rows 00, 01, 10, 11) or all";
        }
        case bpl::SettingId::point: {
            const int n = app.net.data.samples;
            double v = 0;
            if (bpl::parse_decimal(value, v) != bpl::NumberParse::ok || v != std::floor(v) || v < 0 || v >= n)
                return shown(key, value) + ": expected a point 0 to " + std::to_string(n - 1);
            app.selected_row = int(v);
            return "";
        }
        default: return shown(key, value) + ": not a page setting";   // engine keys and lesson go elsewhere
    }
}

// The page draws at most kPageMaxHiddenUnits per layer.
void clamp_page_units(bpl::Config& cfg, const std::string& key, std::string_view value,
                      std::vector<std::string>& notices) {
    bool clamped = false;
    for (int l = 0; l < cfg.hidden_layers; ++l) {
        if (cfg.hidden_units[l] > kPageMaxHiddenUnits) {
            cfg.hidden_units[l] = kPageMaxHiddenUnits;
            clamped = true;
        }
    }
    if (clamped)
        notices.push_back(shown(key, value) + ": the page shows at most " + std::to_string(kPageMaxHiddenUnits) +
                          " units per layer; using " + bpl::config_hidden_string(cfg));
}

std::vector<Pair> split_query(std::string_view query, std::vector<std::string>& notices) {
    std::vector<Pair> pairs;
    if (!query.empty() && query.front() == '?') query.remove_prefix(1);
    if (query.size() > kMaxQueryChars) {
        notices.push_back("Settings ignored: the text is " + std::to_string(query.size()) +
                          " characters long (at most " + std::to_string(kMaxQueryChars) + ")");
        return pairs;
    }
    while (!query.empty()) {
        size_t amp = query.find('&');
        std::string_view part = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (part.empty()) continue;
        if (pairs.size() == kMaxParamPairs) {
            notices.push_back("Only the first " + std::to_string(kMaxParamPairs) + " settings were read");
            break;
        }
        size_t eq = part.find('=');
        Pair p{url_decode(part.substr(0, eq)), eq == std::string_view::npos ? "" : url_decode(part.substr(eq + 1))};
        pairs.push_back(std::move(p));
    }
    return pairs;
}

// Moving between the truth tables and the point clouds: the settings with a cloud default
// (the settings table's cloud_default_text) take the new family's default unless this same
// query set them, so a circle learns out of the box and XOR returns to the reference recipe.
void apply_data_defaults(const bpl::Config& before, bpl::Config& cfg, std::vector<std::string>& applied) {
    const bool was_cloud = bpl::data_is_cloud(before.data.kind), cloud = bpl::data_is_cloud(cfg.data.kind);
    if (was_cloud == cloud) return;
    for (const bpl::Setting& row : bpl::kSettings) {
        if (!row.cloud_default_text) continue;
        if (std::find(applied.begin(), applied.end(), row.key) != applied.end()) continue;
        std::string error;
        if (bpl::config_set(cfg, row.key, cloud ? row.cloud_default_text : row.default_text, error))
            applied.push_back(row.key);
    }
}

// lesson=<id> is a preset (lab/lessons.cpp): applied before the other keys so they can adjust it.
void apply_lesson_first(AppState& app, const std::vector<Pair>& pairs, ParamResult& result) {
    for (const Pair& p : pairs) {
        if (canonical_key(p.key) != "lesson") continue;
        std::string error = lesson_start(app, lower(p.value));
        if (error.empty()) result.applied.push_back("lesson");
        else result.notices.push_back(error);
    }
}

}   // namespace

ParamResult apply_params(AppState& app, std::string_view query) {
    ParamResult result;
    std::vector<Pair> pairs = split_query(query, result.notices);
    apply_lesson_first(app, pairs, result);
    bpl::Config cfg = app.config;
    std::vector<std::pair<Pair, std::string>> failed;   // engine pairs refused on the first pass
    std::vector<Pair> after;                            // row= and point=: they need the new data
    bool page_changed = false;                          // a page key applied (the config reports its own)
    for (const Pair& p : pairs) {
        const bpl::Setting* row = find_setting(p.key);
        std::string key = canonical_key(p.key);
        if (p.value.size() > kMaxValueChars) {
            result.notices.push_back(shown(p.key, p.value) + ": value too long (" + std::to_string(p.value.size()) +
                                     " characters); ignored");
        } else if (bpl::config_is_key(key)) {
            std::string error;
            if (bpl::config_set(cfg, key, p.value, error)) {
                if (key == "hidden") clamp_page_units(cfg, key, p.value, result.notices);
                result.applied.push_back(key);
            } else {
                failed.push_back({p, error});
            }
        } else if (key == "lesson") {
            // applied first (apply_lesson_first)
        } else if (key == "row" || key == "point") {
            after.push_back(p);
        } else if (row && row->scope == bpl::SettingScope::page) {
            bool clamped = false;
            std::string note;
            std::string error = set_page_key(app, *row, p.value, clamped, note);
            if (!error.empty()) {
                result.notices.push_back(error + "; ignored");
            } else {
                result.applied.push_back(key);
                page_changed = true;
            }
            if (clamped) result.notices.push_back(note);
        } else {
            result.notices.push_back("Unknown setting " + bpl::quote_for_message(p.key, 32) + " ignored");
        }
    }
    // Cross-field rules (bce needs a sigmoid output) can depend on order: retry once.
    for (auto& [p, error] : failed) {
        std::string key = canonical_key(p.key), again;
        if (bpl::config_set(cfg, key, p.value, again)) {
            if (key == "hidden") clamp_page_units(cfg, key, p.value, result.notices);
            result.applied.push_back(key);
        } else {
            result.notices.push_back(error + "; ignored");
        }
    }
    apply_data_defaults(app.config, cfg, result.applied);
    std::string clamp_notice;
    if (bpl::config_clamp_batch(cfg, clamp_notice)) result.notices.push_back(clamp_notice);
    session_apply_config(app, cfg);
    for (const Pair& p : after) {
        bool clamped = false;
        std::string note, error = set_page_key(app, *find_setting(p.key), p.value, clamped, note);
        if (!error.empty()) {
            result.notices.push_back(error + "; ignored");
        } else {
            result.applied.push_back(canonical_key(p.key));
            page_changed = true;
        }
    }
    if (page_changed) app.host->state_changed("params");
    // On the page: a few notices one by one, many (a mangled link) as one list.
    if (result.notices.size() <= 2) {
        for (const std::string& n : result.notices) session_notice(app, n);
    } else {
        std::string all = std::to_string(result.notices.size()) + " settings were not used as given:";
        for (const std::string& n : result.notices) all += "\n• " + n;
        session_notice(app, all, NoticeKind::warning, 20.0);
    }
    if (!result.applied.empty()) app.url_dirty = true;
    return result;
}

bool apply_param(AppState& app, std::string_view key, std::string_view value) {
    std::string query = url_encode(key) + "=" + url_encode(value);
    ParamResult r = apply_params(app, query);
    return r.notices.empty();
}

// ---- canonical forms ---------------------------------------------------------------------

namespace {

template <typename Table>
const char* table_name(const Table& table, decltype(table[0].id) id) {
    for (const auto& row : table)
        if (row.id == id) return row.name;
    return "?";
}

// Value as URL text.
std::string param_text(const AppState& app, const bpl::Setting& row) {
    const bpl::Config& c = app.config;
    switch (row.id) {
        case bpl::SettingId::lr: return bpl::format_shortest(c.lr);
        case bpl::SettingId::hidden: return bpl::config_hidden_string(c);
        case bpl::SettingId::act: return bpl::activation_info(c.activation).name;
        case bpl::SettingId::out: return bpl::activation_info(c.output_activation).name;
        case bpl::SettingId::loss: return bpl::loss_info(c.loss).name;
        case bpl::SettingId::opt: return table_name(bpl::kOptimizers, c.optimizer);
        case bpl::SettingId::momentum: return bpl::format_shortest(c.momentum);
        case bpl::SettingId::beta2: return bpl::format_shortest(c.beta2);
        case bpl::SettingId::eps: return bpl::format_shortest(c.adam_epsilon);
        case bpl::SettingId::init: return table_name(bpl::kInits, c.init);
        case bpl::SettingId::seed: return std::to_string(c.seed);
        case bpl::SettingId::batch: return bpl::config_batch_string(c);
        case bpl::SettingId::data: return bpl::data_info(c.data.kind).name;
        case bpl::SettingId::targets: {   // any table's targets (a cloud: the default); linked only when custom
            char bits[5] = "0110";
            if (!app.net.data.cloud) bpl::data_targets_text(bpl::data_table_targets(c.data), bits);
            return bits;
        }
        case bpl::SettingId::points: return std::to_string(c.data.points);
        case bpl::SettingId::noise: return std::to_string(c.data.noise);
        case bpl::SettingId::train: return std::to_string(c.data.train);
        case bpl::SettingId::reg: return table_name(bpl::kRegularizations, c.reg);
        case bpl::SettingId::reg_rate: return bpl::format_shortest(c.reg_rate);
        case bpl::SettingId::point: return std::to_string(std::max(app.selected_row, 0));
        case bpl::SettingId::speed: return std::to_string(app.epochs_per_frame);
        case bpl::SettingId::view: return app.gradient_view ? "gradients" : "activations";
        case bpl::SettingId::row: return app.selected_row < 0 ? "all" : std::to_string(app.selected_row);
        case bpl::SettingId::embed: return app.embed ? "1" : "0";
        case bpl::SettingId::learn: return app.learn.active ? "1" : "0";
        case bpl::SettingId::lesson: return active_lesson(app) ? active_lesson(app)->id : "none";
        case bpl::SettingId::autoplay: return app.running ? "1" : "0";
        case bpl::SettingId::fps: return std::to_string(app.guest.fps_cap);
        case bpl::SettingId::theme: return std::string(bpl::setting_choices(row)[size_t(app.guest.theme)]);
        case bpl::SettingId::motion: return std::string(bpl::setting_choices(row)[size_t(app.guest.motion)]);
    }
    return "";
}

// The link's keys in table order. An embed's link also says embed=1 and its theme, even auto, so
// the author of the host page sees the choice and can pin it.
std::string link_query(const AppState& app, bool for_embed) {
    std::string q;
    auto add = [&](const bpl::Setting& row, const std::string& text) {
        if (!q.empty()) q += '&';
        q += row.key;
        q += '=';
        q += url_encode(text);
    };
    if (const Lesson* lesson = active_lesson(app))
        add(bpl::setting_of(bpl::SettingId::lesson), lesson->id);   // first: the keys after it adjust the preset
    for (const bpl::Setting& row : bpl::kSettings) {
        // The followed sample: row= on a truth table, point= on a point cloud.
        if (row.id == (app.net.data.cloud ? bpl::SettingId::row : bpl::SettingId::point)) continue;
        if (row.id == bpl::SettingId::targets && app.config.data.kind != bpl::DataKind::custom_table) continue;
        bool embed_key = for_embed && (row.id == bpl::SettingId::embed || row.id == bpl::SettingId::theme);
        std::string text = for_embed && row.id == bpl::SettingId::embed ? "1" : param_text(app, row);
        // A point cloud's own defaults are what reading the link back would apply.
        const char* fallback = app.net.data.cloud && row.cloud_default_text ? row.cloud_default_text : row.default_text;
        if (row.link == bpl::LinkRule::always || embed_key ||
            (row.link == bpl::LinkRule::when_changed && text != fallback))
            add(row, text);
    }
    return q;
}

}   // namespace

std::string params_query(const AppState& app) { return link_query(app, false); }
std::string embed_query(const AppState& app) { return link_query(app, true); }

std::string param_value_json(const AppState& app, std::string_view key) {
    const bpl::Setting* row = bpl::setting_find(key);
    if (!row) return "null";
    if (row->id == bpl::SettingId::row && app.selected_row < 0) return json_string("all");
    std::string text = param_text(app, *row);
    switch (row->type) {
        case bpl::SettingType::number: {
            double v = 0;
            return bpl::parse_decimal(text, v) == bpl::NumberParse::ok ? json_number(v) : json_string(text);
        }
        case bpl::SettingType::whole: {   // 7, not 7.0: the value the reader typed
            double v = 0;
            if (bpl::parse_decimal(text, v) != bpl::NumberParse::ok) return json_string(text);
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.0f", v);
            return buf;
        }
        case bpl::SettingType::flag: return json_bool(text == "1");
        default: break;
    }
    if (row->id == bpl::SettingId::row) return std::to_string(app.selected_row);
    return json_string(text);
}

std::string params_json(const AppState& app) {
    std::string out = "{";
    for (const bpl::Setting& row : bpl::kSettings) {
        if (!row.in_state) continue;
        if (out.size() > 1) out += ',';
        out += json_string(row.key) + ":" + param_value_json(app, row.key);
    }
    return out + "}";
}
