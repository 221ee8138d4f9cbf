// JSON text for the JS bridge: strings escaped so the output is always valid JSON and safe to
// embed anywhere (<, >, & and the line separators as \u escapes); non-finite numbers are null.
#pragma once
#include <string>
#include <string_view>

std::string json_string(std::string_view text);
std::string json_number(double value);
std::string json_bool(bool value);
