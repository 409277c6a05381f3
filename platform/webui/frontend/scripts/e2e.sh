#!/usr/bin/env bash
# The browser journeys, run by the build after the distribution is packaged (itests, phase verify): Debian's Chromium
# installed where missing, then Playwright against the packaged platform started with the demo county.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-browser.sh
mkdir -p ../target/screenshots
npx playwright test
