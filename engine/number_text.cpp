// Strict number parsing (a grammar check, then strtod on a bounded, NUL-terminated copy) and
// shortest round-trip formatting in Python's repr layout.
#include "number_text.hpp"
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace bpl {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool equals_lower(std::string_view text, const char* word) {
    size_t n = std::strlen(word);
    if (text.size() != n) return false;
    for (size_t i = 0; i < n; ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != word[i]) return false;
    }
    return true;
}

// [+-]? digits* ('.' digits*)? ([eE] [+-]? digits+)? with at least one mantissa digit.
bool is_decimal_syntax(std::string_view s) {
    size_t i = 0, mantissa_digits = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    while (i < s.size() && is_digit(s[i])) {
        ++i;
        ++mantissa_digits;
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) {
            ++i;
            ++mantissa_digits;
        }
    }
    if (mantissa_digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        size_t exponent_digits = 0;
        while (i < s.size() && is_digit(s[i])) {
            ++i;
            ++exponent_digits;
        }
        if (exponent_digits == 0) return false;
    }
    return i == s.size();
}

}   // namespace

NumberParse parse_decimal(std::string_view text, double& out) {
    std::string_view word = text;
    if (!word.empty() && (word[0] == '+' || word[0] == '-')) word.remove_prefix(1);
    if (equals_lower(word, "nan") || equals_lower(word, "inf") || equals_lower(word, "infinity"))
        return NumberParse::not_finite;
    if (text.size() > kMaxNumberChars || !is_decimal_syntax(text)) return NumberParse::not_a_number;
    char buffer[kMaxNumberChars + 1];
    std::memcpy(buffer, text.data(), text.size());
    buffer[text.size()] = '\0';
    char* end = nullptr;
    double value = std::strtod(buffer, &end);
    if (end != buffer + text.size()) return NumberParse::not_a_number;   // e.g. a ',' locale
    if (!std::isfinite(value)) return NumberParse::out_of_range;         // 1e999
    out = value;   // underflow (1e-999) reads as 0 or a subnormal: a range check decides
    return NumberParse::ok;
}

NumberParse parse_whole(std::string_view text, uint64_t max, uint64_t& out) {
    if (text.empty()) return NumberParse::not_a_number;
    uint64_t value = 0;
    bool too_big = false;
    for (char c : text) {
        if (!is_digit(c)) return NumberParse::not_a_number;
        uint64_t digit = static_cast<uint64_t>(c - '0');
        if (value > (max - digit) / 10) too_big = true;   // value * 10 + digit > max
        if (!too_big) value = value * 10 + digit;
    }
    if (too_big) return NumberParse::out_of_range;
    out = value;
    return NumberParse::ok;
}

std::string format_shortest(double x) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
    char buffer[48];
    // 15 digits always read back uniquely for normal doubles; subnormals carry fewer digits.
    int first = std::fabs(x) < DBL_MIN ? 1 : 15;
    for (int precision = first; precision <= 17; ++precision) {
        std::snprintf(buffer, sizeof buffer, "%.*e", precision - 1, x);
        if (std::strtod(buffer, nullptr) == x) break;
    }
    // buffer: [-]d.ddddde[+-]xx -> sign, digits without trailing zeros, decimal exponent
    const char* p = buffer;
    std::string out = (*p == '-') ? "-" : "";
    if (*p == '-') ++p;
    std::string digits;
    for (; *p && *p != 'e'; ++p)
        if (is_digit(*p)) digits += *p;
    int exponent = (*p == 'e') ? std::atoi(p + 1) : 0;
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();

    if (exponent < -4 || exponent >= 16) {   // Python's repr switches to exponent form here
        out += digits[0];
        if (digits.size() > 1) out += "." + digits.substr(1);
        char exp_text[16];
        std::snprintf(exp_text, sizeof exp_text, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
        return out + exp_text;
    }
    if (exponent < 0) return out + "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
    size_t int_digits = static_cast<size_t>(exponent) + 1;
    if (digits.size() <= int_digits) return out + digits + std::string(int_digits - digits.size(), '0') + ".0";
    return out + digits.substr(0, int_digits) + "." + digits.substr(int_digits);
}

std::string quote_for_message(std::string_view text, size_t max_chars) {
    std::string out;
    size_t n = text.size() > max_chars ? max_chars : text.size();
    for (size_t i = 0; i < n; ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        out += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
    }
    if (text.size() > max_chars) out += "...";
    return out;
}

}   // namespace bpl
