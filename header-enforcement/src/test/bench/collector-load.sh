#!/bin/sh
# Runs CollectorLoadBenchmark on this checkout's own classes (the reactor builds shared-domain and
# header-enforcement; nothing is installed into ~/.m2). Arguments go to the benchmark:
# seconds per run, clients, paced rates (comma-separated). Example: collector-load.sh 15 16 250,500,1000
set -eu
cd "$(dirname "$0")/../../../.."
./mvnw -B -ntp -q -pl header-enforcement -am test-compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
exec java -cp "header-enforcement/target/test-classes:header-enforcement/target/classes:$(cat header-enforcement/target/bench.cp)" \
    org.secheaders.enforcement.collector.CollectorLoadBenchmark "$@"
