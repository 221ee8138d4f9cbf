// The update's effect on the batch loss, measured with network_eval on copies of the weights.
#include "before_after.hpp"
#include "losses.hpp"
#include "trainer.hpp"
#include "optimizer.hpp"

namespace {

double batch_loss(const bpl::Network& net, int row0, int rows) {
    double sum = 0.0;
    for (int r = row0; r < row0 + rows; ++r) {
        double out = bpl::network_eval(net, net.x[2 * size_t(r)], net.x[2 * size_t(r) + 1]);
        sum += bpl::loss_sample(net.config.loss, out, net.y[size_t(r)]);
    }
    return sum / rows + bpl::network_penalty(net);
}

void set_rows(BeforeAfter& ba, const bpl::Network& net, int batch) {
    ba.batch = batch;
    ba.rows = bpl::batch_rows_at(net, batch, &ba.row0);
}

}   // namespace

BeforeAfter update_before_after(const bpl::Network& net) {
    BeforeAfter ba;
    const int update = bpl::phase_count(net) - 1;
    if (net.phase == update) {   // gradients are ready: show what the coming step will do
        ba.pending = true;
        ba.epoch = net.epoch;
        set_rows(ba, net, net.batch_index);
        bpl::Network copy = net;
        bpl::parameters_update(copy);
        ba.before = batch_loss(net, ba.row0, ba.rows);
        ba.after = batch_loss(copy, ba.row0, ba.rows);
        ba.valid = true;
        return ba;
    }
    if (net.phase != 0 || (net.epoch == 0 && net.batch_index == 0)) return ba;   // mid batch or nothing yet
    // The last phase that ran was an update: undo its step on a copy for "before".
    const int batches = bpl::batches_per_epoch(net);
    const bool wrapped = net.batch_index == 0;
    ba.epoch = wrapped ? net.epoch - 1 : net.epoch;
    set_rows(ba, net, wrapped ? batches - 1 : net.batch_index - 1);
    bool any_step = false;
    for (double s : net.last_step) any_step = any_step || s != 0.0;
    if (!any_step) return ba;   // rewound or restored: the last step is not known
    bpl::Network copy = net;
    for (size_t i = 0; i < copy.param_count; ++i) copy.params[i] -= copy.last_step[i];
    ba.before = batch_loss(copy, ba.row0, ba.rows);
    ba.after = batch_loss(net, ba.row0, ba.rows);
    ba.valid = true;
    return ba;
}
