#!/usr/bin/env bash
# Set up vnadmin-nlp in a virtual environment (.venv) on a machine with only Python 3 and apt.
#   bash scripts/setup.sh            the package and its run-time dependencies
#   bash scripts/setup.sh --dev      also the test dependencies
#   bash scripts/setup.sh --system   also the optional Debian tools: tesseract-ocr-vie (scans), antiword and
#                                    LibreOffice (legacy .doc), poppler-utils; needs root or sudo
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
system=0
for arg in "$@"; do
  case "$arg" in
    --dev) extras="[dev]" ;;
    --system) system=1 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

apt_install() {
  if ! command -v apt-get >/dev/null; then
    echo "setup.sh: apt-get not found; install these packages by hand: $*" >&2
    return 1
  fi
  as_root apt-get update -qq || { echo "setup.sh: apt-get update failed (need root or sudo)" >&2; return 1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@"
}

if ! python3 -c "import venv, ensurepip" >/dev/null 2>&1; then
  pyver=$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
  echo "setup.sh: Python's venv module is missing; installing python3-venv" >&2
  apt_install python3-venv "python${pyver}-venv" || apt_install python3-venv
fi

if [ "$system" -eq 1 ]; then
  missing=()
  command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx vie || missing+=(tesseract-ocr tesseract-ocr-vie)
  command -v antiword >/dev/null || missing+=(antiword)
  command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
  # the converters the tests make Markdown and text copies with (tests/test_variants.py; issue 17)
  for tool in pandoc w3m lynx; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
fi
.venv/bin/python -m pip install -q -e ".${extras}"
echo "setup.sh: ready (.venv/bin/vnadmin-nlp)" >&2
