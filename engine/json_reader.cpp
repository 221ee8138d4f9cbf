// The JSON reader's scanning: whitespace, strings with escapes, numbers (strict JSON grammar,
// then strtod through parse_decimal), literals, and skipping values we do not use.
#include "json_reader.hpp"
#include "number_text.hpp"

namespace bpl {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Length of the JSON number at the start of s: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?; 0 if none.
size_t json_number_length(std::string_view s) {
    size_t i = 0;
    if (i < s.size() && s[i] == '-') ++i;
    if (i >= s.size() || !is_digit(s[i])) return 0;
    if (s[i] == '0') ++i;
    else
        while (i < s.size() && is_digit(s[i])) ++i;
    if (i < s.size() && s[i] == '.') {
        if (++i >= s.size() || !is_digit(s[i])) return 0;
        while (i < s.size() && is_digit(s[i])) ++i;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (i >= s.size() || !is_digit(s[i])) return 0;
        while (i < s.size() && is_digit(s[i])) ++i;
    }
    return i;
}

}   // namespace

JsonReader::JsonReader(std::string_view text, std::string& error) : text_(text), error_(error) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;   // UTF-8 byte order mark
}

bool JsonReader::fail(std::string_view place, std::string_view what) {
    size_t line = 1, column = 1;
    for (size_t i = 0; i < pos_ && i < text_.size(); ++i) {
        if (text_[i] == '\n') {
            ++line;
            column = 1;
        } else ++column;
    }
    error_ = std::string(place) + ": " + std::string(what) + " (line " + std::to_string(line) + ", column " +
             std::to_string(column) + ")";
    return false;
}

char JsonReader::peek() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
        ++pos_;
    return pos_ < text_.size() ? text_[pos_] : '\0';
}

bool JsonReader::expect(char c, std::string_view place, std::string_view what) {
    if (peek() != c) return fail(place, what);
    ++pos_;
    return true;
}

bool JsonReader::read_literal(std::string_view place, std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return fail(place, "unexpected text");
    pos_ += word.size();
    return true;
}

bool JsonReader::read_number(std::string_view place, double& out) {
    char c = peek();
    std::string_view rest = text_.substr(pos_);
    if (rest.substr(0, 3) == "NaN" || rest.substr(0, 8) == "Infinity" || rest.substr(0, 9) == "-Infinity")
        return fail(place, "NaN and Infinity are not allowed (weights must be finite numbers)");
    if (c == 'n' && rest.substr(0, 4) == "null") return fail(place, "expected a number, got null");
    size_t length = json_number_length(rest);
    if (length == 0) return fail(place, "expected a number");
    double value = 0.0;
    NumberParse result = parse_decimal(rest.substr(0, length), value);
    if (result == NumberParse::out_of_range) return fail(place, "number too large (weights must be finite numbers)");
    if (result != NumberParse::ok) return fail(place, "expected a number");
    pos_ += length;
    out = value;
    return true;
}

bool JsonReader::read_string(std::string_view place, std::string& out) {
    if (!expect('"', place, "expected a string")) return false;
    out.clear();
    while (pos_ < text_.size()) {
        char c = text_[pos_++];
        if (c == '"') return true;
        if (static_cast<unsigned char>(c) < 0x20) {
            --pos_;
            return fail(place, "control character in a string");
        }
        if (c != '\\') {
            out += c;
            continue;
        }
        if (pos_ >= text_.size()) break;
        char e = text_[pos_++];
        switch (e) {
            case '"':
            case '\\':
            case '/': out += e; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                unsigned code = 0;
                for (int i = 0; i < 4; ++i, ++pos_) {
                    if (pos_ >= text_.size() || !is_hex(text_[pos_])) return fail(place, "bad \\u escape in a string");
                    char h = text_[pos_];
                    code = code * 16 + static_cast<unsigned>(is_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
                }
                out += code < 0x80 ? static_cast<char>(code) : '?';   // only ASCII keys matter to us
                break;
            }
            default: --pos_; return fail(place, "bad escape in a string");
        }
    }
    return fail(place, "unterminated string");
}

bool JsonReader::skip_value(std::string_view place, int depth) {
    if (depth >= kMaxJsonDepth) return fail(place, "nested too deeply");
    std::string ignored;
    double number = 0.0;
    switch (peek()) {
        case '{': return read_object(place, [&](const std::string&) { return skip_value(place, depth + 1); });
        case '[': return read_array(place, [&](int) { return skip_value(place, depth + 1); });
        case '"': return read_string(place, ignored);
        case 't': return read_literal(place, "true");
        case 'f': return read_literal(place, "false");
        case 'n': return read_literal(place, "null");
        case '\0': return fail(place, "unexpected end of input");
        default: return read_number(place, number);
    }
}

}   // namespace bpl
