// Building a network inside a test case: fails the case with the engine's message when the
// config is refused.
#pragma once
#include <doctest/doctest.h>

#include <string>
#include "network.hpp"

namespace bpl_test {

inline bpl::Network make_net(const bpl::Config& cfg) {
    bpl::Network net;
    std::string error;
    bool ok = bpl::network_init(net, cfg, error);
    INFO(error);
    REQUIRE(ok);
    return net;
}

}   // namespace bpl_test
