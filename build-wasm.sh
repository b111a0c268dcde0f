#!/usr/bin/env bash
# Slingshot build driver: setup | build | serve [PORT] | test | dist | bench | fuzz [SECONDS]
# Every subcommand is idempotent; every failure ends with one line "build-wasm.sh: <reason>" and exit 1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/slingshot"
export EM_CACHE="$CACHE/emscripten"
export NODE_PATH=/usr/share/nodejs  # Emscripten 3.1.6's JS optimizer needs Debian's acorn
export EM_FROZEN_CACHE=  # Debian freezes the cache; ours (EM_CACHE) is built once on first use
JOBS="${JOBS:-$(nproc)}"

die() { echo "build-wasm.sh: $*" >&2; exit 1; }
say() { echo "==> $*"; }

# ------------------------------------------------------------------ setup (setup.sh)
# shellcheck source=setup.sh
source "$ROOT/setup.sh"

cmake_common=(-DSLINGSHOT_CACHE="$CACHE" -DIMGUI_DIR="$IMGUI_DIR" -DSDL2_WASM_DIR="$SDL_WASM")

# ------------------------------------------------------------------ build
build_native() {
    say "native build (engine, slingshot-cli, tests, benchmarks) -> build/native"
    # SLINGSHOT_MPI=ON: the test command checks slingshot-cli-mpi, so a missing Open MPI is an error.
    cmake -S "$ROOT" -B "$ROOT/build/native" -DCMAKE_BUILD_TYPE=Release -DSLINGSHOT_MPI=ON "${cmake_common[@]}" >/dev/null \
        || die "native configure failed"
    cmake --build "$ROOT/build/native" -j "$JOBS" || die "native compile failed"
}

# The page's own files beside the engine in dist/.
PAGE_FILES=(index.html engine-pool.js page.js style.css embed-example.html)

build_wasm() {
    say "WebAssembly build -> dist/"
    emcmake cmake -S "$ROOT" -B "$ROOT/build/wasm" -DCMAKE_BUILD_TYPE=Release "${cmake_common[@]}" >/dev/null \
        || die "wasm configure failed"
    cmake --build "$ROOT/build/wasm" -j "$JOBS" || die "wasm compile failed"
    mkdir -p "$ROOT/dist"
    cp "$ROOT/build/wasm/slingshot.js" "$ROOT/build/wasm/slingshot.wasm" "$ROOT/dist/" || die "the wasm build left no page"
    local f
    for f in "${PAGE_FILES[@]}"; do cp "$ROOT/web/$f" "$ROOT/dist/" || die "web/$f is missing"; done
}

print_artefacts() {
    local f
    for f in "$ROOT"/dist/*; do
        printf '    %-28s %9d bytes  (%d gzipped)\n' "dist/$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
    done
    for f in slingshot-cli slingshot_tests; do
        if [ -f "$ROOT/build/native/$f" ]; then printf '    %-28s %9d bytes\n' "build/native/$f" "$(stat -c %s "$ROOT/build/native/$f")"; fi
    done
}

cmd_build() {
    ensure_setup
    build_native
    build_wasm
    print_artefacts
}

# One self-contained file: the wasm inlined into the JS, the JS and CSS inlined into the HTML.
cmd_dist() {
    cmd_build
    say "single-file page -> dist/slingshot.html"
    # The same objects as the page, linked once more with the wasm inside the JS.
    cmake --build "$ROOT/build/wasm" -j "$JOBS" --target slingshot-single || die "single-file link failed"
    node "$ROOT/web/inline.mjs" "$ROOT/web/index.html" "$ROOT/build/wasm/slingshot-single.js" "$ROOT/dist/slingshot.html" \
        || die "inlining the single-file page failed"
    print_artefacts
}

# ------------------------------------------------------------------ serve
cmd_serve() {
    local port="${1:-8000}"
    [[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || die "PORT must be a number in 1..65535, got '$port'"
    if [ ! -f "$ROOT/dist/slingshot.wasm" ] || [ -n "$(find "$ROOT/src" "$ROOT/web" -newer "$ROOT/dist/slingshot.wasm" -print -quit)" ]; then
        cmd_build
    fi
    say "serving dist/ at http://127.0.0.1:$port/  (Ctrl-C stops)"
    exec node "$ROOT/tests/browser/serve.mjs" "$ROOT/dist" "$port"
}

# ------------------------------------------------------------------ test
# Each suite adds to PASSED / FAILED; a suite that leaves no summary counts as one failure.
ARTIFACTS="$ROOT/build/test-artifacts"

# ctest in build dir $1, its log as $ARTIFACTS/$2.log, the lines that matter shown; counts from
# its "N% tests passed, M tests failed out of T" line.
run_ctest() {
    local dir="$1" name="$2" log="$ARTIFACTS/$2.log" n total m
    (cd "$dir" && ctest --output-on-failure -j "$JOBS") 2>&1 | tee "$log" \
        | grep -E '(Failed|\*\*\*|tests passed|runtime error|ERROR: AddressSanitizer)' || true
    n=$(sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\2 \1/p' "$log" | tail -1)
    if [ -z "$n" ]; then FAILED=$((FAILED + 1)); echo "$name produced no summary"; return; fi
    read -r total m <<<"$n"
    PASSED=$((PASSED + total - m)) FAILED=$((FAILED + m))
}

# node's test runner on files $3… (paths) from dir $1: spec output on the terminal and in $ARTIFACTS/$2.log,
# counts from the "# pass" / "# fail" lines of its TAP report $ARTIFACTS/$2.tap.
run_node_tests() {
    local dir="$1" name="$2" tap="$ARTIFACTS/$2.tap" n m
    shift 2
    rm -f "$tap"
    (cd "$dir" && node --test --test-reporter=spec --test-reporter-destination=stdout \
        --test-reporter=tap --test-reporter-destination="$tap" "$@") 2>&1 | tee "$ARTIFACTS/$name.log" || true
    [ -f "$tap" ] || { FAILED=$((FAILED + 1)); echo "$name produced no summary"; return; }
    n=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$tap" | tail -1)
    m=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$tap" | tail -1)
    if [ -z "$n" ]; then FAILED=$((FAILED + 1)); echo "$name produced no summary"; return; fi
    PASSED=$((PASSED + n)) FAILED=$((FAILED + ${m:-0}))
}

cmd_test() {
    PASSED=0 FAILED=0
    cmd_dist  # the build plus dist/slingshot.html, which the browser tests open from file://
    mkdir -p "$ARTIFACTS"

    say "sanitizer and fuzz builds started at the lowest CPU priority, beside the tests (logs: $ARTIFACTS/*-build.log)"
    start_background_builds

    say "native tests (ctest)"
    run_ctest "$ROOT/build/native" ctest

    say "browser tests (headless Chromium)"
    run_node_tests "$ROOT/tests/browser" browser "$ROOT"/tests/browser/*.test.mjs

    say "determinism: native engine vs wasm engine under node"
    run_node_tests "$ROOT/tests/determinism" determinism "$ROOT/tests/determinism/compare.mjs"

    say "waiting for the sanitizer and fuzz builds"
    wait "$BACKGROUND_BUILDS" || true

    say "sanitizer tests (ASan + UBSan, ctest in build/native-asan)"
    if background_build_ok asan; then run_ctest "$ROOT/build/native-asan" ctest-asan
    else FAILED=$((FAILED + 1)); echo "the sanitizer build failed"; fi

    say "fuzzing (libFuzzer, ${FUZZ_TEST_SECONDS:-20} s in total)"
    if background_build_ok fuzz; then
        run_fuzzers "${FUZZ_TEST_SECONDS:-20}" || true
        PASSED=$((PASSED + FUZZ_PASSED)) FAILED=$((FAILED + FUZZ_FAILED))
    else FAILED=$((FAILED + 1)); echo "fuzz targets did not build"; fi

    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ]
}

# ------------------------------------------------------------------ sanitizers and fuzzing
# The native suite under ASan + UBSan (the native-asan preset; UB aborts the test). It and the fuzz
# build compile at -O1 with line tables only (-g1): half the compile time of -O2 -g, and reports
# still name file and line.
build_asan() {
    (cd "$ROOT" && cmake --preset native-asan "${cmake_common[@]}" >/dev/null) || { echo "native-asan configure failed"; return 1; }
    cmake --build "$ROOT/build/native-asan" -j "$JOBS" || { echo "native-asan compile failed"; return 1; }
}

# The sanitizer and fuzz builds in one background job at nice 19, while the native, browser and
# determinism tests run: those leave the cores mostly idle (the browser tests wait on frames), and the
# builds take only what the tests leave. Each build's output goes to $ARTIFACTS/NAME-build.log and
# its exit status to $ARTIFACTS/NAME-build.status.
start_background_builds() {
    rm -f "$ARTIFACTS"/asan-build.status "$ARTIFACTS"/fuzz-build.status
    (
        renice -n 19 -p "$BASHPID" >/dev/null 2>&1 || true
        if build_asan >"$ARTIFACTS/asan-build.log" 2>&1; then echo 0; else echo 1; fi >"$ARTIFACTS/asan-build.status"
        if build_fuzz >"$ARTIFACTS/fuzz-build.log" 2>&1; then echo 0; else echo 1; fi >"$ARTIFACTS/fuzz-build.status"
    ) &
    BACKGROUND_BUILDS=$!
}

# Whether background build NAME succeeded; if not, the end of its log.
background_build_ok() {
    [ "$(cat "$ARTIFACTS/$1-build.status" 2>/dev/null)" = 0 ] && return 0
    tail -20 "$ARTIFACTS/$1-build.log" 2>/dev/null
    return 1
}

# libFuzzer targets (tests/fuzz/fuzz_*.cpp) with Debian's clang, into build/fuzz.
build_fuzz() {
    command -v clang++ >/dev/null || { echo "clang++ not found (./build-wasm.sh setup installs it)"; return 1; }
    cmake -S "$ROOT" -B "$ROOT/build/fuzz" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DSLINGSHOT_FUZZ=ON "${cmake_common[@]}" >/dev/null || { echo "fuzz configure failed"; return 1; }
    cmake --build "$ROOT/build/fuzz" -j "$JOBS" --target fuzz_targets || { echo "fuzz compile failed"; return 1; }
}

# Runs every target for an equal share of SECONDS from its seed corpus (tests/fuzz/corpus/NAME) plus
# what earlier runs found (build/fuzz/corpus/NAME), with the dictionary tests/fuzz/params.dict. Sets FUZZ_PASSED / FUZZ_FAILED (one per target);
# a crash, leak, sanitizer report or timeout (10 s per input) is a failure, its input saved under
# build/fuzz/artifacts/. Logs: build/fuzz/logs/NAME.log.
run_fuzzers() {
    local total="$1" bin name share log execs rate targets=()
    FUZZ_PASSED=0 FUZZ_FAILED=0
    for bin in "$ROOT"/build/fuzz/fuzz_*; do [ -x "$bin" ] && targets+=("$bin"); done
    [ "${#targets[@]}" -gt 0 ] || { echo "no fuzz targets in build/fuzz"; FUZZ_FAILED=1; return 1; }
    share=$(( total / ${#targets[@]} )); [ "$share" -ge 1 ] || share=1
    mkdir -p "$ROOT/build/fuzz/logs" "$ROOT/build/fuzz/artifacts"
    for bin in "${targets[@]}"; do
        name=$(basename "$bin"); name=${name#fuzz_}
        log="$ROOT/build/fuzz/logs/$name.log"
        mkdir -p "$ROOT/build/fuzz/corpus/$name"
        if "$bin" -max_total_time="$share" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 \
               -dict="$ROOT/tests/fuzz/params.dict" \
               -artifact_prefix="$ROOT/build/fuzz/artifacts/$name-" \
               "$ROOT/build/fuzz/corpus/$name" "$ROOT/tests/fuzz/corpus/$name" >"$log" 2>&1; then
            execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
            rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
            echo "    fuzz_$name: ok, ${execs:-?} inputs in ${share} s (${rate:-?}/s)"
            FUZZ_PASSED=$((FUZZ_PASSED + 1))
        else
            echo "    fuzz_$name: FAILED (see $log):"
            grep -E '(ERROR|SUMMARY|runtime error|Test unit written)' "$log" | head -5 | sed 's/^/      /'
            FUZZ_FAILED=$((FUZZ_FAILED + 1))
        fi
    done
    [ "$FUZZ_FAILED" -eq 0 ]
}

cmd_fuzz() {
    local seconds="${1:-60}"
    [[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -ge 1 ] || die "SECONDS must be a positive whole number, got '$seconds'"
    build_fuzz || die "building the fuzz targets failed"
    say "fuzzing for $seconds s in total"
    run_fuzzers "$seconds" || die "$FUZZ_FAILED fuzz target(s) failed (inputs in build/fuzz/artifacts/)"
    echo "$FUZZ_PASSED passed, $FUZZ_FAILED failed"
}

# ------------------------------------------------------------------ bench
# Every benchmark natively and in wasm under node; the simulation workloads also as numpy
# (bench/reference_numpy.py), then one table of medians and ratios (bench/compare.mjs).
cmd_bench() {
    cmd_build  # builds every bench_* target natively
    cmake --build "$ROOT/build/wasm" -j "$JOBS" --target benchmarks || die "the wasm benchmarks did not build"
    local out="$ROOT/build/bench" b name
    mkdir -p "$out"
    say "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    # Native and wasm take turns, three rounds each, so that a change in the machine's load or memory
    # state during the run falls on both sides; compare.mjs takes the median of the rounds' medians.
    local round
    for b in "$ROOT"/build/native/bench_*; do
        [ -x "$b" ] || continue
        name=$(basename "$b")
        : > "$out/native-$name.jsonl"
        : > "$out/wasm-$name.jsonl"
        for round in 1 2 3; do
            say "native $name (round $round of 3)"
            "$b" | tee -a "$out/native-$name.jsonl" || die "native $name failed"
            [ -f "$ROOT/build/wasm/$name.js" ] || continue
            say "wasm/node $name (round $round of 3)"
            node "$ROOT/build/wasm/$name.js" | tee -a "$out/wasm-$name.jsonl" || die "wasm $name failed"
        done
    done
    /usr/bin/python3 -c "import numpy" 2>/dev/null || die "/usr/bin/python3 has no numpy (Debian package python3-numpy; run ./build-wasm.sh setup)"
    say "numpy reference (bench/reference_numpy.py)"
    /usr/bin/python3 "$ROOT/bench/reference_numpy.py" | tee "$out/numpy-simulation.jsonl" || die "bench/reference_numpy.py failed"
    say "simulation: native, wasm and numpy side by side; W2 as whole processes"
    node "$ROOT/bench/compare.mjs" "$out/native-bench_simulation.jsonl" "$out/wasm-bench_simulation.jsonl" \
        "$out/numpy-simulation.jsonl" --w2-process "$ROOT/build/native/bench_simulation" "$ROOT/bench/reference_numpy.py" "$ROOT/build/native/slingshot-cli" \
        | tee "$out/simulation-table.txt" || die "bench/compare.mjs failed"
    say "streamed simulate on 1 and 2 threads and MPI ranks (bench/streamed_parallel.mjs)"
    node "$ROOT/bench/streamed_parallel.mjs" "$ROOT/build/native" | tee "$out/streamed-parallel.txt" \
        || die "bench/streamed_parallel.mjs failed"
}

case "${1:-}" in
    setup) cmd_setup ;;
    build) cmd_build ;;
    serve) shift; cmd_serve "$@" ;;
    test) cmd_test ;;
    dist) cmd_dist ;;
    bench) cmd_bench ;;
    fuzz) shift; cmd_fuzz "$@" ;;
    *) echo "usage: ./build-wasm.sh setup|build|serve [PORT]|test|dist|bench|fuzz [SECONDS]" >&2; exit 2 ;;
esac
