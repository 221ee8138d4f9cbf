// Numbers as text, without locale surprises: strict parsing of decimal numbers and whole
// numbers (config values, JSON), and the shortest round-trip form Python's repr(float) prints.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace bpl {

enum class NumberParse { ok, not_a_number, not_finite, out_of_range };

// Decimal only: optional sign, digits, optional fraction and exponent; the whole text must be
// the number (no spaces, no hex, no "nan"/"inf" — those give not_finite). Values that overflow
// a double give out_of_range. At most kMaxNumberChars characters.
constexpr size_t kMaxNumberChars = 400;
NumberParse parse_decimal(std::string_view text, double& out);
// Digits only (no sign, no spaces), value <= max; leading zeros allowed.
NumberParse parse_whole(std::string_view text, uint64_t max, uint64_t& out);

// The shortest of %.15g / %.16g / %.17g that reads back as x, laid out like Python's
// repr(float): "0.1", "1e-05", "0.0", "1e+16", "nan", "inf", "-inf".
std::string format_shortest(double x);
// For messages: text cut to `max_chars` with "..." and non-printable bytes shown as '?'.
std::string quote_for_message(std::string_view text, size_t max_chars = 40);

}   // namespace bpl
