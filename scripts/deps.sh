# SPDX-License-Identifier: MIT
# Sourced by scripts/run and scripts/test: installs the Debian packages the build needs, once.
# Idempotent: only packages that are missing are installed, so a second run costs a dpkg query.

MESH_PACKAGES=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-tools-dev libqt6sql6-sqlite
    libsqlite3-dev libcurl4-openssl-dev libyaml-cpp-dev qtkeychain-qt6-dev
    libgl-dev xvfb xauth sqlite3 curl openssl
    qt6-l10n-tools dpkg-dev desktop-file-utils appstream shared-mime-info
    postgresql-15 libpq-dev
)
# scripts/fuzz only: clang and its libFuzzer/sanitizer runtimes.
MESH_FUZZ_PACKAGES=(clang-14 libclang-rt-14-dev)

mesh_sudo() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

mesh_install_deps() {
    local missing=()
    for p in "${MESH_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "mesh: installing missing packages: ${missing[*]}"
    if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
        echo "mesh: need root or sudo to install: ${missing[*]}" >&2
        return 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    mesh_sudo apt-get update -qq || return 1
    mesh_sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" || return 1
}

mesh_jobs() {
    nproc 2>/dev/null || echo 2
}
