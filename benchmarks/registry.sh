#!/usr/bin/env bash
# Registry load figures against a running-from-scratch platform on 127.0.0.1 (bounded: fixed durations and
# request counts). Usage: benchmarks/registry.sh DATA_DIR [PORT]
#   - GET /households/{id} throughput and latency percentiles with wrk, 32 connections, 30 s
#   - search latency (p50/p95/max) by name prefix, full name and ID number, 200 requests each
#   - region aggregates (/households/counts): a county by township and 甘肃 62 by county, 50 requests each
# DATA_DIR should already hold households (e.g. after ./run.sh, or an import of benchmarks CSVs). Every request
# signs in as the province administrator 'admin': FUPIN_ADMIN_PASSWORD (default fupin-demo, as after ./run.sh;
# a fresh DATA_DIR gets that password for its first administrator).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
data=${1:?data folder}
port=${2:-18200}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
dist=distribution/target/fupin
export FUPIN_ADMIN_PASSWORD=${FUPIN_ADMIN_PASSWORD:-fupin-demo} FUPIN_ADMIN_REGION=${FUPIN_ADMIN_REGION:-62}
"$dist/bin/fupin" --port "$port" --data "$data" >"$data/bench-console.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/health")" = 200 ]; do sleep 0.2; done
base="http://127.0.0.1:$port/api/v1"
# a fresh data folder gets its administrator a moment after health is UP: a few tries, well under the lockout (5)
TOKEN=
for attempt in 1 2 3 4; do
  TOKEN=$(curl -s -X POST -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$FUPIN_ADMIN_PASSWORD\"}" "$base/auth/login" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin).get("token",""))')
  [ -n "$TOKEN" ] && break
  sleep 3
done
[ -n "$TOKEN" ] || { echo "cannot sign in as admin (FUPIN_ADMIN_PASSWORD?)" >&2; exit 1; }
export TOKEN
auth=(-H "Authorization: Bearer $TOKEN")
total=$(curl -s "${auth[@]}" "$base/households?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
max_id=$(curl -s "${auth[@]}" "$base/households?size=1&sort=UPDATED_DESC" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
echo "households in the registry: $total (highest id $max_id)"
# the JIT needs about a minute of load on 2 shared cores before throughput settles (1,800 → 6,000 req/s)
echo "== warm-up, 60 s"; MAX_ID=$max_id wrk -t2 -c32 -d60s -s benchmarks/get-household.lua "http://127.0.0.1:$port" >/dev/null
echo "== GET /households/{id}, 32 connections, 30 s"
MAX_ID=$max_id wrk -t2 -c32 -d30s --latency -s benchmarks/get-household.lua "http://127.0.0.1:$port" | grep -E "Requests/sec|50%|90%|99%|Non-2xx|requests in"
echo "== search latency"
python3 - "$base" <<'PY'
import json, os, sys, time, urllib.request, urllib.parse, random
base = sys.argv[1]
random.seed(1)
def timed(url):
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + os.environ["TOKEN"]})
    t = time.perf_counter(); body = urllib.request.urlopen(request).read(); return (time.perf_counter() - t) * 1000, json.loads(body)
_, page = timed(base + "/households?size=500&region=62")
heads = [i["headName"] for i in page["items"]]
ids = []
for item in page["items"][:200]:
    _, h = timed(base + "/households/" + item["id"])
    ids.append(h["members"][0]["idNumber"])
def report(name, urls):
    times = sorted(timed(u)[0] for u in urls)
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print(f"{name}: n={len(times)} p50={p(0.5):.1f} ms p95={p(0.95):.1f} ms max={times[-1]:.1f} ms")
report("search by name prefix (2 characters)", [base + "/households?q=" + urllib.parse.quote(random.choice(heads)[:2]) for _ in range(200)])
report("search by full name", [base + "/households?q=" + urllib.parse.quote(random.choice(heads)) for _ in range(200)])
report("search by full ID number", [base + "/households?q=" + random.choice(ids) for _ in range(200)])
report("search by village, first page", [base + "/households?region=" + random.choice(page["items"])["villageCode"] for _ in range(200)])
report("search by county and status, first page", [base + "/households?region=620502&status=POOR" for _ in range(100)])
for _ in range(10):
    timed(base + "/households/counts?region=62&by=COUNTY")
report("aggregate: county 620502 by township", [base + "/households/counts?region=620502&by=TOWNSHIP" for _ in range(50)])
report("aggregate: province 62 by county", [base + "/households/counts?region=62&by=COUNTY" for _ in range(50)])
report("aggregate: province 62 by county, status POOR", [base + "/households/counts?region=62&by=COUNTY&status=POOR" for _ in range(50)])
PY
