#!/usr/bin/env python3
"""History cleanup drill of caseload.sh (Python standard library), against a server on a copy:
gives COUNT ended conduct cases a removal time in the past through the engine
(POST /history/process-instance/set-removal-time, hierarchical, in chunks), waits for that batch,
then starts the cleanup (POST /history/cleanup?immediatelyDue=true) and times it until those cases
are gone. Usage: caseload_cleanup.py BASE_URL ADMIN COUNT PARALLELISM BATCH_SIZE
(password in CASELOAD_PASSWORD). Markdown lines to stdout, progress to stderr."""
import base64
import json
import os
import sys
import time
import urllib.error
import urllib.request

base, admin, count, dop, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
auth = "Basic " + base64.b64encode(f"{admin}:{os.environ['CASELOAD_PASSWORD']}".encode()).decode()


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Authorization": auth, "Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=300) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


def ended():
    return call("GET", "/engine-rest/history/process-instance/count?processDefinitionKey=conduct-incident&finished=true")["count"]


def log(message):
    print(f"[caseload_cleanup] {message}", file=sys.stderr, flush=True)


# each server start checks the demo users against the demo password (IdentityBootstrap), which counts
# as a failed login and locks the account for a few seconds: wait it out
for _ in range(120):
    try:
        call("GET", f"/engine-rest/user/{admin}/profile")
        break
    except urllib.error.HTTPError as e:
        if e.code != 401:
            raise
        time.sleep(1)
before = ended()
ids = [p["id"] for p in call("GET", "/engine-rest/history/process-instance?processDefinitionKey=conduct-incident&finished=true"
                                    f"&sortBy=startTime&sortOrder=asc&firstResult=0&maxResults={count}")]
t0 = time.time()
batch_info = call("POST", "/engine-rest/history/process-instance/set-removal-time",
                  {"absoluteRemovalTime": "2020-01-01T00:00:00.000+0000", "hierarchical": True, "updateInChunks": True,
                   "historicProcessInstanceIds": ids})
deadline = time.time() + 1800
while time.time() < deadline:
    done = call("GET", f"/engine-rest/history/batch?batchId={batch_info['id']}&completed=true")
    if done:
        break
    time.sleep(1)
else:
    sys.exit("the set-removal-time batch did not finish in 30 minutes")
set_s = time.time() - t0
log(f"removal time set on {len(ids)} cases in {set_s:.0f} s")

t0 = time.time()
call("POST", "/engine-rest/history/cleanup?immediatelyDue=true")
last, last_change = ended(), time.time()
while ended() > before - len(ids) and time.time() - last_change < 120 and time.time() - t0 < 3600:
    time.sleep(2)
    now = ended()
    if now != last:
        last, last_change = now, time.time()
        log(f"{before - now} of {len(ids)} cases cleaned after {time.time() - t0:.0f} s")
clean_s = (last_change if ended() > before - len(ids) else time.time()) - t0
gone = before - ended()
print(f"- degree of parallelism {dop}, batch size {batch}: removal time set on {len(ids)} cases (one batch; updateInChunks asked, the batch still made a job per case) in {set_s:.0f} s; "
      f"cleanup removed {gone} cases in {clean_s:.0f} s ({gone / max(clean_s, 1):.0f} cases/s)"
      + ("" if gone >= len(ids) else f" — stopped: {len(ids) - gone} left after 2 minutes without progress"))
