#!/usr/bin/env bash
# Installs the Debian 12 / Ubuntu packages Tagdesk needs to build, test and package.
# Idempotent: packages already present are skipped by apt; safe to run repeatedly.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config clang-format
  clang libclang-rt-dev
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6sql6-psql
  qt6-l10n-tools qt6-tools-dev qt6-tools-dev-tools qt6-httpserver-dev qt6-websockets-dev
  qt6-image-formats-plugins libqt6svg6 qt6-svg-dev qt6-qpa-plugins
  qtkeychain-qt6-dev libgtest-dev libgmock-dev googletest libbenchmark-dev
  xvfb xauth gnome-keyring dbus libsecret-tools fonts-dejavu-core
  postgresql postgresql-common desktop-file-utils appstream
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
