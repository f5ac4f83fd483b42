#!/usr/bin/env python3
"""Helper of bench/badinput.sh: generated malformed requests against the public API, and the checks.

Python standard library only. Every request goes out over a plain socket (HTTP/1.1, one request
per connection), so that nothing repairs it on the way: paths with `..` and bad escapes, raw bytes,
contradictory headers. The same kinds of bad input as src/test/java/org/cultivate/intake/
MalformedRequestsPropertyTest, drawn from a seeded random generator, so a run is repeatable.

    badinput.py send --base URL --form FILE --count N --seed S    the requests; PASS/FAIL/INFO lines
    badinput.py good --base URL                                   one good report, which must be 201

Every check prints one line, `PASS name: detail` or `FAIL name: detail`, with drills.py's check().
"""
import argparse
import collections
import json
import random
import re
import socket
import sys
import urllib.parse

from drills import check, info   # the same PASS/FAIL/INFO lines as the fault drills

FORM_ID = "incident-report"
SUBMISSIONS = f"/api/forms/{FORM_ID}/submissions"
GOOD_REPORT = {"description": "Someone shouted at me during the meetup.", "location": "event",
               "reporterEmail": "reporter@example.org"}
AS_JSON = {"Content-Type": "application/json"}

PATH_TRICKS = ["..", "%2e%2e", "%2E%2E", "..;", "..%2F..", "%2F", "%5C..%5C", "..\\..", "%00", "%0d%0aSet-Cookie:%20a=b",
               ".", "%2e", "a;b=c", "%25", "%", "%zz", "%ff%fe", "%c0%ae%c0%ae", "{x}", "a|b", "\u00e9", "%C3%A9",
               "../../engine-rest/task", "..%252F..", "%u002e%u002e", "incident-report/../../engine-rest/task", ""]
CONTENT_TYPES = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
                 "application/xml", "application/octet-stream", ";;;", "application/json; charset=nope", "json", None]
ACCEPTS = ["image/png", "text/html", "application/xml", ";;;", "x", "text/*"]
NOT_AN_OBJECT = ["", " ", "[]", "[1, 2]", "\"text\"", "42", "null", "true", "{", "{\"description\":}",
                 "{'description': 'single quotes'}", "\u0000"]
CONTROLS = [chr(c) for c in list(range(0x00, 0x09)) + [0x0b, 0x0c] + list(range(0x0e, 0x20)) + list(range(0x7f, 0xa0))]
# in a header, bytes from 0x80 up are obs-text, which HTTP allows: only C0 controls and DEL are wrong there
HEADER_CONTROLS = [c for c in CONTROLS if "\x00" < c <= "\x7f"]


def log(message):
    print(f"[badinput.py] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# HTTP over a socket


def send(base, method, target, headers, body):
    """One request on its own connection; returns (status, content type, body bytes)."""
    url = urllib.parse.urlsplit(base)
    head = f"{method} {target} HTTP/1.1\r\nHost: {url.hostname}\r\nConnection: close\r\n"
    for name, value in headers.items():
        head += f"{name}: {value}\r\n"
    if body is not None:
        head += f"Content-Length: {len(body)}\r\n"
    request = (head + "\r\n").encode("latin-1") + (body or b"")
    return send_raw(url.hostname, url.port, request)


def send_raw(host, port, request):
    with socket.create_connection((host, port), timeout=30) as conn:
        conn.sendall(request)
        chunks = []
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    answer = b"".join(chunks)
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    fields = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip()
    if fields.get("transfer-encoding", "").lower() == "chunked":
        body = dechunk(body)
    return status, fields.get("content-type", ""), body


def dechunk(data):
    out, at = b"", 0
    while True:
        line_end = data.index(b"\r\n", at)
        size = int(data[at:line_end].split(b";")[0], 16)
        if size == 0:
            return out
        out += data[line_end + 2:line_end + 2 + size]
        at = line_end + 2 + size + 2


# ---------------------------------------------------------------------------------------------
# The generator


class Generator:
    """Bad requests of every kind, from one seeded random source."""

    def __init__(self, form, seed):
        self.random = random.Random(seed)
        self.fields = list(fields_of(form["components"]))

    def request(self):
        kind = self.random.choices(["value", "body", "content-type", "method", "path", "accept", "raw"],
                                   weights=[30, 15, 10, 8, 22, 8, 7])[0]
        return (kind,) + getattr(self, kind.replace("-", "_"))()

    def value(self):
        field = self.random.choice(self.fields)
        report = dict(GOOD_REPORT)
        report[field["key"]] = self.malformed(field)
        return "POST", SUBMISSIONS, AS_JSON, encode(report)

    def malformed(self, field):
        r = self.random
        choices = [lambda: nested(r.randint(2, 200)), lambda: {self.word(): r.randint(-9, 9)}]
        kind = field["type"]
        if kind in ("textfield", "textarea"):
            choices += [self.number, r.random() < 0.5, lambda: [self.word()], self.with_lone_surrogate, self.with_control]
            if field.get("validate", {}).get("maxLength"):
                choices.append(lambda: self.word(int(field["validate"]["maxLength"]) + r.randint(1, 40)))
            if field.get("validate", {}).get("validationType") == "email":
                choices.append(lambda: "reporter@example.org" + r.choice(["\r\n", "\n", "\r"]) + "Bcc: victim@example.org")
        elif kind == "number":
            choices += [lambda: r.random() < 0.5, lambda: "x" + self.word()]
        elif kind == "checkbox":
            choices += [self.number, self.word, lambda: [self.word()]]
        elif kind in ("radio", "select"):
            offered = {value["value"] for value in field.get("values", [])}
            choices += [lambda: [self.word()], self.with_lone_surrogate,
                        lambda: next(text for text in iter(self.any_text, None) if text and text not in offered)]
        elif kind in ("checklist", "taglist"):
            choices += [self.number, self.word, lambda: [{}]]
        elif kind == "datetime":
            choices += [self.number, lambda: [self.word()], lambda: "x" + self.word()]
        choice = r.choice(choices)
        return choice() if callable(choice) else choice

    def body(self):
        r = self.random
        pick = r.randrange(4)
        if pick == 0:   # a continuation byte first: nothing after it makes valid UTF-8
            junk = bytes([r.randint(0x80, 0xbf)] + [r.randint(0x80, 0xff) for _ in range(r.randint(0, 7))])
            body = b'{"description": "Someone shouted ' + junk + b' at me."}'
        elif pick == 1:  # well-formed and under the size limit, only deeper than Jackson's 1000 levels
            depth, (opening, closing) = r.randint(1001, 6000), r.choice([("[", "]"), ('{"a":', "}")])
            body = ('{"description": ' + opening * depth + closing * depth + "}").encode()
        elif pick == 2:
            body = encode({"description": "x" * r.randint(64 * 1024, 200 * 1024)})
        else:
            body = r.choice(NOT_AN_OBJECT).encode()
        return "POST", SUBMISSIONS, AS_JSON, body

    def content_type(self):
        content_type = self.random.choice(CONTENT_TYPES)
        return "POST", SUBMISSIONS, {} if content_type is None else {"Content-Type": content_type}, encode(GOOD_REPORT)

    def method(self):
        method, path = self.random.choice([(m, p) for m in ("PUT", "PATCH", "DELETE", "POST")
                                           for p in (SUBMISSIONS, "/api/forms", f"/api/forms/{FORM_ID}")
                                           if (m, p) != ("POST", SUBMISSIONS)])
        return method, path, AS_JSON, encode(GOOD_REPORT)

    def path(self):
        r = self.random
        pick = r.randrange(3)
        trick = (r.choice(PATH_TRICKS) if pick == 0
                 else "".join(r.choice("A./%;\\") for _ in range(r.randint(1, 30))) if pick == 1
                 else "A" * r.randint(100, 20000))
        door = r.choice(["form", "track", "reply"])
        if door == "form":
            return "POST", f"/api/forms/{trick}/submissions", AS_JSON, encode(GOOD_REPORT)
        if door == "track":
            return "GET", f"/api/tracking/{trick}", {}, None
        return "POST", f"/api/tracking/{trick}/replies", AS_JSON, encode({"text": "Hello"})

    def accept(self):
        return "POST", SUBMISSIONS, dict(AS_JSON, Accept=self.random.choice(ACCEPTS)), encode(GOOD_REPORT)

    def raw(self):
        """Headers that Tomcat refuses itself: a control character, contradictory or garbled lengths."""
        r = self.random
        headers = r.choice([dict(AS_JSON, **{"X-Note": "one" + r.choice(HEADER_CONTROLS) + "two"}),
                            dict(AS_JSON, **{"Transfer-Encoding": "chunked", "Content-Length": "5"}),
                            dict(AS_JSON, **{"Content-Length": r.choice(["abc", "-1", "1 2", "99999999999999999999"])}),
                            dict(AS_JSON, **{"Bad Header": "x"}),
                            dict(AS_JSON, **{"X-Long": "A" * r.randint(9000, 20000)})])
        # a length of its own may be in the headers: the body goes out without another one
        body = encode(GOOD_REPORT)
        if "Content-Length" in headers or "Transfer-Encoding" in headers:
            return "POST", SUBMISSIONS, headers, None, body
        return "POST", SUBMISSIONS, headers, body

    def number(self):
        return self.random.choice([self.random.randint(-10 ** 12, 10 ** 12), self.random.uniform(-1e9, 1e9)])

    def word(self, length=None):
        length = length or self.random.randint(1, 12)
        return "".join(self.random.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(length))

    def any_text(self):
        return "".join(chr(self.random.randint(0, 0xffff)) for _ in range(self.random.randint(1, 20)))

    def with_lone_surrogate(self):
        lone = (chr(self.random.randint(0xd800, 0xdfff)) if self.random.random() < 0.5
                else "".join(chr(self.random.randint(0xd800, 0xdbff)) for _ in range(self.random.randint(2, 12))))
        return self.word(5) + lone + self.word(5)

    def with_control(self):
        return self.word(5) + self.random.choice(CONTROLS) + self.word(5)


def fields_of(components):
    for component in components:
        if component.get("type") == "group":
            yield from fields_of(component.get("components", []))
        elif component.get("key") and not component.get("disabled"):
            yield component


def nested(depth):
    value = []
    for _ in range(depth - 1):
        value = [value]
    return value


def encode(value):
    # ensure_ascii: a lone surrogate goes out as its escape, as a client's JSON.stringify would send it
    return json.dumps(value, ensure_ascii=True).encode("ascii")


# ---------------------------------------------------------------------------------------------
# Sub-commands


def cmd_send(args):
    with open(args.form, encoding="utf-8") as file:
        generator = Generator(json.load(file), args.seed)
    url = urllib.parse.urlsplit(args.base)
    by_answer, by_kind, bad = collections.Counter(), collections.Counter(), []
    for number in range(args.count):
        kind, method, target, headers, body, *raw_body = generator.request()
        try:
            if raw_body:
                head = f"{method} {target} HTTP/1.1\r\nHost: {url.hostname}\r\nConnection: close\r\n"
                head += "".join(f"{name}: {value}\r\n" for name, value in headers.items())
                status, content_type, answer = send_raw(url.hostname, url.port, (head + "\r\n").encode("latin-1") + raw_body[0])
            else:
                status, content_type, answer = send(args.base, method, target, headers, body)
        except Exception as exc:
            status, content_type, answer = 0, f"no answer ({type(exc).__name__})", b""
        media_type = content_type.split(";")[0].strip() or "(none)"
        by_answer[(status, media_type)] += 1
        by_kind[(kind, status)] += 1
        if not answered_as_problem(status, media_type, answer):
            # a receipt's tracking code is a secret, even one of a throw-away database
            shown = re.sub(rb'"trackingCode":"[^"]*"', b'"trackingCode":"(hidden)"', answer[:160])
            bad.append(f"#{number} {kind}: {method} {target[:100]} -> {status} {media_type} {shown!r}")
        if (number + 1) % 250 == 0:
            log(f"{number + 1} requests sent")
    for (status, media_type), count in sorted(by_answer.items()):
        info("badinput.answer", f"{count:5d} x {status} {media_type}")
    for (kind, status), count in sorted(by_kind.items()):
        info("badinput.kind", f"{kind:12s} {status}: {count}")
    server_errors = sum(count for (status, _), count in by_answer.items() if status >= 500 or status == 0)
    check(server_errors == 0, "badinput.no-5xx", f"{server_errors} of {args.count} answers were 5xx or no answer")
    check(not bad, "badinput.problem-json",
          f"{args.count - len(bad)} of {args.count} answers were 4xx application/problem+json with their status and a title")
    for line in bad[:10]:
        info("badinput.bad-answer", line)


def answered_as_problem(status, media_type, body):
    if not 400 <= status < 500 or media_type != "application/problem+json":
        return False
    try:
        problem = json.loads(body.decode("utf-8"))
    except ValueError:
        return False
    text = body.decode("utf-8", "replace")
    return (isinstance(problem, dict) and problem.get("status") == status and bool(problem.get("title"))
            and "Exception" not in text and "\tat " not in text)


def cmd_good(args):
    status, content_type, body = send(args.base, "POST", SUBMISSIONS, AS_JSON, encode(GOOD_REPORT))
    # the reference only: the tracking code is a secret, even a throw-away one
    reference = json.loads(body).get("reference") if status == 201 else body[:80]
    check(status == 201 and content_type.startswith("application/json"), "badinput.good-report",
          f"a good report after them: {status} {content_type}, reference {reference}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    sender = commands.add_parser("send")
    sender.add_argument("--base", required=True)
    sender.add_argument("--form", required=True)
    sender.add_argument("--count", type=int, default=1000)
    sender.add_argument("--seed", type=int, default=20261202)
    good = commands.add_parser("good")
    good.add_argument("--base", required=True)
    args = parser.parse_args()
    {"send": cmd_send, "good": cmd_good}[args.command](args)


if __name__ == "__main__":
    main()
