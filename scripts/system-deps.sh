#!/usr/bin/env bash
# Install the Debian packages PledgeWatch needs (Python venv, WeasyPrint's Pango/HarfBuzz,
# fonts with Cyrillic and currency signs, poppler for reading PDFs back in tests).
# As root: apt-get. With sudo: sudo apt-get. Otherwise: print the exact command and stop.
set -euo pipefail
PACKAGES=(python3 python3-venv python3-pip libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
          fonts-dejavu-core poppler-utils make git)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  bash -c "$cmd"
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  echo "Installing Debian packages with sudo: ${missing[*]}"
  sudo bash -c "$cmd"
else
  echo "PledgeWatch needs these Debian packages: ${missing[*]}" >&2
  echo "Run as root:  sudo sh -c '$cmd'" >&2
  exit 1
fi
