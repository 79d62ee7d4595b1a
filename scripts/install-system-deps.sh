#!/usr/bin/env bash
# Debian packages the tests and screenshots need: Chromium (Playwright drives it), CJK fonts
# (Chinese text in screenshots and PDFs), Xvfb (a real window for the Electron suite), poppler
# (pdftoppm, pdfinfo, pdftotext), LibreOffice Writer (converts the generated .docx to PDF).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'noto.*cjk' || need+=(fonts-noto-cjk)
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages present: chromium, fonts-noto-cjk, xvfb, poppler-utils, libreoffice-writer"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
echo "installing: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
