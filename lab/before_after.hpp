// Before/after of one gradient-descent update: the loss of the current batch's rows before the
// step and after it, on a copy (the real net is never changed). Shared by the rewind and
// formulas panels.
#pragma once
#include "network.hpp"

struct BeforeAfter {
    bool valid = false;       // false before any update has been computed
    bool pending = false;     // true: the update is the next phase (after = what it will give)
    long long epoch = 0;      // 0-based epoch of that update
    int batch = 0;            // batch within the epoch
    int row0 = 0, rows = 4;   // rows of that batch
    double before = 0.0;      // reported loss (mean over the rows) with the weights before the step
    double after = 0.0;       // … and after it
};

BeforeAfter update_before_after(const bpl::Network& net);
