#!/usr/bin/env bash
# Install what the tests need, then run them. Used by CI (.ci/run) and by maintainers.
set -euo pipefail
cd "$(dirname "$0")/.."

# LibreOffice and poppler: the PDF tests convert reports and read their pages.
# Chromium: the preview tests load the HTML preview in a real (headless) browser.
# python3-uno: baocao watch --pdf keeps one LibreOffice running and drives it through UNO.
# DejaVu: Vietnamese letters for the signature box of baocao sign (this Liberation Serif lacks some).
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null || ! command -v chromium >/dev/null \
   || ! /usr/bin/python3 -c "import uno" 2>/dev/null || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ]; then
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 \
    libreoffice-writer-nogui python3-uno poppler-utils fonts-liberation fonts-dejavu-core chromium >/dev/null
fi

python -m pip install -q -e ".[test]"
BAOCAO_REQUIRE_SOFFICE=1 BAOCAO_REQUIRE_CHROMIUM=1 python -m pytest -q "$@"
