#!/usr/bin/env bash
# Quick start: builds the distribution when it is missing or older than the sources, then runs it in the
# foreground with the demo data. Any option is passed on to bin/fupin (e.g. ./run.sh --port 9090).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

dist=distribution/target/fupin
marker=$dist/bin/felix.jar
if [ ! -f "$marker" ] || [ -n "$(find pom.xml platform plugins distribution/pom.xml distribution/src \
      -newer "$marker" -type f 2>/dev/null | head -n 1)" ]; then
  echo "run.sh: building the distribution (mvn package, tests skipped; 'mvn -B install' runs them)" >&2
  mvn -B -q -DskipTests package -pl distribution -am
  touch "$marker"
fi
exec "$dist/bin/fupin" --demo "$@"
