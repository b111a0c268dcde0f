// One dispatcher call from the command line: run_query COMMAND 'JSON ARGS' prints queryText's
// answer. Built natively and with em++ for node, so tests/determinism/compare.mjs can compare the
// native engine with the wasm engine on the same requests.
#include "query/query.h"

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::fprintf(stderr, "usage: run_query COMMAND ['JSON ARGS']\n");
        return 2;
    }
    const std::string answer = slingshot::queryText(argv[1], argc == 3 ? argv[2] : "");
    std::printf("%s\n", answer.c_str());
    return answer.rfind("{\"error\"", 0) == 0 ? 1 : 0;
}
