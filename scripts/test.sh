#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need beyond the .NET SDK when it is missing and this user can:
# Debian's python3-numpy (a test reads a model file from Python, as a user would), and Azurite from npm into the
# git-ignored tools/node_modules (the real-process failover test runs silos on Azure Table and Blob emulation), and
# Chromium and playwright-core for the dashboard's browser test.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c "import numpy" 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing python3-numpy (needed by the model-file interoperability test)" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-numpy) >/dev/null
  else
    echo "warning: /usr/bin/python3 with numpy is missing; install python3-numpy or the interop test fails" >&2
  fi
fi
AZURITE_VERSION=3.37.0
if [ ! -x tools/node_modules/.bin/azurite ] || ! grep -q "\"version\": \"$AZURITE_VERSION\"" tools/node_modules/azurite/package.json 2>/dev/null; then
  command -v npm >/dev/null || { echo "error: npm is missing; install Node.js 20+ (the failover test starts Azurite from npm)" >&2; exit 1; }
  echo "installing azurite@$AZURITE_VERSION into tools/node_modules (needed by the real-process failover test)" >&2
  mkdir -p tools
  if ! npm install --prefix tools --no-audit --no-fund --silent --no-save "azurite@$AZURITE_VERSION" >/dev/null 2>tools/npm-install.log; then
    echo "error: npm install azurite@$AZURITE_VERSION failed; see tools/npm-install.log" >&2
    tail -20 tools/npm-install.log >&2
    exit 1
  fi
fi
# The dashboard's browser test drives Debian's Chromium with playwright-core (no browser download), kept in its own
# prefix so that installing one npm package does not prune the other.
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing chromium (needed by the dashboard's browser test)" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
  else
    echo "warning: /usr/bin/chromium is missing; install Debian's chromium or the dashboard's browser test fails" >&2
  fi
fi
PLAYWRIGHT_VERSION=1.57.0
if ! grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" tools/browser/node_modules/playwright-core/package.json 2>/dev/null; then
  command -v npm >/dev/null || { echo "error: npm is missing; install Node.js 20+ (the dashboard's browser test runs playwright-core)" >&2; exit 1; }
  echo "installing playwright-core@$PLAYWRIGHT_VERSION into tools/browser/node_modules (needed by the dashboard's browser test)" >&2
  mkdir -p tools/browser
  if ! npm install --prefix tools/browser --no-audit --no-fund --silent --no-save "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null 2>tools/browser/npm-install.log; then
    echo "error: npm install playwright-core@$PLAYWRIGHT_VERSION failed; see tools/browser/npm-install.log" >&2
    tail -20 tools/browser/npm-install.log >&2
    exit 1
  fi
fi
dotnet test Distributed.sln -c Release "$@"
