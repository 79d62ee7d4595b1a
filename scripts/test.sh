#!/usr/bin/env bash
# Installs everything the test suites need on a fresh Debian machine, then runs every test.
# Usage: bash scripts/test.sh        (COUCH_URL=http://admin:pw@host:5984 to also target a real CouchDB)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"
npm ci --no-audit --no-fund
npm test
