#!/usr/bin/env bash
# Install what the tests need, then lint, type-check and test. Used by CI (.ci/run) and by maintainers.
# Python packages go into .venv (PEP 668: the system Python of Debian/Ubuntu refuses system-wide installs).
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
APT_UPDATED=""
apt_update() {
  [ -n "$APT_UPDATED" ] || $SUDO apt-get update -qq
  APT_UPDATED=1
}
apt_install() {
  apt_update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 "$@" >/dev/null
}

# LibreOffice and poppler: the PDF tests convert reports and read their pages.
# Chromium: the preview tests load the HTML preview in a real (headless) browser. Debian's package is
# `chromium`; Ubuntu has none of that name: its `chromium-browser` installs the snap.
# python3-uno: baocao watch --pdf keeps one LibreOffice running and drives it through UNO.
# DejaVu: Vietnamese letters for the signature box of baocao sign (this Liberation Serif lacks some).
# Calc: the chart tests compute the charts' label formulas in a spreadsheet set to other locales.
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null \
   || { [ -d /usr/lib/libreoffice/program ] && [ ! -e /usr/lib/libreoffice/program/libsclo.so ]; } \
   || ! { command -v chromium || command -v chromium-browser; } >/dev/null \
   || ! /usr/bin/python3 -c "import uno" 2>/dev/null || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ]; then
  apt_update
  CHROMIUM=$(apt-cache show chromium >/dev/null 2>&1 && echo chromium || echo chromium-browser)
  apt_install libreoffice-writer-nogui libreoffice-calc-nogui python3-uno poppler-utils fonts-liberation fonts-dejavu-core "$CHROMIUM"
fi

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
  FOUND=$("$PYTHON" -c 'import sys; print("Python", sys.version.split()[0])' 2>/dev/null || echo "not found")
  echo "baocao needs Python 3.10 or newer; $PYTHON is $FOUND." >&2
  echo "Install a newer Python, then run: PYTHON=python3.12 bash scripts/test.sh" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv 2>/dev/null || { rm -rf .venv; apt_install python3-venv; "$PYTHON" -m venv .venv; }
fi
.venv/bin/python -m pip install -q -e ".[test]" -c constraints.txt

# The gate: lint and formatting (ruff, configured in pyproject.toml), then types (the package `baocao`
# lives in generator/, so mypy reads it through a link).
.venv/bin/ruff check .
.venv/bin/ruff format --check .
mkdir -p build/typecheck && ln -sfn ../../generator build/typecheck/baocao
MYPYPATH=build/typecheck .venv/bin/mypy -p baocao

BAOCAO_REQUIRE_SOFFICE=1 BAOCAO_REQUIRE_CHROMIUM=1 .venv/bin/python -m pytest -q "$@"
