// Calls from C++ into the page's JavaScript (web/bridge.js defines window.__bplHost). Every call
// is a no-op when the bridge is missing, so the WASM never depends on the page around it.
#pragma once
#include <cstdint>
#include <string>

void host_frame_drawn();                           // resolves backpropLab.ready (first frame)
void host_state_changed(const char* reason);       // "play", "pause", "reset", "params", …
std::string host_location_search();                // the page's ?query (without the '?')
void host_replace_url(const std::string& query);   // history.replaceState with ?query
void host_copy_link(const std::string& query, bool embed_snippet);   // clipboard; reports back
void host_open_full_page(const std::string& query);
uint32_t host_random_seed();
