// number_text.cpp: strict decimal and whole-number parsing, Python-repr formatting, and the
// capped echo used in messages.
#include <doctest/doctest.h>

#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include "number_text.hpp"

using bpl::NumberParse;

TEST_CASE("parse_decimal accepts decimal numbers only") {
    double x = -1.0;
    CHECK(bpl::parse_decimal("0.1", x) == NumberParse::ok);
    CHECK(x == 0.1);
    CHECK(bpl::parse_decimal("-2.5e-3", x) == NumberParse::ok);
    CHECK(x == doctest::Approx(-2.5e-3));
    CHECK(bpl::parse_decimal("+7", x) == NumberParse::ok);
    CHECK(bpl::parse_decimal(".5", x) == NumberParse::ok);
    CHECK(x == 0.5);
    CHECK(bpl::parse_decimal("5.", x) == NumberParse::ok);
    CHECK(bpl::parse_decimal("1E2", x) == NumberParse::ok);
    CHECK(x == 100.0);
    CHECK(bpl::parse_decimal("1e-999", x) == NumberParse::ok);   // underflow: a range check decides
    CHECK(x == 0.0);

    const char* junk[] = {"", "abc", "4x", " 1", "1 ", "0x10", "1e", "e5", ".", "-", "1,5", "1..2", "--1", "1e+"};
    for (const char* text : junk) {
        INFO(std::string(text));
        x = 42.0;
        CHECK(bpl::parse_decimal(text, x) == NumberParse::not_a_number);
        CHECK(x == 42.0);
    }
    for (const char* text : {"nan", "NaN", "-nan", "inf", "+Inf", "-infinity", "INFINITY"})
        CHECK(bpl::parse_decimal(text, x) == NumberParse::not_finite);
    CHECK(bpl::parse_decimal("1e999", x) == NumberParse::out_of_range);
    CHECK(bpl::parse_decimal("-1e400", x) == NumberParse::out_of_range);
    CHECK(bpl::parse_decimal(std::string(bpl::kMaxNumberChars + 1, '1'), x) == NumberParse::not_a_number);
    std::string embedded_nul("1\0", 2);
    CHECK(bpl::parse_decimal(embedded_nul, x) == NumberParse::not_a_number);
}

TEST_CASE("parse_whole takes digits up to a maximum") {
    uint64_t n = 0;
    CHECK(bpl::parse_whole("0", 10, n) == NumberParse::ok);
    CHECK(bpl::parse_whole("0010", 10, n) == NumberParse::ok);
    CHECK(n == 10);
    CHECK(bpl::parse_whole("11", 10, n) == NumberParse::out_of_range);
    CHECK(bpl::parse_whole("18446744073709551615", UINT64_MAX, n) == NumberParse::ok);
    CHECK(n == UINT64_MAX);
    CHECK(bpl::parse_whole("18446744073709551616", UINT64_MAX, n) == NumberParse::out_of_range);
    CHECK(bpl::parse_whole(std::string(1000, '9'), 100, n) == NumberParse::out_of_range);
    for (const char* text : {"", "-1", "+1", "1.0", "1e3", " 1", "4x"})
        CHECK(bpl::parse_whole(text, 100, n) == NumberParse::not_a_number);
}

TEST_CASE("format_shortest prints what Python's repr prints") {
    // clang-format off
    const struct { double x; const char* repr; } cases[] = {
        {0.1, "0.1"}, {0.0, "0.0"}, {-0.0, "-0.0"}, {1.0, "1.0"}, {100.0, "100.0"},
        {0.1 + 0.2, "0.30000000000000004"}, {1.0 / 3.0, "0.3333333333333333"},
        {0.0001, "0.0001"}, {0.00001, "1e-05"}, {1.5e-7, "1.5e-07"}, {123.456, "123.456"},
        {1e15, "1000000000000000.0"}, {1e16, "1e+16"}, {1.2345e100, "1.2345e+100"},
        {5e-324, "5e-324"}, {DBL_MAX, "1.7976931348623157e+308"}, {0.2831895890644398, "0.2831895890644398"},
        {0.003526674884663329, "0.003526674884663329"}, {-2.5, "-2.5"},
    };
    // clang-format on
    for (const auto& c : cases) CHECK(bpl::format_shortest(c.x) == c.repr);
    CHECK(bpl::format_shortest(std::nan("")) == "nan");
    CHECK(bpl::format_shortest(-HUGE_VAL) == "-inf");
}

TEST_CASE("format_shortest round-trips") {
    uint64_t state = 88172645463325252ULL;   // xorshift: arbitrary bit patterns
    for (int i = 0; i < 20000; ++i) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        double x;
        static_assert(sizeof x == sizeof state, "64-bit doubles");
        std::memcpy(&x, &state, sizeof x);
        if (!std::isfinite(x)) continue;
        std::string text = bpl::format_shortest(x);
        REQUIRE(std::strtod(text.c_str(), nullptr) == x);
        REQUIRE(text.size() <= 24);
    }
}

TEST_CASE("quote_for_message caps and cleans echoed text") {
    CHECK(bpl::quote_for_message("abc") == "abc");
    CHECK(bpl::quote_for_message(std::string(41, 'x')) == std::string(40, 'x') + "...");
    CHECK(bpl::quote_for_message(std::string(40, 'x')) == std::string(40, 'x'));
    CHECK(bpl::quote_for_message("a\nb\tc\x7f\xc3\xa9") == "a?b?c???");
    CHECK(bpl::quote_for_message("abcdef", 3) == "abc...");
}
