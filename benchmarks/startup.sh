#!/usr/bin/env bash
# Measures start-up of the packaged distribution: seconds from launch to the first 200 from /api/v1/health,
# and resident memory (RSS) once healthy and after 20 s idle. Runs N starts (default 5) on a free port with a
# fresh data folder each time; prints one line per run and the median.
#   benchmarks/startup.sh [runs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-5}
dist=distribution/target/fupin
[ -x "$dist/bin/fupin" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
times=()
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  "$dist/bin/fupin" --port "$port" --data "$data" >"$data/console.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/health")" = 200 ]; do
    sleep 0.05
    kill -0 "$pid" 2>/dev/null || { echo "platform exited; see $data/console.log" >&2; exit 1; }
  done
  end=$(date +%s%N)
  java_pid=$(pgrep -P "$pid" java || echo "$pid")
  rss_up=$(ps -o rss= -p "$java_pid")
  sleep 20
  rss_idle=$(ps -o rss= -p "$java_pid")
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: health 200 after ${ms} ms; RSS at health $((rss_up / 1024)) MiB, after 20 s $((rss_idle / 1024)) MiB"
  kill -TERM "$pid"; wait "$pid" || true
  rm -rf "$data"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median start to health 200: ${median} ms over $runs runs"
