// The optimizer step (optimizer.cpp): plain gradient descent as the reference does it,
// momentum, or Adam, from the gradients of the last backward pass.
#pragma once
#include "network.hpp"

namespace bpl {

// One step from net.grads for every parameter, by net.config's optimizer and learning rate;
// records the change in net.last_step and flags divergence (a non-finite parameter).
void parameters_update(Network& net);

}   // namespace bpl
