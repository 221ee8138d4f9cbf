// xor-train's command line: flags onto config_set keys (shared messages and limits) plus the
// CLI's own run settings, and the --help text.
#pragma once
#include <string>
#include "config.hpp"

enum class OutputFormat { text, csv, json };

constexpr long long kMaxEpochs = 100000000;

struct CliOptions {
    bpl::Config config;
    long long epochs = 10000;
    long long print_every = 1000;
    OutputFormat format = OutputFormat::text;
    std::string init_path;   // --init: initial weights file instead of seeded draws
    std::string save_path;   // --save: final weights file
    bool seed_given = false;
    bool hidden_given = false;
    bool help = false;
};

// Parses argv[1..argc). On error returns false with a one-line message (no "xor-train:" prefix).
bool parse_options(int argc, const char* const* argv, CliOptions& opts, std::string& error);
void print_help(const char* program);
const char* format_name(OutputFormat format);
