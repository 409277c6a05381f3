# Latency of what the demo county's programs serve: every enabled program's eligibility verdict on a household, and
# some reports, on a platform started with --demo (./run.sh; PORT=8080 by default), as the county administrator.
# Bounded request counts, 127.0.0.1. Usage: PORT=8080 python3 benchmarks/programs.py
import json, os, threading, time, urllib.request
base = "http://127.0.0.1:%s/api/v1" % os.environ.get("PORT", "8080")
req = urllib.request.Request(base + "/auth/login", data=json.dumps({"username": "qinzhou", "password": "fupin-demo"}).encode(), headers={"Content-Type": "application/json"})
token = json.load(urllib.request.urlopen(req))["token"]
def get(path):
    r = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    t = time.perf_counter(); body = urllib.request.urlopen(r).read(); return time.perf_counter() - t, body
# warm-up
for i in range(1, 101): get(f"/households/{i}/eligibility")
lat = [get(f"/households/{(i * 7919) % 19000 + 1}/eligibility")[0] for i in range(500)]
lat.sort()
print("eligibility, 5 programs, sequential 500: p50 %.1f ms p95 %.1f ms max %.1f ms" % (lat[249]*1000, lat[474]*1000, lat[-1]*1000))
_, body = get("/households/1/eligibility"); print("programs judged:", len(json.loads(body)["programs"]))
# 4 clients x 250
res = []
def worker(k):
    for i in range(250): res.append(get(f"/households/{(k*250+i)*7919 % 19000 + 1}/eligibility")[0])
t = time.perf_counter(); th = [threading.Thread(target=worker, args=(k,)) for k in range(4)]; [x.start() for x in th]; [x.join() for x in th]
el = time.perf_counter() - t; res.sort()
print("4 clients x 250: %.0f req/s, p50 %.1f ms p95 %.1f ms" % (1000/el, res[499]*1000, res[949]*1000))
for r in ["microcredit/reports/rating-coverage", "microcredit/reports/outstanding-by-region", "relocation/reports/relocated-by-region-and-mode", "industry/reports/subsidy-by-region-and-industry"]:
    ts = sorted(get(f"/programs/{r}?region=620502")[0] for _ in range(20))
    print(r, "median %.1f ms" % (ts[10]*1000))
