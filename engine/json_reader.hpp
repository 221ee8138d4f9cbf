// A small recursive-descent JSON reader (ours): the caller walks the document it expects with
// read_object / read_array / read_number and skips the rest. Messages name the place being
// read and the line and column; values nest at most kMaxJsonDepth deep. No exceptions.
#pragma once
#include <string>
#include <string_view>

namespace bpl {

constexpr int kMaxJsonDepth = 64;

class JsonReader {
public:
    JsonReader(std::string_view text, std::string& error);

    // Sets error to "<place>: <what> (line L, column C)" and returns false.
    bool fail(std::string_view place, std::string_view what);
    char peek();   // next non-space character, '\0' at the end
    bool at_end() { return peek() == '\0' && pos_ >= text_.size(); }

    bool read_number(std::string_view place, double& out);   // finite numbers only
    bool read_string(std::string_view place, std::string& out);
    bool skip_value(std::string_view place, int depth = 0);

    // [v, v, …]: calls each_item(index) with the reader at each value; the callback reads it.
    template <typename EachItem>
    bool read_array(std::string_view place, EachItem&& each_item);
    // {"k": v, …}: calls each_member(key) with the reader at each value.
    template <typename EachMember>
    bool read_object(std::string_view place, EachMember&& each_member);

private:
    bool expect(char c, std::string_view place, std::string_view what);
    bool read_literal(std::string_view place, std::string_view word);

    std::string_view text_;
    size_t pos_ = 0;
    std::string& error_;
};

template <typename EachItem>
bool JsonReader::read_array(std::string_view place, EachItem&& each_item) {
    if (!expect('[', place, "expected an array '['")) return false;
    if (peek() == ']') {
        ++pos_;
        return true;
    }
    for (int index = 0;; ++index) {
        if (!each_item(index)) return false;
        char c = peek();
        ++pos_;
        if (c == ']') return true;
        if (c != ',') {
            --pos_;
            return fail(place, "expected ',' or ']' in an array");
        }
    }
}

template <typename EachMember>
bool JsonReader::read_object(std::string_view place, EachMember&& each_member) {
    if (!expect('{', place, "expected an object '{'")) return false;
    if (peek() == '}') {
        ++pos_;
        return true;
    }
    for (;;) {
        std::string key;
        if (peek() != '"') return fail(place, "expected a key in double quotes");
        if (!read_string(place, key) || !expect(':', place, "expected ':' after a key")) return false;
        if (!each_member(key)) return false;
        char c = peek();
        ++pos_;
        if (c == '}') return true;
        if (c != ',') {
            --pos_;
            return fail(place, "expected ',' or '}' in an object");
        }
    }
}

}   // namespace bpl
