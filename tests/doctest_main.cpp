// The one file holding doctest's main; every tests/test_<name>.cpp adds its cases.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
