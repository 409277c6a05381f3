#!/usr/bin/env bash
# Import throughput through the HTTP endpoint into a fresh, empty registry (bounded: one file, one request).
# Usage: benchmarks/import.sh CSV [CSV …]   — each file is imported in turn into the same fresh data folder.
# Make a CSV with the demo generator (see docs/performance.md), e.g. 100,000 households of 甘肃 62.
# KEEP_DATA=folder imports into that (new) folder and keeps it, e.g. for benchmarks/registry.sh afterwards.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ $# -ge 1 ] || { echo "usage: $0 CSV [CSV …]" >&2; exit 2; }
dist=distribution/target/fupin
if [ -n "${KEEP_DATA:-}" ]; then
  [ ! -e "$KEEP_DATA" ] || { echo "$KEEP_DATA exists; KEEP_DATA names a new folder" >&2; exit 2; }
  mkdir -p "$KEEP_DATA"; data=$(cd "$KEEP_DATA" && pwd); remove=
else
  data=$(mktemp -d /tmp/fupin-import-XXXX); remove=$data
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export FUPIN_ADMIN_PASSWORD=${FUPIN_ADMIN_PASSWORD:-fupin-demo} FUPIN_ADMIN_REGION=
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}" "$dist/bin/fupin" --port "$port" --data "$data" >"$data/console.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; [ -z "$remove" ] || rm -rf "$remove"' EXIT
base="http://127.0.0.1:$port/api/v1"
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health")" = 200 ]; do sleep 0.2; done
# the division table's villages load in the background on a fresh data folder: wait, so the import is timed alone
until grep -q "province administrator 'admin'" "$data/console.log" && grep -q "Loaded [0-9]* regions" "$data/console.log"; do
  sleep 0.2
done
token=$(curl -s -X POST -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$FUPIN_ADMIN_PASSWORD\"}" "$base/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
for csv in "$@"; do
  start=$(date +%s.%N)
  # 202 Accepted once the upload is in the job's folder; the job imports in the background: follow it to its end
  job=$(curl -s -D - -o /dev/null -X POST -H 'Content-Type: text/csv' -H "Authorization: Bearer $token" \
    --data-binary @"$csv" "$base/imports/households" | tr -d '\r' | sed -n 's/^Location: //Ip')
  accepted=$(date +%s.%N)
  python3 - "$job" "$token" "$start" "$accepted" "$csv" <<'PY'
import json, sys, time, urllib.request
job, token, start, accepted, csv = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
while True:
    request = urllib.request.Request(job, headers={"Authorization": "Bearer " + token})
    state = json.load(urllib.request.urlopen(request))
    if state["state"] not in ("QUEUED", "RUNNING"):
        break
    time.sleep(0.5)
seconds = time.time() - start
r = state.get("result") or {}
print(f"{csv}: {state['state']}, stored {r.get('stored')}, unchanged {r.get('unchanged')}, rejected {r.get('rejected')} "
      f"in {seconds:.1f} s end to end (upload {accepted - start:.1f} s) = {r.get('stored', 0) / seconds:,.0f} households/s")
PY
done
echo "database: $(du -h "$data/fupin.db" | cut -f1); peak RSS $(ps -o rss= -p "$(pgrep -f "fupin.port=$port" | head -1)" | awk '{printf "%d MiB", $1/1024}')"
