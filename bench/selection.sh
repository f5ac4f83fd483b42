#!/usr/bin/env bash
# The task force's solvers at call size: PanelSelection (500 applications, 12 seats, four
# categories) and ReviewerAssignment (500 applications, 15 reviewers, 3 each), against the built
# classes. Appends the result, with date and machine, to bench/RESULTS.md.
#   bench/selection.sh [applications] [reviewers] [runs]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"
[ -d target/classes/org/cultivate/taskforce ] || ./mvnw -B -q -DskipTests compile
CP="target/classes:$(./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeArtifactIds=ojalgo,jgrapht-core,jheaps)"
javac -d "$WORK" -cp "$CP" bench/SelectionBench.java
# ojAlgo prints a notice about unknown hardware profiles on its first use: not part of the result
OUT=$(java -cp "$WORK:$CP" org.cultivate.taskforce.SelectionBench "$@" | grep -E '^(selection|assignment) ')
echo "$OUT"
{
    echo
    echo "## Task-force solvers ($(date -u '+%-d %b %Y, %H:%M UTC'))"
    echo
    echo "- machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2 " RAM, " $7 " available"}'), $(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "$OUT" | sed 's/^/- /'
} >> bench/RESULTS.md
