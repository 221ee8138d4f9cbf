// json_reader.cpp: walking objects and arrays, strings with escapes, strict numbers, skipping
// unknown values, the depth limit, and messages with line and column.
#include <doctest/doctest.h>

#include <string>
#include <vector>
#include "json_reader.hpp"

namespace {

// Reads a flat array of numbers, or fails with the reader's message.
bool read_numbers(const std::string& text, std::vector<double>& out, std::string& error) {
    bpl::JsonReader reader(text, error);
    bool ok = reader.read_array("xs", [&](int) {
        double x = 0.0;
        if (!reader.read_number("xs", x)) return false;
        out.push_back(x);
        return true;
    });
    return ok && (reader.at_end() || reader.fail("xs", "trailing text"));
}

bool skip_all(const std::string& text, std::string& error) {
    bpl::JsonReader reader(text, error);
    return reader.skip_value("doc") && (reader.at_end() || reader.fail("doc", "trailing text"));
}

}   // namespace

TEST_CASE("arrays of numbers") {
    std::vector<double> xs;
    std::string error;
    CHECK(read_numbers(" [1, -0.5, 2e3, 0, -0, 1E-2]\n", xs, error));
    CHECK(xs == std::vector<double>{1, -0.5, 2000, 0, 0, 0.01});
    xs.clear();
    CHECK(read_numbers("[]", xs, error));
    CHECK(xs.empty());
    const struct {
        const char* text;
        const char* message;
    } bad[] = {
        {"[1,]", "xs: expected a number (line 1, column 4)"},
        {"[01]", "expected ',' or ']'"},
        {"[.5]", "expected a number"},
        {"[1.]", "expected a number"},
        {"[+1]", "expected a number"},
        {"[NaN]", "NaN and Infinity are not allowed"},
        {"[-Infinity]", "NaN and Infinity are not allowed"},
        {"[null]", "expected a number, got null"},
        {"[1e999]", "number too large"},
        {"[1 2]", "expected ',' or ']' in an array (line 1, column 4)"},
        {"[1", "expected ',' or ']'"},
        {"", "expected an array"},
        {"[1]]", "trailing text"},
        {"[\n\n  x]", "xs: expected a number (line 3, column 3)"},
    };
    for (const auto& c : bad) {
        INFO(std::string(c.text));
        error.clear();
        CHECK_FALSE(read_numbers(c.text, xs, error));
        CHECK(error.find(c.message) != std::string::npos);
    }
}

TEST_CASE("objects, strings and escapes") {
    std::string error;
    std::string text = "{\"a\\u0062c\": \"x\\\"y\\\\z\\n\", \"\\u00e9\": [true, false, null], \"n\": {}}";
    bpl::JsonReader reader(text, error);
    std::vector<std::string> keys, values;
    bool ok = reader.read_object("doc", [&](const std::string& key) {
        keys.push_back(key);
        if (key != "abc") return reader.skip_value("doc");
        values.emplace_back();
        return reader.read_string("doc", values.back());
    });
    CHECK_MESSAGE(ok, error);
    CHECK(reader.at_end());
    CHECK(keys == std::vector<std::string>{"abc", "?", "n"});
    CHECK(values == std::vector<std::string>{"x\"y\\z\n"});
}

TEST_CASE("skip_value accepts JSON and rejects the rest") {
    std::string error;
    CHECK(skip_all("{\"a\": [1, {\"b\": \"c\"}, [], {}], \"d\": -1.5e+3, \"e\": \"\\/\\b\\f\\r\\t\"}", error));
    CHECK(skip_all("\xEF\xBB\xBF [true]", error));   // byte order mark
    const struct {
        std::string text;
        const char* message;
    } bad[] = {
        {"{\"a\" 1}", "expected ':' after a key"},
        {"{a: 1}", "expected a key in double quotes"},
        {"{\"a\": 1,}", "expected a key in double quotes"},
        {"{\"a\": 1", "expected ',' or '}'"},
        {"\"abc", "unterminated string"},
        {"\"a\tb\"", "control character in a string"},
        {"\"\\x\"", "bad escape"},
        {"\"\\u12G4\"", "bad \\u escape"},
        {"tru", "unexpected text"},
        {"nul", "unexpected text"},
        {"", "unexpected end of input"},
        {"@", "expected a number"},
        {std::string(100000, '['), "nested too deeply"},
        {std::string(40, '[') + std::string(40, ']') + "x", "trailing text"},
        {std::string("[1\0]", 4), "expected ',' or ']'"},
    };
    for (const auto& c : bad) {
        INFO(c.text.substr(0, 40));
        error.clear();
        CHECK_FALSE(skip_all(c.text, error));
        CHECK(error.find(c.message) != std::string::npos);
    }
    std::string nested = std::string(bpl::kMaxJsonDepth, '[') + std::string(bpl::kMaxJsonDepth, ']');
    CHECK(skip_all(nested, error));
}
