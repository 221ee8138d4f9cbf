// The "Step through" mode's state (one field of AppState): phase-by-phase play, the values
// shown before the last phase (for easing) and the focus of the formulas.
#pragma once
#include <string>
#include <vector>

struct LearnFocus {       // what the formulas are about; sticky (kept after the pointer leaves)
    int layer = -1;       // engine layer of a neuron or of a connection's target; -1 none
    int unit = 0;         // neuron, or the connection's target unit
    int from_unit = -1;   // >= 0: a connection from this unit of the layer below
};

struct LearnState {
    bool active = false;              // the Step-through layout is shown (URL learn=1)
    bool play_phases = true;          // while active, play advances phases (slow motion) not epochs
    float seconds_per_phase = 0.8f;   // slow-motion pace of play in phase mode
    double next_phase_at = 0.0;       // seconds (session_now) when play runs the next phase
    bool show_cpp = false;            // code panel: C++ engine calls instead of NumPy
    LearnFocus focus;

    // Values before the last phase this mode ran, and when it ran: panels ease from them.
    std::vector<double> prev_z, prev_a, prev_delta, prev_grads, prev_params;
    std::vector<double> params_before_update;   // params right before the last update phase we ran
    std::vector<double> params_after_update;    // and right after it (the copy is current while equal)
    double changed_at = -10.0;
};
