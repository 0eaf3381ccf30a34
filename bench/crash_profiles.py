#!/usr/bin/env python3
"""Nothing acknowledged is lost: write stored profiles under load, kill -9 the JVM at a random point,
restart, and check that every write that got a 2xx is there and that no import is half there.

Usage (from the project root, after `mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt`):
    python3 bench/crash_profiles.py [rounds=20] [port=18014] [sparql_port=13014] [store=/tmp/store14-crash]

Each round: start the service (java on target/classes), 4 writer threads for a random 1.5-6 s — JSON
creates, CSV imports of 60 rows (one transaction each) and If-Match patches — then SIGKILL. After the
restart the checker reads every acknowledged (profile, version) and compares its statements with what
the request sent; every profile that exists (acknowledged or not) must be whole: each import holds all
its 60 rows, history has one entry per version, the current version equals the last history entry.
"""
import json, os, random, signal, statistics, subprocess, sys, threading, time, urllib.request, urllib.error

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 20
PORT = int(sys.argv[2]) if len(sys.argv) > 2 else 18014
SPARQL_PORT = int(sys.argv[3]) if len(sys.argv) > 3 else 13014
STORE = sys.argv[4] if len(sys.argv) > 4 else "/tmp/store14-crash"
JAVA = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"
BASE = f"http://localhost:{PORT}"
# A copy of the compiled classes, so a rebuild while the bench runs cannot change the service under test.
CLASSES = f"{STORE}-classes"
subprocess.run(["rm", "-rf", CLASSES])
subprocess.run(["cp", "-r", "target/classes", CLASSES], check=True)
# ...and of the data and queries: a data change under a running bench would rebuild the reference store.
for d in ("ontology", "mappings", "queries"):
    subprocess.run(["cp", "-r", d, f"{CLASSES}/{d}"], check=True)
CP = CLASSES + ":" + open("target/cp.txt").read().strip()
# Requirement ids that exist (ISO 42001 Annex A controls and clauses, NIST AI RMF subcategories).
IDS = ([f"iso42001,A.{a}.{b}" for a, b in [(2, 2), (2, 3), (2, 4), (3, 2), (3, 3), (4, 2), (4, 3), (4, 4), (4, 5), (4, 6),
        (5, 2), (5, 3), (5, 4), (5, 5), (6, 2), (7, 2), (7, 3), (7, 4), (7, 5), (7, 6), (8, 2), (8, 3), (8, 4), (8, 5),
        (9, 2), (9, 3), (9, 4), (10, 2), (10, 3), (10, 4)]]
       + [f"nist-ai-rmf,GOVERN {a}.{b}" for a, b in [(1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (2, 1), (2, 2),
          (2, 3), (3, 1), (3, 2), (4, 1), (4, 2), (4, 3), (5, 1), (5, 2), (6, 1), (6, 2)]]
       + [f"nist-ai-rmf,MAP {a}.{b}" for a, b in [(1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (2, 1), (2, 2), (2, 3),
          (3, 1), (3, 2)]])
IMPORT_ROWS = 60
assert len(IDS) >= IMPORT_ROWS


def call(method, path, token=None, body=None, ctype=None, headers=None, timeout=30):
    req = urllib.request.Request(BASE + path, method=method, data=body.encode() if isinstance(body, str) else body)
    if token: req.add_header("Authorization", "Bearer " + token)
    if ctype: req.add_header("Content-Type", ctype)
    for k, v in (headers or {}).items(): req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode(), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(), dict(e.headers)


def start(admin_hash):
    log = open(f"{STORE}.log", "a")
    # C1 only: the bench measures durability, not speed, and start-up on a shared 2-core machine is CPU-bound.
    p = subprocess.Popen([JAVA, "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-XX:TieredStopAtLevel=1", "-cp", CP, "org.crosswalk.CrosswalkApplication",
                          f"--server.port={PORT}", f"--crosswalk.sparql-port={SPARQL_PORT}", f"--crosswalk.store-dir={STORE}",
                          f"--crosswalk.backup-dir={STORE}-backups", f"--crosswalk.ontology-dir={CLASSES}/ontology",
                          f"--crosswalk.mappings-dir={CLASSES}/mappings", f"--crosswalk.queries-dir={CLASSES}/queries", f"--crosswalk.security.admin-token-hash={admin_hash}",
                          "--crosswalk.security.writes-per-period=100000"], stdout=log, stderr=subprocess.STDOUT)
    t0 = time.time()
    while True:
        if p.poll() is not None: sys.exit(f"service exited with {p.returncode}; see {STORE}.log")
        try:
            if call("GET", "/api/health", timeout=2)[0] == 200: return p, time.time() - t0
        except Exception:
            pass
        time.sleep(0.3)


def main():
    out = subprocess.run([JAVA, "-cp", CP, "org.crosswalk.cli.CrosswalkCli", "admin", "new-admin-token"], capture_output=True, text=True).stdout
    admin = out.split("token:")[1].split()[0]
    admin_hash = out.split("hash:")[1].split()[0]
    subprocess.run(["rm", "-rf", STORE, f"{STORE}.log"])
    p, first_start = start(admin_hash)
    call("POST", "/api/admin/tenants", admin, json.dumps({"id": "crash"}), "application/json")
    token = json.loads(call("POST", "/api/admin/tenants/crash/tokens", admin, json.dumps({"name": "bench", "scope": "read-write"}),
                            "application/json")[1])["secret"]
    acked = {}      # (profile, version) -> sorted refs sent
    attempted = {}  # profile -> expected statement count of version 1 (imports: all rows)
    lock = threading.Lock()
    restarts, writes_per_round, unacked_present = [], [], 0
    counter = [0]

    def writer(stop, wid):
        while not stop.is_set():
            with lock:
                counter[0] += 1
                n = counter[0]
            pid = f"w{wid}-{n}"
            try:
                if n % 3 == 0:  # a whole CSV import: one transaction
                    rows = random.sample(IDS, IMPORT_ROWS)
                    csv = "framework,requirement,status\n" + "".join(f"{r},satisfied\n" for r in rows)
                    with lock: attempted[pid] = IMPORT_ROWS
                    s, body, _ = call("POST", f"/api/profiles?id={pid}", token, csv, "text/csv")
                else:
                    rows = random.sample(IDS, 3)
                    stm = [{"requirement": r.replace(",", ":"), "status": "partial"} for r in rows]
                    with lock: attempted[pid] = 3
                    s, body, _ = call("POST", "/api/profiles", token, json.dumps({"id": pid, "statements": stm}), "application/json")
                if s == 201:
                    prof = json.loads(body)
                    with lock: acked[(pid, 1)] = sorted(x["ref"] for x in prof["statements"])
                    extra = random.choice(IDS).replace(",", ":")
                    s2, b2, _ = call("PATCH", f"/api/profiles/{pid}/statements", token,
                                     json.dumps({"upsert": [{"requirement": extra, "status": "planned"}], "remove": []}),
                                     "application/json", {"If-Match": '"1"'})
                    if s2 == 200:
                        with lock: acked[(pid, 2)] = sorted(x["ref"] for x in json.loads(b2)["statements"])
            except Exception:
                pass  # the kill cuts requests off: not acknowledged, so nothing is promised

    for rnd in range(ROUNDS):
        before = len(acked)
        stop = threading.Event()
        threads = [threading.Thread(target=writer, args=(stop, f"{rnd}-{i}")) for i in range(4)]
        for t in threads: t.start()
        time.sleep(random.uniform(1.5, 6.0))
        p.send_signal(signal.SIGKILL)
        p.wait()
        stop.set()
        for t in threads: t.join()
        writes_per_round.append(len(acked) - before)
        p, took = start(admin_hash)
        restarts.append(took)
        # Every acknowledged write is there, exactly as acknowledged.
        lost = []
        for (pid, v), refs in list(acked.items()):
            s, body, _ = call("GET", f"/api/profiles/{pid}/versions/{v}", token)
            if s != 200 or sorted(x["ref"] for x in json.loads(body)["statements"]) != refs:
                lost.append((pid, v, s))
        # Nothing half there: every stored profile is whole.
        partial = []
        listing = json.loads(call("GET", "/api/profiles", token)[1])
        for prof in listing:
            pid = prof["id"]
            v1 = json.loads(call("GET", f"/api/profiles/{pid}/versions/1", token)[1])
            hist = json.loads(call("GET", f"/api/profiles/{pid}/history", token)[1])
            if len(v1["statements"]) != attempted.get(pid, -1) or len(hist) != prof["version"]:
                partial.append(pid)
            if (pid, 1) not in acked: unacked_present += 1
        print(f"round {rnd + 1:2d}: {writes_per_round[-1]:4d} acknowledged writes, restart {took:5.1f} s, "
              f"{len(listing)} profiles, lost {len(lost)}, partial {len(partial)}", flush=True)
        if lost or partial:
            print("LOST", lost[:10], "PARTIAL", partial[:10])
            p.send_signal(signal.SIGKILL)
            sys.exit(1)
    p.send_signal(signal.SIGTERM)
    p.wait()
    print(json.dumps({"rounds": ROUNDS, "acknowledged_writes": len(acked), "lost": 0, "partial": 0,
                      "present_but_unacknowledged_creates": unacked_present, "first_start_s": round(first_start, 1),
                      "restart_median_s": round(statistics.median(restarts), 1), "restart_max_s": round(max(restarts), 1),
                      "acknowledged_per_round_median": statistics.median(writes_per_round)}))


if __name__ == "__main__":
    main()
