#!/usr/bin/env bash
# Shared by scripts/test, scripts/run-demo and scripts/screenshots: install what is missing, configure, build.
set -euo pipefail

GONGDAN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Every Debian 12 package the build, the tests and the demo need. Nothing is downloaded at build time.
GONGDAN_PACKAGES=(
    build-essential cmake ninja-build clang-format pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
    qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev libqt6opengl6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
    qtkeychain-qt6-dev libsodium-dev libxlsxwriter-dev libsqlite3-dev libsimdjson-dev libpq-dev libical-dev python3-yaml
    postgresql-15 dbus dbus-x11 gnome-keyring openssl
    xvfb xauth fonts-noto-cjk
    librsvg2-bin desktop-file-utils appstream # scripts/render-icons; the tests that validate resources/
)

# gongdan_missing_packages [PKG...]: those of the given packages (default: every one above) not installed.
gongdan_missing_packages() {
    local missing=() pkg
    [ $# -gt 0 ] || set -- "${GONGDAN_PACKAGES[@]}"
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    echo "${missing[@]:-}"
}

# gongdan_install_packages [PKG...]: install the given packages (default: every one above) that are missing.
gongdan_install_packages() {
    local missing
    missing="$(gongdan_missing_packages "$@")"
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "Gongdan needs these Debian packages, which are not installed:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $missing" >&2
        echo "Run that command, then run this script again." >&2
        exit 1
    fi
    echo "Installing: $missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing
}

# The Redocly CLI lints docs/api/openapi.yaml (tests/CMakeLists.txt: openapi_lint). From the npm registry,
# with the machine's Node.js and npm, into .cache/ once; GONGDAN_REDOCLY names it for the tests.
GONGDAN_REDOCLY_VERSION=2.37.0
gongdan_install_redocly() {
    local dir="$GONGDAN_ROOT/.cache/redocly-$GONGDAN_REDOCLY_VERSION"
    if [ ! -x "$dir/node_modules/.bin/redocly" ]; then
        command -v npm >/dev/null || gongdan_install_packages nodejs npm
        mkdir -p "$dir"
        npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "@redocly/cli@$GONGDAN_REDOCLY_VERSION" >&2
    fi
    export GONGDAN_REDOCLY="$dir/node_modules/.bin/redocly"
}

# gongdan_build PRESET [TARGET...]: configure and build with the given CMake preset (all targets by default).
gongdan_build() {
    local preset="$1"
    shift
    cd "$GONGDAN_ROOT"
    cmake --preset "$preset" >/dev/null
    if [ $# -gt 0 ]; then
        cmake --build --preset "$preset" -j "$(nproc)" --target "$@"
    else
        cmake --build --preset "$preset" -j "$(nproc)"
    fi
}
