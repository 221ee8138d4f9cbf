// JSON strings and numbers for the JS bridge.
#include "json_text.hpp"
#include <cmath>
#include <cstdio>
#include "number_text.hpp"

std::string json_string(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                // U+2028 / U+2029 (E2 80 A8/A9) break JavaScript string literals in old engines.
                bool line_sep = c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                                (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xA8;
                if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x7F || line_sep) {
                    unsigned code = line_sep ? (0x2028u | (static_cast<unsigned char>(text[i + 2]) & 1u)) : c;
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", code);
                    out += buf;
                    if (line_sep) i += 2;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
    return out;
}

std::string json_number(double value) {
    if (!std::isfinite(value)) return "null";
    return bpl::format_shortest(value);
}

std::string json_bool(bool value) { return value ? "true" : "false"; }
