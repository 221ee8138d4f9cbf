// What the lab (and the panels) need from the page around it: a clock, a way to tell the page
// that the state changed (the JS API's state reports), and the few things only the browser can
// do. The platform passes its own in (web/platform/host.cpp); tests pass one with a clock they
// move by hand.
#pragma once
#include <cstdint>
#include <string>

class SessionHost {
public:
    virtual ~SessionHost() = default;
    virtual double now_ms() const = 0;                    // monotonic milliseconds
    virtual void state_changed(const char* reason) = 0;   // "play", "pause", "reset", "params", …
    virtual void copy_link(const std::string& query, bool embed_snippet) = 0;   // clipboard; reports back
    virtual void open_full_page(const std::string& query) = 0;
    virtual uint32_t random_seed() = 0;
};

// A host for code that runs without a page: steady_clock time, nothing else happens.
SessionHost& quiet_session_host();
