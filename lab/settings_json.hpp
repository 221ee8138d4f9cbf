// The settings table (engine/settings.hpp) and the JS API's limits, written out for the page's
// JavaScript (settings.js, loaded before bridge.js) and for the README's URL table. The build
// generates settings.js with cli/settings_table.cpp, so the JS side never retypes a limit.
#pragma once
#include <string>

std::string settings_json();       // {"limits": {...}, "settings": [{key, aliases, ...}, ...]}
std::string settings_js();         // window.__bplSettings = <settings_json()>;
std::string settings_markdown();   // the README's "| key | values |" table, one row per URL key
