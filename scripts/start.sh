#!/usr/bin/env bash
# Installs and starts CourtDesk on a fresh machine: the embedded server with demo data (unless a
# server is configured) and the app — Electron where its binary exists, otherwise the renderer
# served on 127.0.0.1 with the URL printed for a browser.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm start -- "$@"
