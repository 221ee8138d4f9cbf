// Calls from C++ into the page's JavaScript (site/bridge.js defines window.__bplHost). Every call
// is a no-op when the bridge is missing, so the WASM never depends on the page around it.
#pragma once
#include <cstdint>
#include <string>
#include "session_host.hpp"

// The lab's host (performance.now, state reports, clipboard, new tab, crypto seed): AppState::host.
SessionHost& page_session_host();

void host_started();                               // resolves backpropLab.ready: the API answers
void host_frame_drawn();                           // the first frame: the loader goes
void host_guest_attach();                          // site/guest.js starts its reports (bpl_set_*)
std::string host_location_search();                // the page's ?query (without the '?')
void host_replace_url(const std::string& query);   // history.replaceState with ?query
