#!/usr/bin/env bash
# Installs and starts CourtDesk on a fresh machine: the embedded server with demo data (unless a
# server is configured) and the app — Electron where its binary exists, otherwise the renderer
# served on 127.0.0.1 with the URL printed for a browser.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! npm ci --no-audit --no-fund; then
  # Most often Electron's postinstall could not download its binary (a closed network).
  echo "npm ci failed; retrying without the Electron binary — CourtDesk will then open in your browser." >&2
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
npm start -- "$@"
