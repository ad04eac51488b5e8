#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the explorer's browser test (tests/JudgementMiner.Tests/Explorer).
# Idempotent: does nothing when both are already installed. Needs root (or sudo) and the Debian package mirror.
set -euo pipefail
if command -v chromium > /dev/null && command -v chromedriver > /dev/null; then
  echo "chromium and chromedriver are installed: $(chromium --version 2>/dev/null | head -n 1)"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver > /dev/null
echo "installed $(chromium --version 2>/dev/null | head -n 1) and $(chromedriver --version | head -n 1)"
