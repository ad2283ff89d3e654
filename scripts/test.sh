#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need beyond the .NET SDK when it is missing and this user can:
# Debian's python3-numpy (a test reads a model file from Python, as a user would).
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
dotnet test Distributed.sln -c Release "$@"
