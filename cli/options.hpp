// xor-train's command line: flags onto config_set keys (the settings table's cli_flag column,
// so the messages and limits are the page's) plus the CLI's own run settings, and --help.
#pragma once
#include <string>
#include <vector>
#include "config.hpp"

enum class OutputFormat { text, csv, json };

constexpr long long kMaxEpochs = 100000000;

struct CliOptions {
    bpl::Config config;
    long long epochs = 10000;
    long long print_every = 1000;
    OutputFormat format = OutputFormat::text;
    std::string init_path;                 // --init: initial weights file instead of seeded draws
    std::string save_path;                 // --save: final weights file
    std::vector<std::string> given_keys;   // settings-table keys set by a flag (canonical spelling)
    bool seed_given = false;
    bool hidden_given = false;
    bool dump_data = false;   // --dump-data: print the generated data as JSON, train nothing
    bool help = false;
};

// Parses argv[1..argc). On error returns false with a one-line message (no "xor-train:" prefix).
// On a point cloud, the settings with a cloud default (the settings table's cloud_default_text)
// that no flag set take that default, as on the page.
bool parse_options(int argc, const char* const* argv, CliOptions& opts, std::string& error);
void print_help(const char* program);
const char* format_name(OutputFormat format);
