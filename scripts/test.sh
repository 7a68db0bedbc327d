#!/usr/bin/env bash
# Install what the tests need, then run them. Used by CI (.ci/run) and by maintainers.
set -euo pipefail
cd "$(dirname "$0")/.."

# LibreOffice and poppler: the PDF tests convert reports and read their pages.
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    libreoffice-writer-nogui poppler-utils fonts-liberation >/dev/null
fi

python -m pip install -q -e ".[test]"
BAOCAO_REQUIRE_SOFFICE=1 python -m pytest -q "$@"
