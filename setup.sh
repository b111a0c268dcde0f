# Setup for build-wasm.sh (sourced by it; uses its ROOT, CACHE, die and say): installs what is
# missing on a Debian 12 machine into $CACHE. Debian packages (apt-get install, as root or through
# password-less sudo), the Dear ImGui and SDL2 sources (apt-get source through a private apt
# configuration), SDL2 built for WebAssembly once, and the browser-test tools from the lockfile.
# Every step is skipped when its result is already there.

# Debian source packages compiled for the page: the tested revision when the archive still has it,
# otherwise the newest of the same minor series (announced). Folders are named by series.
IMGUI_PKG=imgui IMGUI_PINNED=1.90.1+ds-1 IMGUI_SERIES=1.90
SDL_PKG=libsdl2 SDL_PINNED=2.26.5+dfsg-1 SDL_SERIES=2.26
IMGUI_DIR="$CACHE/src/imgui-$IMGUI_SERIES"
SDL_SRC="$CACHE/src/sdl2-$SDL_SERIES"
SDL_WASM="$CACHE/sdl2-wasm-$SDL_SERIES-lean"
DEB_PACKAGES=(emscripten cmake g++ make libeigen3-dev nlohmann-json3-dev libcli11-dev catch2
              chromium fonts-dejavu-core clang libclang-rt-14-dev python3-numpy python3-fonttools
              libopenmpi-dev openmpi-bin librsvg2-bin libxml2-utils)
NODE_MIN_MAJOR=18  # Debian 12's nodejs is 18.20; the browser-test tools in the lockfile support 18 and newer
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
# GL loading; no audio, renderer, joystick, haptic, sensor, power, locale or threads. SDL's own
# SDL_LEAN_AND_MEAN leaves out the surface blitters, RLE and YUV code, which only a custom cursor
# would reach (the page uses the browser's cursors): 35 KB less gzipped wasm. Built for size
# (MinSizeRel): SDL's event and window code is not where time goes.
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
    emcmake cmake -S "$SDL_SRC" -B "$b" -DCMAKE_BUILD_TYPE=MinSizeRel -DCMAKE_C_FLAGS=-DSDL_LEAN_AND_MEAN=1 -DCMAKE_TRY_COMPILE_TARGET_TYPE=STATIC_LIBRARY "${SDL_WASM_OPTIONS[@]}" \
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

# Every installed browser-test package (playwright-core, axe-core) is the version package.json pins
# (a checkout may hold an older install).
browser_tools_current() {
    local name want have listed=0
    while read -r name want; do
        listed=1
        have=$(sed -n 's/^  "version": "\([^"]*\)".*/\1/p' "$ROOT/tests/browser/node_modules/$name/package.json" 2>/dev/null | head -1)
        [ -n "$want" ] && [ "$want" = "$have" ] || return 1
    done < <(sed -n '/"devDependencies"/,/}/s/^ *"\([^"]*\)": "\([^"]*\)".*/\1 \2/p' "$ROOT/tests/browser/package.json")
    [ "$listed" = 1 ]
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
