// Invariant checks shared by the libFuzzer targets: a broken invariant prints what broke and
// aborts, which libFuzzer reports as a crash with the input that caused it.
#pragma once
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

inline void require(bool ok, const char* what, std::string_view detail = {}) {
    if (ok) return;
    std::fprintf(stderr, "invariant broken: %s\n%.*s\n", what, static_cast<int>(detail.size()), detail.data());
    std::abort();
}

// A refusal's message: one non-empty line of printable ASCII (every front end shows it as
// text) of at most max_chars characters.
inline void check_message(const std::string& error, size_t max_chars) {
    require(!error.empty(), "empty error message");
    require(error.size() <= max_chars, "error message too long", error);
    for (char c : error) {
        auto u = static_cast<unsigned char>(c);
        require(u >= 0x20 && u < 0x7f, "error message holds a control or non-ASCII byte", error);
    }
}
