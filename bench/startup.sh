#!/usr/bin/env bash
# Start-up time and resident memory of the packaged jar (see docs/benchmarks.md, "Start-up and memory").
# Usage, from the project directory after ./mvnw -B -o -DskipTests package:
#   bench/startup.sh [runs]                      # embedded default (H2 file database in a fresh directory each run)
#   SPRING_DATASOURCE_URL=jdbc:mysql://127.0.0.1:3306/bb_startup SPRING_DATASOURCE_USERNAME=root \
#     SPRING_DATASOURCE_PASSWORD= bench/startup.sh [runs]   # MariaDB (an empty database; drop and recreate it first)
# JAVA_OPTS (e.g. -Xmx512m) are passed to the JVM. Per run: milliseconds from launching `java -jar` until
# /actuator/health/readiness answers UP, then VmRSS (from /proc/<pid>/status) after 10 s idle. Prints medians.
set -euo pipefail
runs=${1:-5}
jar=$(ls target/badgebridge-*.jar | grep -v -- '-plain' | head -1)
jar=$(readlink -f "$jar")
starts=(); rss=()
for run in $(seq 1 "$runs"); do
  dir=$(mktemp -d /tmp/bb-startup.XXXXXX)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  t0=$(date +%s%N)
  (cd "$dir" && exec java ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" --badgebridge.public-url="http://localhost:$port" \
      --spring.main.banner-mode=off > "$dir/out.log" 2>&1) &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the jar stopped; see $dir/out.log" >&2; tail -20 "$dir/out.log" >&2; exit 1; fi
    sleep 0.05
  done
  t1=$(date +%s%N)
  jpid=$(pgrep -P "$pid" java || echo "$pid")
  sleep 10
  kb=$(awk '/VmRSS/ {print $2}' "/proc/$jpid/status")
  starts+=($(( (t1 - t0) / 1000000 ))); rss+=($(( kb / 1024 )))
  echo "run $run: ready in ${starts[-1]} ms, RSS idle ${rss[-1]} MB (load $(cut -d' ' -f1 /proc/loadavg))"
  kill "$jpid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "BENCH start-up: median $(median "${starts[@]}") ms to readiness UP; RSS idle median $(median "${rss[@]}") MB; $(nproc) cores; runs $runs"
