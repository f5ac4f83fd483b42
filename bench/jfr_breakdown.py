#!/usr/bin/env python3
"""Where the server's CPU goes per path, from a Java Flight Recorder recording of a bench run.

    JAVA_OPTS="-XX:FlightRecorderOptions:stackdepth=512 -XX:StartFlightRecording=filename=/tmp/intake.jfr,settings=profile" \
        bench/intake.sh
    python3 bench/jfr_breakdown.py /tmp/intake.jfr

Reads the jdk.ExecutionSample events (Java threads on CPU; GC and JIT threads are not sampled)
with `jfr print`, sorts each sample into intake (FormController.submit), raw (/engine-rest),
job executor, or other, and prints for each path the share of samples that pass through a few
telling methods (inclusive: a sample counts for every marker on its stack), then the packages
the samples end in (exclusive). The deep Spring + Camunda stacks need the stackdepth option, or
the frames that say which path a sample belongs to are cut off.
"""
import collections
import subprocess
import sys

# (label, frame prefix): inclusive markers, in the order a request meets them
MARKERS = {
    "intake": [
        ("Tomcat + Spring MVC + filters (whole request)", "org.apache.catalina.core.ApplicationFilterChain.doFilter"),
        ("FormController.readBody (JSON parse)", "org.cultivate.intake.FormController.readBody"),
        ("IntakeService.submit (transactional)", "org.cultivate.intake.IntakeService.submit"),
        ("  StartForms.find (definition query)", "org.cultivate.intake.StartForms.find"),
        ("  SubmissionValidator.validate", "org.cultivate.intake.SubmissionValidator.validate"),
        ("  TrackingCodes (random, SHA-256)", "org.cultivate.intake.TrackingCodes"),
        ("  CaseTrackingRepository.create (2 inserts)", "org.cultivate.intake.CaseTrackingRepository.create"),
        ("  RuntimeService.startProcessInstanceById", "org.camunda.bpm.engine.impl.RuntimeServiceImpl.startProcessInstanceById"),
        ("    engine command: StartProcessInstanceCmd", "org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd.execute"),
        ("    engine flush (inserts) at command close", "org.camunda.bpm.engine.impl.interceptor.CommandContext.close"),
        ("  Spring transaction commit", "org.springframework.transaction.interceptor.TransactionAspectSupport.commitTransactionAfterReturning"),
        ("response JSON", "org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodProcessor.writeWithMessageConverters"),
    ],
    "raw": [
        ("Tomcat + Spring MVC + filters (whole request)", "org.apache.catalina.core.ApplicationFilterChain.doFilter"),
        ("HTTP Basic: checkPassword", "org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider.extractAuthenticatedUser"),
        ("HTTP Basic: groups + tenants of the user", "org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter.setAuthenticatedUser"),
        ("REST start resource", "org.camunda.bpm.engine.rest.sub.repository.impl.ProcessDefinitionResourceImpl.startProcessInstance"),
        ("  engine command: StartProcessInstanceCmd", "org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd.execute"),
        ("  authorization checks", "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager"),
        ("  engine flush (inserts) at command close", "org.camunda.bpm.engine.impl.interceptor.CommandContext.close"),
        ("JAX-RS (RESTEasy/Jersey) JSON in and out", "com.fasterxml.jackson"),
    ],
}
# cross-cutting, for every path
LIBRARIES = [
    ("PostgreSQL JDBC driver", "org.postgresql."),
    ("MyBatis", "org.apache.ibatis."),
    ("HikariCP", "com.zaxxer.hikari."),
    ("Jackson", "com.fasterxml.jackson."),
    ("logging (logback/slf4j)", "ch.qos.logback."),
]


def classify(thread, frames):
    if any(f.startswith("org.cultivate.intake.FormController.submit") for f in frames):
        return "intake"
    # the bench's own /engine-rest job counts also land here, a few a second and only between phases
    if thread.startswith("http-nio") and any(f.startswith("org.camunda.bpm.engine.rest.") for f in frames):
        return "raw"
    if thread.startswith("http-nio"):
        return "other HTTP"
    if "TaskExecutor" in thread or "JobExecutor" in thread:
        return "job executor"
    return "other: " + thread.rstrip("0123456789-")


def samples(path):
    """Yields (thread name, [frame 'pkg.Class.method', top of stack first]) per execution sample."""
    cmd = ["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "512", path]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, bufsize=1 << 20) as proc:
        thread, frames, in_stack = None, [], False
        for line in proc.stdout:
            s = line.strip()
            if s.startswith("jdk.ExecutionSample"):
                thread, frames, in_stack = None, [], False
            elif s.startswith("sampledThread ="):
                thread = s.split('"')[1] if '"' in s else s
            elif s.startswith("stackTrace = ["):
                in_stack = True
            elif in_stack and s == "]":
                in_stack = False
                yield thread or "?", frames
            elif in_stack and s and s != "...":
                frames.append(s.split("(")[0])


def main(path):
    counts = collections.Counter()
    marker_hits = collections.defaultdict(collections.Counter)
    leaf_packages = collections.defaultdict(collections.Counter)
    for thread, frames in samples(path):
        bucket = classify(thread, frames)
        counts[bucket] += 1
        for label, prefix in MARKERS.get(bucket, []) + LIBRARIES:
            if any(f.startswith(prefix) for f in frames):
                marker_hits[bucket][label] += 1
        if frames:
            leaf_packages[bucket][".".join(frames[0].split(".")[:4])] += 1
    total = sum(counts.values())
    print(f"{total} execution samples (Java threads on CPU)\n")
    for bucket, n in counts.most_common():
        print(f"{bucket:<28} {n:7d}  {100.0 * n / total:5.1f} %")
    for bucket in ("intake", "raw", "job executor"):
        n = counts[bucket]
        if not n:
            continue
        print(f"\n== {bucket}: {n} samples; share of this path's samples that pass through (inclusive)")
        for label, _ in MARKERS.get(bucket, []) + LIBRARIES:
            print(f"  {label:<52} {100.0 * marker_hits[bucket][label] / n:5.1f} %")
        print(f"  -- where the samples end (exclusive, top packages)")
        for package, m in leaf_packages[bucket].most_common(8):
            print(f"  {package:<52} {100.0 * m / n:5.1f} %")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
