// Catch2 entry point; keep this file empty of tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
