// Helpers shared by the lab tests (tests/test_lab_*.cpp): a SessionHost whose clock the test
// moves by hand, a lab (an initialised AppState) attached to it, a snapshot of everything the
// settings decide, the engine's own run of a config epoch by epoch (what the lab must agree
// with), and a strict JSON reader that keeps each scalar's text, so a test can tell `7` from
// `7.0` in the JS API's answers.
#pragma once
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include "app_state.hpp"
#include "config.hpp"
#include "net_helpers.hpp"
#include "network.hpp"
#include "session.hpp"
#include "session_host.hpp"
#include "trainer.hpp"
#include "url_params.hpp"

namespace bpl_test {

// ---- the host ----------------------------------------------------------------------------

class FakeHost final : public SessionHost {
public:
    // now_ms() returns clock_ms. It starts well above 0: a notice's expires_at <= 0 means "until
    // dismissed", so a clock at 0 could hide an expiry bug.
    mutable double clock_ms = 1000.0;
    // Added to clock_ms after every read (0: the clock only moves when the test moves it). A
    // clock that runs while training reads it, for the per-frame time budget.
    double ms_per_read = 0.0;
    std::vector<std::string> reasons;                  // state_changed, in order
    std::vector<std::pair<std::string, bool>> links;   // copy_link(query, embed_snippet)
    std::vector<std::string> full_pages;               // open_full_page(query)
    uint32_t seed = 20240607;                          // what random_seed() returns, every time
    mutable long long reads = 0;

    double now_ms() const override {
        ++reads;
        double now = clock_ms;
        clock_ms += ms_per_read;
        return now;
    }
    void state_changed(const char* reason) override { reasons.emplace_back(reason); }
    void copy_link(const std::string& query, bool embed_snippet) override { links.emplace_back(query, embed_snippet); }
    void open_full_page(const std::string& query) override { full_pages.push_back(query); }
    uint32_t random_seed() override { return seed; }

    void advance_seconds(double seconds) { clock_ms += seconds * 1000.0; }
    // The reasons reported since the last call (and forgets them).
    std::vector<std::string> take_reasons() {
        std::vector<std::string> out = std::move(reasons);
        reasons.clear();
        return out;
    }
};

using Reasons = std::vector<std::string>;

// ---- the lab -----------------------------------------------------------------------------

// An AppState started by session_init on a FakeHost. Not copyable: app.host points at host.
struct Lab {
    FakeHost host;
    AppState app;

    explicit Lab(const bpl::Config& cfg = bpl::Config{}) {
        app.host = &host;
        app.config = cfg;
        session_init(app);
    }
    Lab(const Lab&) = delete;
    Lab& operator=(const Lab&) = delete;
};

// A config from key=value text over the defaults (fails the test case when refused).
inline bpl::Config config_of(std::string_view text) {
    bpl::Config cfg;
    std::string error;
    bool ok = bpl::config_parse(cfg, text, error);
    INFO(std::string(text), ": ", error);
    REQUIRE(ok);
    return cfg;
}

// The network a fresh session_init builds for cfg: the engine's own seeded draws.
inline bpl::Network fresh_net(const bpl::Config& cfg) { return make_net(cfg); }

// The engine's own run of cfg: runs[e] is the network after e whole epochs (train_epoch, no lab
// code in the way), for e = 0 … epochs. The lab trains through the same train_epoch, so every
// field it records must equal these bit for bit.
inline std::vector<bpl::Network> engine_run(const bpl::Config& cfg, long long epochs) {
    std::vector<bpl::Network> runs;
    runs.reserve(size_t(epochs) + 1);
    runs.push_back(make_net(cfg));
    for (long long e = 0; e < epochs; ++e) {
        bpl::Network next = runs.back();
        bpl::train_epoch(next);
        REQUIRE_FALSE(next.diverged);
        runs.push_back(std::move(next));
    }
    return runs;
}

// Everything the settings decide, to check that a refused value changed nothing.
struct Settled {
    std::string query;   // params_query: every linked key, page and engine
    std::string json;    // params_json: every key state() reports
    bpl::Config config;
    std::vector<double> params;
    long long epoch = 0;
};

inline Settled settled(const AppState& app) {
    return {params_query(app), params_json(app), app.config, app.net.params, app.net.epoch};
}

inline void check_unchanged(const Settled& before, const AppState& app) {
    Settled now = settled(app);
    CHECK(now.query == before.query);
    CHECK(now.json == before.json);
    CHECK(now.config == before.config);
    CHECK(now.params == before.params);   // not rebuilt, not reseeded
    CHECK(now.epoch == before.epoch);
}

// ---- JSON --------------------------------------------------------------------------------

// A parsed JSON value. `text` is the token as written for numbers and literals (so `7` and
// `7.0` differ) and the decoded text for strings.
struct Json {
    enum class Kind { null, boolean, number, string, array, object };
    Kind kind = Kind::null;
    std::string text;
    double number = 0.0;
    bool boolean = false;
    std::vector<Json> items;
    std::vector<std::pair<std::string, Json>> members;

    bool is(Kind k) const { return kind == k; }
    const Json* find(std::string_view key) const {
        for (const auto& m : members)
            if (m.first == key) return &m.second;
        return nullptr;
    }
};

// Strict RFC 8259 JSON (no NaN, no trailing commas, no leading zeros), one value then the end.
class JsonParser {
public:
    explicit JsonParser(std::string_view text) : s_(text) {}

    bool parse(Json& out, std::string& error) {
        bool ok = value(out, 0) && (space(), pos_ == s_.size() || fail("trailing text"));
        if (!ok) error = error_;
        return ok;
    }

private:
    std::string_view s_;
    size_t pos_ = 0;
    std::string error_;

    bool fail(const char* what) {
        error_ = std::string(what) + " at offset " + std::to_string(pos_);
        return false;
    }
    void space() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r'))
            ++pos_;
    }
    bool literal(std::string_view word) {
        if (s_.substr(pos_, word.size()) != word) return fail("unexpected text");
        pos_ += word.size();
        return true;
    }
    bool digits() {
        size_t start = pos_;
        while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
        return pos_ > start;
    }
    bool number(Json& out) {
        size_t start = pos_;
        if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
        if (pos_ < s_.size() && s_[pos_] == '0') ++pos_;
        else if (!digits()) return fail("expected a value");
        if (pos_ < s_.size() && s_[pos_] == '.' && (++pos_, !digits())) return fail("digits expected after '.'");
        if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
            ++pos_;
            if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
            if (!digits()) return fail("digits expected in an exponent");
        }
        out.kind = Json::Kind::number;
        out.text = std::string(s_.substr(start, pos_ - start));
        out.number = std::strtod(out.text.c_str(), nullptr);
        return true;
    }
    static void put_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }
    bool hex4(unsigned& out) {
        if (pos_ + 4 > s_.size()) return fail("short \\u escape");
        out = 0;
        for (int i = 0; i < 4; ++i) {
            char c = s_[pos_++];
            int d = c >= '0' && c <= '9' ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                         : -1;
            if (d < 0) return fail("bad \\u escape");
            out = out * 16 + unsigned(d);
        }
        return true;
    }
    bool string(std::string& out) {
        ++pos_;   // the opening quote
        for (;;) {
            if (pos_ >= s_.size()) return fail("unterminated string");
            unsigned char c = static_cast<unsigned char>(s_[pos_++]);
            if (c == '"') return true;
            if (c < 0x20) return fail("control character in a string");
            if (c != '\\') {
                out += char(c);
                continue;
            }
            if (pos_ >= s_.size()) return fail("unterminated escape");
            char e = s_[pos_++];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned cp = 0;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xD800 && cp < 0xDC00) {   // a surrogate pair
                        unsigned lo = 0;
                        if (!literal("\\u") || !hex4(lo) || lo < 0xDC00 || lo >= 0xE000)
                            return fail("unpaired surrogate");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else if (cp >= 0xDC00 && cp < 0xE000) {
                        return fail("unpaired surrogate");
                    }
                    put_utf8(out, cp);
                    break;
                }
                default: return fail("unknown escape");
            }
        }
    }
    bool value(Json& out, int depth) {
        if (depth > 64) return fail("nested too deeply");
        space();
        if (pos_ >= s_.size()) return fail("unexpected end");
        char c = s_[pos_];
        if (c == '{') {
            out.kind = Json::Kind::object;
            ++pos_;
            space();
            if (pos_ < s_.size() && s_[pos_] == '}') return ++pos_, true;
            for (;;) {
                space();
                if (pos_ >= s_.size() || s_[pos_] != '"') return fail("expected a key");
                std::string key;
                if (!string(key)) return false;
                space();
                if (pos_ >= s_.size() || s_[pos_] != ':') return fail("expected ':'");
                ++pos_;
                Json member;
                if (!value(member, depth + 1)) return false;
                if (out.find(key)) return fail("duplicate key");
                out.members.emplace_back(std::move(key), std::move(member));
                space();
                if (pos_ < s_.size() && s_[pos_] == ',') {
                    ++pos_;
                    continue;
                }
                if (pos_ < s_.size() && s_[pos_] == '}') return ++pos_, true;
                return fail("expected ',' or '}'");
            }
        }
        if (c == '[') {
            out.kind = Json::Kind::array;
            ++pos_;
            space();
            if (pos_ < s_.size() && s_[pos_] == ']') return ++pos_, true;
            for (;;) {
                Json item;
                if (!value(item, depth + 1)) return false;
                out.items.push_back(std::move(item));
                space();
                if (pos_ < s_.size() && s_[pos_] == ',') {
                    ++pos_;
                    continue;
                }
                if (pos_ < s_.size() && s_[pos_] == ']') return ++pos_, true;
                return fail("expected ',' or ']'");
            }
        }
        if (c == '"') {
            out.kind = Json::Kind::string;
            return string(out.text);
        }
        if (c == 't' || c == 'f') {
            out.kind = Json::Kind::boolean;
            out.boolean = c == 't';
            out.text = c == 't' ? "true" : "false";
            return literal(out.text);
        }
        if (c == 'n') {
            out.kind = Json::Kind::null;
            out.text = "null";
            return literal("null");
        }
        return number(out);
    }
};

// The parsed text; fails the test case (showing the text) when it is not JSON.
inline Json json_of(const std::string& text) {
    Json out;
    std::string error;
    bool ok = JsonParser(text).parse(out, error);
    INFO("JSON: ", text);
    INFO(error);
    REQUIRE(ok);
    return out;
}

// obj[key]; fails the test case when obj is not an object or has no such member.
inline const Json& member(const Json& obj, std::string_view key) {
    INFO("member ", std::string(key));
    REQUIRE(obj.is(Json::Kind::object));
    const Json* m = obj.find(key);
    REQUIRE(m != nullptr);
    return *m;
}

}   // namespace bpl_test
