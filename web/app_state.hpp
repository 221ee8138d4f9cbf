// The page's one state: the network being trained and everything the panels show about it.
// Updated then drawn each frame (main.cpp trains epochs_per_frame, then the panels draw).
#pragma once
#include <string>
#include <vector>
#include "config.hpp"
#include "network.hpp"

struct Notice {
    std::string text;      // shown as plain text, never interpreted
    double expires_at;     // seconds (ImGui::GetTime()); <= 0 means until dismissed
};

struct HoverInfo {         // what the pointer is over in the network diagram (-1 = nothing)
    int layer = -1;        // neuron: layer index (-1 input layer = -2 here); connection: target layer
    int unit = -1;         // neuron index within the layer
    int from_unit = -1;    // connection: source unit (>= 0 means a connection is hovered)
};

struct AppState {
    // ---- training ------------------------------------------------------------------
    bpl::Config config;
    bpl::Network net;
    bool running = true;
    int epochs_per_frame = 10;           // 1..10,000
    std::vector<float> loss_history;     // one point per epoch (thinned when long, see loss panel)
    long long loss_history_stride = 1;   // epochs between stored points

    // ---- view ----------------------------------------------------------------------
    int selected_row = 0;                // 0..3 = XOR row 00/01/10/11, -1 = all rows
    bool gradient_view = false;          // diagram shows ∂L/∂w and δ instead of w and a
    bool log_loss_scale = true;
    bool embed = false;                  // compact layout for iframes
    HoverInfo hover;
    std::vector<Notice> notices;

    // ---- network diagram and maps panels (owned by their panel files) ---------------
    std::vector<double> prev_params;     // params before the last update, for Δw display
    double backprop_pulse_time = -1.0;   // start time of the current backward pulse animation

    // ---- page bookkeeping ---------------------------------------------------------
    double fps = 0.0;
    double frame_ms = 0.0;               // time our code spent in the last frame
    bool url_dirty = false;              // settings changed: update the address bar
};
