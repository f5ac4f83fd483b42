#!/usr/bin/env python3
"""Helper of bench/drills.sh: the load, an SMTP sink that keeps every message, and the checks.

Python standard library only. drills.sh starts and kills the processes (PostgreSQL, the sink,
Cultivate); this program talks to them. Every check prints one line, `PASS name: detail` or
`FAIL name: detail`; drills.sh collects those lines into its summary. A check that fails does
not stop the program (the exit code stays 0); an unexpected error does (exit code 1).

    drills.py sink PORT LOG                   SMTP sink: one JSON line per accepted message
    drills.py users --base URL                conduct-committee members with addresses
    drills.py submit --base URL --count N --clients C --out FILE
    drills.py load --base URL --clients C --seconds S --out FILE
    ... see the sub-commands at the end for the rest.

The admin's password comes from the environment (DRILL_ADMIN_PASSWORD), never from the command line.
"""
import argparse
import asyncio
import base64
import collections
import datetime
import hashlib
import http.client
import itertools
import json
import os
import re
import secrets
import sys
import threading
import time
import urllib.parse

PROCESS_KEY = "conduct-incident"
FORM_ID = "incident-report"
ACK_ACTIVITY = "ServiceTask_AcknowledgeReporter"
ALERT_ACTIVITY = "ServiceTask_AlertCommittee"
START_ACTIVITY = "StartEvent_ReportReceived"
COMMITTEE = [(f"drill-committee-{i}", f"committee-{i}@drill.test") for i in (1, 2, 3)]
ADMIN_USER = os.environ.get("DRILL_ADMIN_USER", "drilladmin")
ADMIN_PASSWORD = os.environ.get("DRILL_ADMIN_PASSWORD", "")


def log(message):
    print(f"[drills.py] {message}", file=sys.stderr, flush=True)


def check(ok, name, detail):
    print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}", flush=True)
    return ok


def info(name, detail):
    print(f"INFO {name}: {detail}", flush=True)


# ---------------------------------------------------------------------------------------------
# HTTP


class Http:
    """One keep-alive HTTP/1.1 connection (http.client reconnects by itself after Connection: close)."""

    def __init__(self, base, auth=False, timeout=30):
        url = urllib.parse.urlsplit(base)
        self.host, self.port, self.timeout = url.hostname, url.port, timeout
        self.headers = {"Accept": "application/json"}
        if auth:
            token = base64.b64encode(f"{ADMIN_USER}:{ADMIN_PASSWORD}".encode()).decode()
            self.headers["Authorization"] = "Basic " + token
        self.conn = None

    def call(self, method, path, body=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        headers = dict(self.headers)
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        try:
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
            raw = response.read()
        except Exception:
            self.close()   # a broken connection is never reused
            raise
        text = raw.decode("utf-8", "replace")
        try:
            parsed = json.loads(text) if text else None
        except ValueError:
            parsed = text
        return response.status, parsed

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class Admin(Http):
    """The engine REST API as the drill's administrator (camunda-admin, HTTP Basic)."""

    def __init__(self, base):
        super().__init__(base, auth=True, timeout=60)

    def get(self, path):
        status, body = self.call("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status} {str(body)[:300]}")
        return body

    def count(self, path):
        return self.get(path)["count"]

    def all(self, path, page=500):
        """Every row of a paged list query (the path carries its own sortBy, so pages do not overlap)."""
        rows = []
        sep = "&" if "?" in path else "?"
        while True:
            batch = self.get(f"{path}{sep}firstResult={len(rows)}&maxResults={page}")
            rows.extend(batch)
            if len(batch) < page:
                return rows


def error_kind(exc):
    """A short name for why a request got no answer: refused, reset, closed, timeout…"""
    if isinstance(exc, ConnectionRefusedError):
        return "refused"
    if isinstance(exc, ConnectionResetError):
        return "reset"
    if isinstance(exc, (http.client.RemoteDisconnected, http.client.IncompleteRead, BrokenPipeError)):
        return "closed"
    if isinstance(exc, TimeoutError):
        return "timeout"
    return type(exc).__name__


def submission(n):
    return {"description": f"Drill report number {n}, long enough.", "reporterEmail": f"reporter-{n}@drill.test",
            "location": "online"}


def post_report(client, n):
    """One public submission; returns the result row that goes to the results file."""
    row = {"n": n, "t0": time.time()}
    try:
        status, body = client.call("POST", f"/api/forms/{FORM_ID}/submissions", submission(n))
        row["status"] = status
        if status == 201:
            row["reference"], row["trackingCode"] = body["reference"], body["trackingCode"]
        else:
            row["body"] = str(body)[:300]
    except Exception as exc:   # no answer at all: the row says why
        row["error"] = error_kind(exc)
    row["t1"] = time.time()
    return row


class ResultFile:
    """Rows are written as they come, one JSON line each, so nothing is lost whatever happens next."""

    def __init__(self, path):
        self.out = open(path, "a", encoding="utf-8")
        self.lock = threading.Lock()

    def write(self, row):
        with self.lock:
            self.out.write(json.dumps(row) + "\n")
            self.out.flush()


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# ---------------------------------------------------------------------------------------------
# SMTP sink


def run_sink(port, log_path):
    """Accepts every message and appends {time, Message-ID, envelope recipients, subject} to LOG
    before it answers 250, so a message the server counts as sent is always in the log."""
    out = open(log_path, "a", encoding="utf-8")

    async def session(reader, writer):
        async def reply(line):
            writer.write(line.encode() + b"\r\n")
            await writer.drain()

        recipients = []
        await reply("220 drill-sink ESMTP")
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break
                verb = line[:4].upper()
                if verb == b"EHLO":
                    writer.write(b"250-drill-sink\r\n250-8BITMIME\r\n")
                    await reply("250 SMTPUTF8")
                elif verb in (b"MAIL", b"RSET"):
                    recipients = []
                    await reply("250 ok")
                elif verb == b"RCPT":
                    match = re.search(rb"<([^>]*)>", line)
                    recipients.append((match.group(1) if match else line[8:].strip()).decode("utf-8", "replace").lower())
                    await reply("250 ok")
                elif verb == b"DATA":
                    await reply("354 end with <CRLF>.<CRLF>")
                    headers, in_headers, complete = [], True, False
                    while True:
                        data = await reader.readline()
                        if not data:
                            break   # the client vanished mid-message (kill -9): not delivered, as with any MTA
                        if data in (b".\r\n", b".\n"):
                            complete = True
                            break
                        if in_headers:
                            text = data.decode("utf-8", "replace").rstrip("\r\n")
                            if not text:
                                in_headers = False
                            elif text[0] in " \t" and headers:
                                headers[-1] += " " + text.strip()   # a folded header line
                            else:
                                headers.append(text)
                    if not complete:
                        break
                    fields = {}
                    for header in headers:
                        name, _, value = header.partition(":")
                        fields.setdefault(name.strip().lower(), value.strip())
                    out.write(json.dumps({"t": time.time(), "messageId": fields.get("message-id"), "rcpt": recipients,
                                          "subject": fields.get("subject")}) + "\n")
                    out.flush()
                    recipients = []
                    await reply("250 accepted")
                elif verb == b"QUIT":
                    await reply("221 bye")
                    break
                elif verb in (b"HELO", b"NOOP"):
                    await reply("250 ok")
                else:
                    await reply("502 not implemented")
        except ConnectionError:
            pass
        finally:
            writer.close()

    async def serve():
        server = await asyncio.start_server(session, "127.0.0.1", port)
        async with server:
            await server.serve_forever()

    asyncio.run(serve())


def read_mails(path, since_line=0):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for i, line in enumerate(f) if i >= since_line and line.strip()]


# ---------------------------------------------------------------------------------------------
# what the server should have mailed


def message_id(case_id, event, recipient, domain):
    """The server's deterministic Message-ID (notify/SendEmailDelegate.messageId): a hash of case, event, recipient."""
    digest = hashlib.sha256(f"{case_id}\n{event}\n{recipient}".encode()).hexdigest()[:32]
    return f"<{digest}@{domain}>"


def cases(admin):
    """{process instance id: business key} of every conduct-incident case in the database."""
    rows = admin.all(f"/engine-rest/history/process-instance?processDefinitionKey={PROCESS_KEY}&sortBy=instanceId&sortOrder=asc")
    return {row["id"]: row["businessKey"] for row in rows}


def expected_mails(admin, domain):
    """{Message-ID: (case id, kind, recipient)} for the acknowledgement and the committee alerts of every case."""
    by_case = cases(admin)
    emails = {}
    for row in admin.all("/engine-rest/history/variable-instance?variableName=reporterEmail&sortBy=instanceId&sortOrder=asc"):
        if row["processInstanceId"] in by_case:
            emails[row["processInstanceId"]] = row["value"]
    expected = {}
    for case_id in by_case:
        if emails.get(case_id):
            expected[message_id(case_id, ACK_ACTIVITY, emails[case_id], domain)] = (case_id, "ack", emails[case_id])
        for _, email in COMMITTEE:
            expected[message_id(case_id, ALERT_ACTIVITY, email, domain)] = (case_id, "alert", email)
    return by_case, emails, expected


def open_jobs(admin):
    """Jobs of the cases the job executor still has to run: due now (executable), and failed ones."""
    return (admin.count(f"/engine-rest/job/count?processDefinitionKey={PROCESS_KEY}&executable=true"),
            admin.count(f"/engine-rest/job/count?processDefinitionKey={PROCESS_KEY}&withException=true"))


def wait_for_mails(admin, mail_log, domain, since_line, timeout, grace):
    """Until every expected mail has arrived and no job is left to run or failed; then `grace`
    seconds more, so that a late duplicate would still be seen."""
    start = time.time()
    last_note = 0
    while True:
        _, _, expected = expected_mails(admin, domain)
        seen = {m["messageId"] for m in read_mails(mail_log, since_line)}
        missing = len(set(expected) - seen)
        executable, failed = open_jobs(admin)
        waited = time.time() - start
        if missing == 0 and executable == 0 and failed == 0:
            log(f"every expected mail arrived after {waited:.0f} s; {grace} s grace for late duplicates")
            time.sleep(grace)
            return True, waited
        if waited > timeout:
            return False, waited
        if time.time() - last_note >= 30:
            log(f"waiting for mails: {missing} of {len(expected)} missing, jobs executable {executable}, failed {failed} ({waited:.0f} s)")
            last_note = time.time()
        time.sleep(5)


# ---------------------------------------------------------------------------------------------
# sub-commands


def cmd_users(args):
    """Committee members with e-mail addresses, so that each case's alert really goes to someone."""
    admin = Admin(args.base)
    for user_id, email in COMMITTEE:
        status, body = admin.call("POST", "/engine-rest/user/create", {
            "profile": {"id": user_id, "firstName": "Drill", "lastName": user_id, "email": email},
            "credentials": {"password": secrets.token_urlsafe(18)}})
        if status != 204:
            raise RuntimeError(f"create user {user_id}: {status} {body}")
        status, body = admin.call("PUT", f"/engine-rest/group/conduct-committee/members/{user_id}")
        if status != 204:
            raise RuntimeError(f"add {user_id} to conduct-committee: {status} {body}")
    log(f"{len(COMMITTEE)} conduct-committee members created")


def cmd_submit(args):
    """A burst of exactly --count submissions from --clients concurrent clients (drill 1)."""
    numbers = itertools.count(args.first)
    lock = threading.Lock()
    results = ResultFile(args.out)
    last = args.first + args.count

    def client():
        http = Http(args.base)
        while True:
            with lock:
                n = next(numbers)
            if n >= last:
                break
            results.write(post_report(http, n))
        http.close()

    start = time.time()
    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    rows = read_rows(args.out)
    statuses = collections.Counter(str(r.get("status", r.get("error"))) for r in rows)
    created = [r for r in rows if r.get("status") == 201]
    seconds = time.time() - start
    check(len(created) == args.count and len(rows) == args.count, "drill1.all-201",
          f"{len(created)} of {args.count} submissions answered 201 in {seconds:.1f} s "
          f"({args.count / seconds:.0f}/s, {args.clients} clients); answers: {dict(statuses)}")
    for r in rows:
        if r.get("status") != 201:
            info("drill1.not-201", json.dumps(r))
    check(len({r["reference"] for r in created}) == len(created), "drill1.references-distinct",
          f"{len({r['reference'] for r in created})} distinct references")


def cmd_wait_failed(args):
    """Drill 1, SMTP down: wait until every case's start continuation ran and both its mail jobs
    failed once; look at the jobs, incidents and health while the outage lasts."""
    admin = Admin(args.base)
    start = time.time()
    while True:
        executable, failed = open_jobs(admin)
        if failed >= args.expected and executable == 0:
            break
        if time.time() - start > args.timeout:
            break
        time.sleep(2)
    waited = time.time() - start
    check(failed == args.expected and executable == 0, "drill1.failed-jobs-accumulate",
          f"{failed} mail jobs with an exception (expected {args.expected}: acknowledgement + alert per case), "
          f"{executable} still due, after {waited:.0f} s")
    jobs = admin.all(f"/engine-rest/job?processDefinitionKey={PROCESS_KEY}&withException=true&sortBy=jobId&sortOrder=asc")
    retries = collections.Counter(j["retries"] for j in jobs)
    by_activity = collections.Counter(j.get("failedActivityId") for j in jobs)
    messages = collections.Counter((j.get("exceptionMessage") or "")[:140] for j in jobs)
    info("drill1.failed-jobs", f"by activity {dict(by_activity)}; retries left {dict(retries)}")
    info("drill1.failure-message", f"{messages.most_common(1)[0] if messages else None}")
    due = sorted(j["dueDate"] for j in jobs if j.get("dueDate"))
    if due:
        info("drill1.next-retry", f"due dates from {due[0]} to {due[-1]} (R5/PT5M: five minutes after each failure)")
    check(admin.count("/engine-rest/incident/count") == 0, "drill1.no-incident-during-outage",
          "0 incidents after the first failure of every mail job")
    # readiness must stay UP (reports are still accepted); the overall health shows mail DOWN
    probe = Http(args.base)
    ready_status, ready = probe.call("GET", "/actuator/health/readiness")
    health_status, health = probe.call("GET", "/actuator/health")
    mail = (health or {}).get("components", {}).get("mail", {}).get("status") if isinstance(health, dict) else None
    check(ready_status == 200, "drill1.readiness-up-during-outage",
          f"/actuator/health/readiness {ready_status} {(ready or {}).get('status') if isinstance(ready, dict) else ready}; "
          f"/actuator/health {health_status}, mail {mail}")


def cmd_due_now(args):
    """Optional speed-up of drill 1: move every failed job's due date to now, one PUT per job."""
    admin = Admin(args.base)
    jobs = admin.all(f"/engine-rest/job?processDefinitionKey={PROCESS_KEY}&withException=true&sortBy=jobId&sortOrder=asc")
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000+0000")
    for job in jobs:
        status, body = admin.call("PUT", f"/engine-rest/job/{job['id']}/duedate", {"duedate": now})
        if status != 204:
            raise RuntimeError(f"PUT /job/{job['id']}/duedate: {status} {body}")
    info("drill1.retry", f"due dates of {len(jobs)} failed jobs set to now (PUT /engine-rest/job/{{id}}/duedate)")


def verify_mails(admin, args, exact, prefix, results):
    """Mails against what every case in the database should have sent. exact: each expected
    Message-ID exactly once (drill 1); otherwise at least once, duplicates counted (drill 2)."""
    by_case, emails, expected = expected_mails(admin, args.domain)
    mails = read_mails(args.mail_log, args.since_line)
    per_id = collections.Counter(m["messageId"] for m in mails)
    unexpected = [m for m in mails if m["messageId"] not in expected]
    missing = [mid for mid in expected if mid not in per_id]
    duplicated = {mid: n for mid, n in per_id.items() if n > 1}
    acks = [m for m in mails if m["messageId"] in expected and expected[m["messageId"]][1] == "ack"]
    alerts = [m for m in mails if m["messageId"] in expected and expected[m["messageId"]][1] == "alert"]
    answered = {r["reference"] for r in results if r.get("status") == 201}
    ack_recipients = collections.Counter(r for m in acks for r in m["rcpt"])
    wanted_ack_recipients = {emails[c] for c in by_case if emails.get(c)}
    answered_emails = {f"reporter-{r['n']}@drill.test" for r in results if r.get("status") == 201}

    info(f"{prefix}.mails", f"{len(mails)} messages received: {len(acks)} acknowledgements, {len(alerts)} committee alerts, "
         f"{len(unexpected)} unexpected; {len(per_id)} distinct Message-IDs; {len(by_case)} cases in the database")
    # every envelope goes to the one recipient its Message-ID was computed for
    wrong_rcpt = [m for m in mails if m["messageId"] in expected and m["rcpt"] != [expected[m["messageId"]][2]]]
    check(not wrong_rcpt, f"{prefix}.recipient-matches-message-id", f"{len(wrong_rcpt)} messages whose envelope recipient "
          f"differs from the one their Message-ID stands for")
    check(not missing, f"{prefix}.no-mail-lost", f"{len(expected) - len(missing)} of {len(expected)} expected mails arrived "
          f"({len(by_case)} cases x (1 acknowledgement + {len(COMMITTEE)} alerts)); missing {len(missing)}")
    check(not unexpected, f"{prefix}.no-unexpected-mail", f"{len(unexpected)} messages that no case should have sent")
    for m in unexpected[:5]:
        info(f"{prefix}.unexpected-mail", json.dumps(m))
    check(answered_emails <= wanted_ack_recipients and answered_emails <= set(ack_recipients), f"{prefix}.every-reporter-acknowledged",
          f"{len(answered_emails & set(ack_recipients))} of {len(answered_emails)} reporters answered 201 got their acknowledgement")
    member_counts = {email: sum(1 for m in alerts if email in m["rcpt"]) for _, email in COMMITTEE}
    member_distinct = {email: len({m["messageId"] for m in alerts if email in m["rcpt"]}) for _, email in COMMITTEE}
    if exact:
        check(len(answered) == len(by_case) and set(by_case.values()) == answered, f"{prefix}.cases-are-the-201s",
              f"{len(by_case)} cases in the database, {len(answered)} references answered 201, same set: {set(by_case.values()) == answered}")
        check(not duplicated, f"{prefix}.no-duplicate-message-id",
              f"{len(duplicated)} Message-IDs delivered more than once (a retry that was delivered twice)")
        check(len(acks) == len(by_case) and len(ack_recipients) == len(by_case) and all(v == 1 for v in ack_recipients.values()),
              f"{prefix}.acks-exactly-once-per-reporter",
              f"{len(acks)} acknowledgements to {len(ack_recipients)} distinct reporter addresses, "
              f"max {max(ack_recipients.values(), default=0)} per address")
        check(all(n == len(by_case) for n in member_counts.values()) and all(n == len(by_case) for n in member_distinct.values()),
              f"{prefix}.alerts-one-per-member-per-case",
              f"alerts per member {member_counts}, distinct Message-IDs per member {member_distinct}, expected {len(by_case)} each")
    else:
        extra = [c for c, ref in by_case.items() if ref not in answered]
        info(f"{prefix}.cases", f"{len(by_case)} cases in the database: {len(answered)} answered 201, "
             f"{len(extra)} committed without the client seeing the 201 (in flight at the kill)")
        info(f"{prefix}.alerts-per-member", f"{member_counts} (distinct Message-IDs {member_distinct})")
    return by_case, expected, per_id, mails


def cmd_drill1_verify(args):
    admin = Admin(args.base)
    done, waited = wait_for_mails(admin, args.mail_log, args.domain, 0, args.timeout, args.grace)
    check(done, "drill1.mails-after-recovery", f"every expected mail arrived and no job was left {waited:.0f} s after the sink started"
          if done else f"NOT every mail arrived within {args.timeout} s after the sink started")
    mails = read_mails(args.mail_log)
    if mails:
        info("drill1.delivery-window", f"first mail {mails[0]['t'] - args.sink_started:.0f} s, last {mails[-1]['t'] - args.sink_started:.0f} s "
             "after the sink started")
    verify_mails(admin, args, True, "drill1", read_rows(args.results))
    check(admin.count("/engine-rest/incident/count") == 0, "drill1.no-incident", "0 incidents (GET /engine-rest/incident/count)")
    executable, failed = open_jobs(admin)
    check(executable == 0 and failed == 0, "drill1.no-job-left", f"{executable} jobs due, {failed} with an exception")


def cmd_load(args):
    """Closed-loop load for --seconds from --clients clients (drill 2); drills.sh kills the server
    meanwhile. A client that gets no answer waits a little and tries again with a new number."""
    numbers = itertools.count(args.first)
    lock = threading.Lock()
    results = ResultFile(args.out)
    stop_at = time.time() + args.seconds

    def client():
        http = Http(args.base, timeout=10)
        while time.time() < stop_at:
            with lock:
                n = next(numbers)
            row = post_report(http, n)
            results.write(row)
            if "error" in row:
                time.sleep(0.2)   # the server is gone: do not spin on refused connections
        http.close()

    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def cmd_drill2_load_summary(args):
    """What the clients saw around the kill."""
    rows = read_rows(args.results)
    kill = args.kill_time
    before = [r for r in rows if r["t1"] < kill]
    created = [r for r in rows if r.get("status") == 201]
    errors = [r for r in rows if "error" in r]
    in_flight = [r for r in errors if r["t0"] < kill]   # sent before the kill, no answer
    after = [r for r in errors if r["t0"] >= kill]
    other = [r for r in rows if "status" in r and r["status"] != 201]
    info("drill2.load", f"{len(rows)} requests: {len(created)} answered 201 ({len(before)} answered before the kill at "
         f"+{kill - min(r['t0'] for r in rows):.1f} s), {len(errors)} without an answer, {len(other)} other statuses")
    info("drill2.no-answer", f"{len(in_flight)} in flight at the kill ({dict(collections.Counter(r['error'] for r in in_flight))}), "
         f"{len(after)} sent after it ({dict(collections.Counter(r['error'] for r in after))})")
    check(not other, "drill2.no-error-status", f"{len(other)} answers other than 201 "
          f"{dict(collections.Counter(r['status'] for r in other))}")
    # the kill must land in the middle of the load: answers before it, refused connections after it
    last = max(r["t1"] for r in created) - kill if created else 0
    check(created and last < 1 and after, "drill2.kill-mid-load",
          f"{len(created)} answered 201, the last {abs(last):.2f} s {'after' if last > 0 else 'before'} SIGKILL was sent "
          f"(answers already on their way); {len(after)} requests without an answer after it" if created else "no 201 at all")


def cmd_drill2_verify(args):
    """After the restart on the same database: every 201 exists, its tracking code works, the
    cases that were in flight at the kill go on, and every mail arrives."""
    admin = Admin(args.base)
    rows = read_rows(args.results)
    created = [r for r in rows if r.get("status") == 201]

    by_case = cases(admin)
    refs = set(by_case.values())
    lost = [r["reference"] for r in created if r["reference"] not in refs]
    check(not lost, "drill2.every-201-exists", f"{len(created) - len(lost)} of {len(created)} references answered 201 are cases "
          f"after the restart (GET /engine-rest/history/process-instance); lost: {lost[:10]}")

    # the reporter's view: every tracking code handed out answers 200 with its own reference
    probe = Http(args.base)
    bad = []
    for r in created:
        status, body = probe.call("GET", f"/api/tracking/{r['trackingCode']}")
        if status != 200 or body.get("reference") != r["reference"]:
            bad.append((r["reference"], status, str(body)[:120]))
    probe.close()
    check(not bad, "drill2.every-tracking-code-works", f"{len(created) - len(bad)} of {len(created)} tracking codes answer 200 "
          f"with their reference; failures {bad[:5]}")

    # the jobs as they were in the database between the kill and the restart (psql snapshot)
    snapshot = [line.split("|") for line in open(args.jobs_snapshot, encoding="utf-8").read().splitlines() if line]
    pending = collections.Counter(act for _, act, _ in snapshot)
    locked = sum(1 for _, _, owner in snapshot if owner == "t")
    in_flight_cases = {case for case, act, _ in snapshot if act == START_ACTIVITY}
    info("drill2.jobs-at-kill", f"{len(snapshot)} jobs left by the killed server: {dict(pending)}; {locked} of them locked by it "
         f"(the new job executor waits for the lock to expire, 5 minutes by default)")

    done, waited = wait_for_mails(admin, args.mail_log, args.domain, args.since_line, args.timeout, args.grace)
    check(done, "drill2.jobs-run-after-restart", f"every job ran and every expected mail arrived {waited:.0f} s after the restart"
          if done else f"NOT done within {args.timeout} s after the restart")
    by_case, expected, per_id, mails = verify_mails(admin, args, False, "drill2", rows)
    # the cases whose start continuation had not run at the kill: their mails too
    in_flight_ids = [mid for mid, (case, _, _) in expected.items() if case in in_flight_cases]
    arrived = sum(1 for mid in in_flight_ids if per_id.get(mid))
    check(arrived == len(in_flight_ids), "drill2.in-flight-cases-continue",
          f"{len(in_flight_cases)} cases waited at the kill for their start continuation; {arrived} of {len(in_flight_ids)} "
          f"of their mails arrived after the restart")
    # when did they arrive: a job the killed server had locked waits for its lock to expire
    first_seen = {}
    for m in mails:
        first_seen.setdefault(m["messageId"], m["t"])
    locked_start = {case for case, act, owner in snapshot if act == START_ACTIVITY and owner == "t"}
    for label, group in (("locked by the killed server", locked_start), ("not locked", in_flight_cases - locked_start)):
        times = [first_seen[mid] - args.restart_time for mid, (case, _, _) in expected.items() if case in group and mid in first_seen]
        if times:
            info("drill2.in-flight-delay", f"{len(group)} cases whose start continuation was {label}: their mails arrived "
                 f"{min(times):.0f}-{max(times):.0f} s after the restarted server was ready")
    # a duplicate is acceptable only as at-least-once delivery: a mail job that the killed server
    # had left unfinished (in the snapshot), whose first copy went out before the kill. The sink
    # stamps a mail when it has read it, so a copy the server finished writing as the signal landed
    # can carry a stamp a little after the kill: allow a second for that.
    unfinished = {(case, act) for case, act, _ in snapshot}
    activity = {"ack": ACK_ACTIVITY, "alert": ALERT_ACTIVITY}
    copies = collections.defaultdict(list)
    for m in mails:
        copies[m["messageId"]].append(m["t"])
    duplicated = {mid: times for mid, times in copies.items() if len(times) > 1}
    explained = [mid for mid, times in duplicated.items() if mid in expected
                 and (expected[mid][0], activity[expected[mid][1]]) in unfinished and times[0] < args.kill_time + 1.0]
    for mid, times in duplicated.items():
        case, kind, _ = expected.get(mid, ("?", "?", "?"))
        info("drill2.duplicate", f"{mid}: {kind} of case {by_case.get(case, case)}, copies at "
             + ", ".join(f"{t - args.kill_time:+.2f} s" for t in times) + " from the kill")
    check(len(explained) == len(duplicated), "drill2.duplicates-only-from-interrupted-jobs",
          f"{len(duplicated)} Message-IDs delivered twice, {len(explained)} of them by a mail job the killed server left "
          f"unfinished after its first copy was accepted (at-least-once; same Message-ID, so mail programs can drop the copy); "
          f"{sum(1 for _, act, _ in snapshot if act != START_ACTIVITY)} mail jobs were unfinished at the kill")
    reached = admin.count(f"/engine-rest/history/activity-instance/count?activityId=ServiceTask_OpenCase&finished=true"
                          f"&processDefinitionKey={PROCESS_KEY}")
    check(reached == len(by_case), "drill2.every-case-opened", f"{reached} of {len(by_case)} cases passed ServiceTask_OpenCase")
    check(admin.count("/engine-rest/incident/count") == 0, "drill2.no-incident", "0 incidents (GET /engine-rest/incident/count)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("sink")
    p.add_argument("port", type=int)
    p.add_argument("log")

    def with_base(name):
        p = sub.add_parser(name)
        p.add_argument("--base", required=True)
        return p

    with_base("users")
    p = with_base("submit")
    p.add_argument("--count", type=int, default=500)
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--first", type=int, default=1)
    p.add_argument("--out", required=True)
    p = with_base("wait-failed")
    p.add_argument("--expected", type=int, required=True)
    p.add_argument("--timeout", type=int, default=300)
    with_base("due-now")
    for name in ("drill1-verify", "drill2-verify"):
        p = with_base(name)
        p.add_argument("--results", required=True)
        p.add_argument("--mail-log", required=True)
        p.add_argument("--domain", required=True)
        p.add_argument("--since-line", type=int, default=0)
        p.add_argument("--timeout", type=int, default=600)
        p.add_argument("--grace", type=int, default=15)
        if name == "drill1-verify":
            p.add_argument("--sink-started", type=float, required=True)
        else:
            p.add_argument("--jobs-snapshot", required=True)
            p.add_argument("--restart-time", type=float, required=True)
            p.add_argument("--kill-time", type=float, required=True)
    p = with_base("load")
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--seconds", type=int, default=30)
    p.add_argument("--first", type=int, default=100001)
    p.add_argument("--out", required=True)
    p = sub.add_parser("drill2-load-summary")
    p.add_argument("--results", required=True)
    p.add_argument("--kill-time", type=float, required=True)

    args = parser.parse_args()
    if args.command == "sink":
        run_sink(args.port, args.log)
        return
    {"users": cmd_users, "submit": cmd_submit, "wait-failed": cmd_wait_failed, "due-now": cmd_due_now,
     "drill1-verify": cmd_drill1_verify, "load": cmd_load, "drill2-load-summary": cmd_drill2_load_summary,
     "drill2-verify": cmd_drill2_verify}[args.command](args)


if __name__ == "__main__":
    main()
