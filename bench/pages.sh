#!/bin/sh
# The page benchmark in one command: package the jar, then measure it (bench/README.md).
# Arguments go to both Maven runs, e.g. bench/pages.sh -o -Dbench.baseline=/tmp/old.jar
set -e
cd "$(dirname "$0")/.."
./mvnw -q "$@" package -DskipTests
./mvnw "$@" -Pbench test -Dtest=PageBenchmark
