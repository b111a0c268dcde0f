#!/usr/bin/env bash
# Slingshot build driver: setup | build | serve [PORT] | test | dist | bench | fuzz [SECONDS]
# Every subcommand is idempotent; every failure ends with one line "build-wasm.sh: <reason>" and exit 1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/slingshot"
export EM_CACHE="$CACHE/emscripten"
export NODE_PATH=/usr/share/nodejs  # Emscripten 3.1.6's JS optimizer needs Debian's acorn
export EM_FROZEN_CACHE=  # Debian freezes the cache; ours (EM_CACHE) is built once on first use
# Debian source packages compiled for the page: the tested revision when the archive still has it,
# otherwise the newest of the same minor series (announced). Folders are named by series.
IMGUI_PKG=imgui IMGUI_PINNED=1.90.1+ds-1 IMGUI_SERIES=1.90
SDL_PKG=libsdl2 SDL_PINNED=2.26.5+dfsg-1 SDL_SERIES=2.26
IMGUI_DIR="$CACHE/src/imgui-$IMGUI_SERIES"
SDL_SRC="$CACHE/src/sdl2-$SDL_SERIES"
SDL_WASM="$CACHE/sdl2-wasm-$SDL_SERIES"
DEB_PACKAGES=(emscripten cmake g++ make libeigen3-dev nlohmann-json3-dev libcli11-dev catch2
              chromium fonts-dejavu-core clang libclang-rt-14-dev python3-numpy)
NODE_MIN_MAJOR=18  # Debian 12's nodejs is 18.20; the browser-test tools in the lockfile support 18 and newer
JOBS="${JOBS:-$(nproc)}"

die() { echo "build-wasm.sh: $*" >&2; exit 1; }
say() { echo "==> $*"; }

cmake_common=(-DSLINGSHOT_CACHE="$CACHE" -DIMGUI_DIR="$IMGUI_DIR" -DSDL2_WASM_DIR="$SDL_WASM")

# ------------------------------------------------------------------ setup
missing_packages() {
    local p
    for p in "${DEB_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
    done
    # node and npm may come from another Debian-compatible source already; only install if absent
    command -v node >/dev/null || echo nodejs
    command -v npm >/dev/null || echo npm
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
    else die "need root (or password-less sudo) to install Debian packages: $*"; fi
}

install_packages() {
    local missing
    missing=$(missing_packages | tr '\n' ' ')
    [ -z "${missing// /}" ] && return 0
    say "installing Debian packages: $missing"
    as_root apt-get update -qq >/dev/null 2>&1 || die "apt-get update failed (no network to Debian's mirrors?)"
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >"$CACHE/apt-install.log" 2>&1 \
        || die "apt-get install failed for: $missing (see $CACHE/apt-install.log)"
}

# The Debian archive this machine installs bookworm from, as "URI<TAB>keyring" lines, read from its
# apt sources in either layout (deb822 *.sources, one-line sources.list / *.list) and any spacing.
debian_archives() {
    local f
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk 'BEGIN { RS = ""; FS = "\n" }
             { types = uris = suites = signed = ""
               for (i = 1; i <= NF; i++) {
                   if ($i ~ /^[ \t]*#/ || !match($i, /^[A-Za-z-]+:/)) continue
                   key = tolower(substr($i, 1, RLENGTH - 1)); val = substr($i, RLENGTH + 1)
                   gsub(/^[ \t]+|[ \t]+$/, "", val)
                   if (key == "types") types = val; else if (key == "uris") uris = val
                   else if (key == "suites") suites = val; else if (key == "signed-by") signed = val
               }
               if ((" " types " ") ~ /[ \t]deb[ \t]/ && (" " suites " ") ~ /[ \t]bookworm[ \t]/) {
                   n = split(uris, u, /[ \t]+/); for (j = 1; j <= n; j++) print u[j] "\t" signed
               } }' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        awk '$1 == "deb" { i = 2; opts = ""
                 if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) { opts = opts " " $i; i++ }; opts = opts " " $i; i++ }
                 if ($(i + 1) == "bookworm") { signed = ""
                     if (match(opts, /signed-by=[^] \t]+/)) signed = substr(opts, RSTART + 10, RLENGTH - 10)
                     print $i "\t" signed } }' "$f"
    done
}

# A private apt configuration (the system's own sources stay untouched) with the deb-src lists of
# bookworm and trixie (ImGui 1.90 is in trixie) from the same archive.
APT_PRIVATE=(-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$CACHE/apt/sources.list.d"
             -o Dir::State::Lists="$CACHE/apt/lists" -o Dir::Cache="$CACHE/apt/cache" -o Debug::NoLocking=1)
prepare_source_lists() {
    local d="$CACHE/apt" uri keyring
    mkdir -p "$d/sources.list.d" "$d/lists/partial" "$d/cache/archives/partial"
    IFS=$'\t' read -r uri keyring < <(debian_archives | head -1) || true
    [ -n "${uri:-}" ] || die "found no Debian archive for bookworm in /etc/apt/sources.list or /etc/apt/sources.list.d/ (need a 'deb URI bookworm main' entry to fetch ImGui and SDL2 sources from)"
    [ -n "$keyring" ] && [ -f "$keyring" ] || keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    rm -f "$d/sources.list.d/"*
    { echo "Types: deb-src"; echo "URIs: $uri"; echo "Suites: bookworm trixie"; echo "Components: main"
      [ -f "$keyring" ] && echo "Signed-By: $keyring"; } >"$d/sources.list.d/slingshot-src.sources"
    say "source lists from $uri (bookworm, trixie)"
    apt-get "${APT_PRIVATE[@]}" update -qq >"$CACHE/apt-src.log" 2>&1 \
        || die "apt-get update of the source lists failed (no network to $uri? see $CACHE/apt-src.log)"
}

# The version of source package $1 to fetch: $2 (tested) when the archive has it, else the newest
# $3.x it has, announced; none of the series is an error that lists what there is.
pick_source_version() {
    local pkg="$1" pinned="$2" series="$3" versions v best=""
    versions=$(apt-cache "${APT_PRIVATE[@]}" showsrc "$pkg" 2>/dev/null | sed -n 's/^Version: //p' | sort -u)
    if grep -qxF "$pinned" <<<"$versions"; then echo "$pinned"; return 0; fi
    for v in $versions; do
        [[ "$v" == "$series".* ]] || continue
        if [ -z "$best" ] || dpkg --compare-versions "$v" gt "$best"; then best="$v"; fi
    done
    [ -n "$best" ] || die "the archive has no $pkg $series.x source (tested: $pinned; it has: $(echo $versions))"
    echo "build-wasm.sh: $pkg $pinned (tested) is no longer in the archive; using $best of the same series" >&2
    echo "$best"
}

fetch_sources() {
    [ -f "$IMGUI_DIR/imgui.cpp" ] && [ -f "$SDL_SRC/CMakeLists.txt" ] && return 0
    prepare_source_lists
    local imgui_v sdl_v work
    imgui_v=$(pick_source_version "$IMGUI_PKG" "$IMGUI_PINNED" "$IMGUI_SERIES")
    sdl_v=$(pick_source_version "$SDL_PKG" "$SDL_PINNED" "$SDL_SERIES")
    say "fetching Dear ImGui $imgui_v and SDL2 $sdl_v sources from Debian"
    work=$(mktemp -d "$CACHE/fetch.XXXXXX")
    (cd "$work" && apt-get "${APT_PRIVATE[@]}" source --download-only "$IMGUI_PKG=$imgui_v" "$SDL_PKG=$sdl_v" >>"$CACHE/apt-src.log" 2>&1) \
        || die "apt-get source failed for $IMGUI_PKG=$imgui_v $SDL_PKG=$sdl_v (see $CACHE/apt-src.log)"
    rm -rf "$IMGUI_DIR" "$SDL_SRC" "$SDL_WASM"
    mkdir -p "$IMGUI_DIR" "$SDL_SRC"
    tar xf "$work"/imgui_*.orig.tar.* -C "$IMGUI_DIR" --strip-components=1 || die "cannot unpack the ImGui source"
    tar xf "$work"/libsdl2_*.orig.tar.* -C "$SDL_SRC" --strip-components=1 || die "cannot unpack the SDL2 source"
    rm -rf "$work"
    [ -f "$IMGUI_DIR/imgui.cpp" ] || die "the ImGui source has no imgui.cpp"
    echo "$imgui_v" >"$IMGUI_DIR/.debian-version"
    echo "$sdl_v" >"$SDL_SRC/.debian-version"
}

# SDL2 for WebAssembly, once per fetched source (Emscripten's -sUSE_SDL=2 would download it: not
# possible here). Only what the page uses: video and events with the Emscripten backend, timers,
# GL loading; no audio, renderer, joystick, haptic, sensor, power, locale or threads.
SDL_WASM_OPTIONS=(-DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_AUDIO=OFF -DSDL_RENDER=OFF
                  -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_HIDAPI=OFF -DSDL_SENSOR=OFF -DSDL_POWER=OFF
                  -DSDL_LOCALE=OFF -DSDL_MISC=OFF -DSDL_FILESYSTEM=OFF -DSDL_THREADS=OFF)
build_sdl_wasm() {
    [ -f "$SDL_WASM/lib/libSDL2.a" ] && return 0
    say "building SDL2 $(cat "$SDL_SRC/.debian-version" 2>/dev/null) for WebAssembly (once; video and events only)"
    local b="$CACHE/build/sdl2-wasm"
    rm -rf "$b"
    # Its ~160 configure checks compile without linking (STATIC_LIBRARY): the same SDL_config.h as
    # with linking (compared for 2.26.5), in 93 s instead of 117 s here.
    emcmake cmake -S "$SDL_SRC" -B "$b" -DCMAKE_BUILD_TYPE=Release -DCMAKE_TRY_COMPILE_TARGET_TYPE=STATIC_LIBRARY "${SDL_WASM_OPTIONS[@]}" \
        -DCMAKE_INSTALL_PREFIX="$SDL_WASM" >"$CACHE/sdl2-wasm.log" 2>&1 \
        || die "configuring SDL2 for wasm failed (see $CACHE/sdl2-wasm.log)"
    cmake --build "$b" -j "$JOBS" >>"$CACHE/sdl2-wasm.log" 2>&1 || die "building SDL2 for wasm failed (see $CACHE/sdl2-wasm.log)"
    cmake --install "$b" >>"$CACHE/sdl2-wasm.log" 2>&1 || die "installing SDL2 for wasm failed (see $CACHE/sdl2-wasm.log)"
}

# Node runs the browser tests, the determinism check and Emscripten's tools.
check_node() {
    local v major
    v=$(node --version 2>/dev/null) || die "node not found after installing Debian's nodejs"
    major=${v#v}; major=${major%%.*}
    [[ "$major" =~ ^[0-9]+$ ]] && [ "$major" -ge "$NODE_MIN_MAJOR" ] \
        || die "node $v is too old: the tests need Node.js $NODE_MIN_MAJOR or newer (Debian 12's nodejs package is 18.20)"
}

# The installed playwright-core is the one the lockfile pins (a checkout may hold an older install).
browser_tools_current() {
    local want have
    want=$(sed -n 's/.*"playwright-core": "\([^"]*\)".*/\1/p' "$ROOT/tests/browser/package.json" | head -1)
    have=$(sed -n 's/^  "version": "\([^"]*\)".*/\1/p' "$ROOT/tests/browser/node_modules/playwright-core/package.json" 2>/dev/null | head -1)
    [ -n "$want" ] && [ "$want" = "$have" ]
}

install_browser_tools() {
    browser_tools_current && return 0
    say "installing browser-test tools (npm ci, from the committed lockfile)"
    if ! (cd "$ROOT/tests/browser" && npm ci --no-audit --no-fund >"$CACHE/npm.log" 2>&1); then
        die "npm ci failed in tests/browser: $(grep -m1 -E 'npm ERR! (request|code)' "$CACHE/npm.log" | sed 's/^npm ERR! //') (no network to the npm registry, or a certificate it does not trust? see $CACHE/npm.log)"
    fi
}

setup_needed() {
    [ -n "$(missing_packages)" ] || [ ! -f "$IMGUI_DIR/imgui.cpp" ] || [ ! -f "$SDL_WASM/lib/libSDL2.a" ] \
        || ! browser_tools_current
}

cmd_setup() {
    mkdir -p "$CACHE" "$EM_CACHE" || die "cannot create cache folder $CACHE"
    local t0=$SECONDS
    install_packages
    check_node
    fetch_sources
    build_sdl_wasm
    install_browser_tools
    say "setup complete in $((SECONDS - t0)) s (cache: $CACHE)"
}

ensure_setup() { if setup_needed; then cmd_setup; else check_node; fi; }

# ------------------------------------------------------------------ build
build_native() {
    say "native build (engine, slingshot-cli, tests, benchmarks) -> build/native"
    cmake -S "$ROOT" -B "$ROOT/build/native" -DCMAKE_BUILD_TYPE=Release "${cmake_common[@]}" >/dev/null \
        || die "native configure failed"
    cmake --build "$ROOT/build/native" -j "$JOBS" || die "native compile failed"
}

build_wasm() {
    say "WebAssembly build -> dist/"
    emcmake cmake -S "$ROOT" -B "$ROOT/build/wasm" -DCMAKE_BUILD_TYPE=Release "${cmake_common[@]}" \
        -DSLINGSHOT_SINGLE_FILE="${1:-OFF}" >/dev/null || die "wasm configure failed"
    cmake --build "$ROOT/build/wasm" -j "$JOBS" || die "wasm compile failed"
    mkdir -p "$ROOT/dist"
    cp "$ROOT/build/wasm/slingshot.js" "$ROOT/build/wasm/slingshot.wasm" "$ROOT/dist/"
    cp "$ROOT"/web/index.html "$ROOT"/web/*.css "$ROOT"/web/*.js "$ROOT/dist/" 2>/dev/null || true
    [ -f "$ROOT/web/embed-example.html" ] && cp "$ROOT/web/embed-example.html" "$ROOT/dist/"
    return 0
}

print_artefacts() {
    local f
    for f in "$ROOT"/dist/*; do
        printf '    %-28s %9d bytes  (%d gzipped)\n' "dist/$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
    done
    for f in slingshot-cli slingshot_tests; do
        [ -f "$ROOT/build/native/$f" ] && printf '    %-28s %9d bytes\n' "build/native/$f" "$(stat -c %s "$ROOT/build/native/$f")"
    done
}

cmd_build() {
    ensure_setup
    build_native
    build_wasm OFF
    print_artefacts
}

# One self-contained file: the wasm inlined into the JS, the JS and CSS inlined into the HTML.
cmd_dist() {
    cmd_build
    say "single-file page -> dist/slingshot.html"
    emcmake cmake -S "$ROOT" -B "$ROOT/build/wasm-single" -DCMAKE_BUILD_TYPE=Release "${cmake_common[@]}" \
        -DSLINGSHOT_SINGLE_FILE=ON >/dev/null || die "single-file configure failed"
    cmake --build "$ROOT/build/wasm-single" -j "$JOBS" --target slingshot || die "single-file compile failed"
    node "$ROOT/web/inline.mjs" "$ROOT/web/index.html" "$ROOT/build/wasm-single/slingshot.js" "$ROOT/dist/slingshot.html" \
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
cmd_test() {
    local passed=0 failed=0 log n m
    cmd_dist  # the build plus dist/slingshot.html, which the browser tests open from file://
    mkdir -p "$ROOT/build/test-artifacts"

    say "native tests (ctest)"
    log="$ROOT/build/test-artifacts/ctest.log"
    (cd "$ROOT/build/native" && ctest --output-on-failure -j "$JOBS") 2>&1 | tee "$log" | grep -E '(Failed|\*\*\*|tests passed)' || true
    n=$(sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\2 \1/p' "$log" | tail -1)
    if [ -z "$n" ]; then failed=$((failed + 1)); echo "ctest produced no summary"; else
        read -r total m <<<"$n"; passed=$((passed + total - m)); failed=$((failed + m)); fi

    say "browser tests (headless Chromium)"
    log="$ROOT/build/test-artifacts/browser.log"
    (cd "$ROOT/tests/browser" && node --test --test-reporter=spec --test-reporter-destination=stdout \
        --test-reporter=tap --test-reporter-destination="$ROOT/build/test-artifacts/browser.tap" ./*.test.mjs) 2>&1 | tee "$log" || true
    n=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$ROOT/build/test-artifacts/browser.tap" 2>/dev/null | tail -1)
    m=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$ROOT/build/test-artifacts/browser.tap" 2>/dev/null | tail -1)
    if [ -z "$n" ]; then failed=$((failed + 1)); echo "browser tests produced no summary"; else
        passed=$((passed + n)); failed=$((failed + ${m:-0})); fi

    say "sanitizer tests (ASan + UBSan, ctest in build/native-asan)"
    log="$ROOT/build/test-artifacts/ctest-asan.log"
    if build_asan; then
        (cd "$ROOT/build/native-asan" && ctest --output-on-failure -j "$JOBS") 2>&1 | tee "$log" \
            | grep -E '(Failed|\*\*\*|tests passed|runtime error|ERROR: AddressSanitizer)' || true
        n=$(sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\2 \1/p' "$log" | tail -1)
    else n=""; fi
    if [ -z "$n" ]; then failed=$((failed + 1)); echo "sanitizer ctest produced no summary"; else
        read -r total m <<<"$n"; passed=$((passed + total - m)); failed=$((failed + m)); fi

    say "determinism: native engine vs wasm engine under node"
    log="$ROOT/build/test-artifacts/determinism.log"
    node --test --test-reporter=spec --test-reporter-destination=stdout \
        --test-reporter=tap --test-reporter-destination="$ROOT/build/test-artifacts/determinism.tap" \
        "$ROOT/tests/determinism/compare.mjs" 2>&1 | tee "$log" || true
    n=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$ROOT/build/test-artifacts/determinism.tap" 2>/dev/null | tail -1)
    m=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$ROOT/build/test-artifacts/determinism.tap" 2>/dev/null | tail -1)
    if [ -z "$n" ]; then failed=$((failed + 1)); echo "determinism test produced no summary"; else
        passed=$((passed + n)); failed=$((failed + ${m:-0})); fi

    say "fuzzing (libFuzzer, ${FUZZ_TEST_SECONDS:-20} s in total)"
    if build_fuzz; then
        run_fuzzers "${FUZZ_TEST_SECONDS:-20}" || true
        passed=$((passed + FUZZ_PASSED)); failed=$((failed + FUZZ_FAILED))
    else failed=$((failed + 1)); echo "fuzz targets did not build"; fi

    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

# ------------------------------------------------------------------ sanitizers and fuzzing
# The native suite under ASan + UBSan (the native-asan preset; UB aborts the test).
build_asan() {
    (cd "$ROOT" && cmake --preset native-asan "${cmake_common[@]}" >/dev/null) || { echo "native-asan configure failed"; return 1; }
    cmake --build "$ROOT/build/native-asan" -j "$JOBS" || { echo "native-asan compile failed"; return 1; }
}

# libFuzzer targets (tests/fuzz/fuzz_*.cpp) with Debian's clang, into build/fuzz.
build_fuzz() {
    command -v clang++ >/dev/null || { echo "clang++ not found (./build-wasm.sh setup installs it)"; return 1; }
    cmake -S "$ROOT" -B "$ROOT/build/fuzz" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DSLINGSHOT_FUZZ=ON "${cmake_common[@]}" >/dev/null || { echo "fuzz configure failed"; return 1; }
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
    cmd_build  # builds every bench_* target natively and, under node, in build/wasm
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
