#!/usr/bin/env bash
# scripts/cluster-up end to end, as an operator runs it (CTest `cluster.ClusterUp`, label
# cluster): started with two nodes on a free port, it prints the address; through HAProxy
# the site answers and the requests reach both nodes; each node reads from the hot
# standby (`diseasemaps_replica_in_use 1`); a member signs up on the site and the standby
# has the account within seconds; SIGTERM (Ctrl-C's work) stops every process it started
# and removes its directory.
# Usage: tests/cluster/cluster-up-test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$(cd "${1:?usage: cluster-up-test.sh SOURCE_DIR BUILD_DIR}" && pwd)
build=$(cd "${2:?usage: cluster-up-test.sh SOURCE_DIR BUILD_DIR}" && pwd)
out=$(mktemp)
cluster_pid=
cleanup() {
  if [[ -n "$cluster_pid" ]] && kill -0 "$cluster_pid" 2>/dev/null; then
    kill -TERM "$cluster_pid" 2>/dev/null || true
    wait "$cluster_pid" 2>/dev/null || true
  fi
  rm -f "$out"
}
trap cleanup EXIT
fail() { echo "cluster-up-test: FAIL: $*" >&2; echo "--- cluster-up said:" >&2; cat "$out" >&2; exit 1; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
within() {  # SECONDS COMMAND...: true once COMMAND succeeds within SECONDS
  local until=$((SECONDS + $1)); shift
  until "$@"; do ((SECONDS < until)) || return 1; sleep 0.2; done
}

# HAProxy's port: free, and below the range of outgoing connections' ports (as cluster-up
# chooses its own).
ephemeral_low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
span=$((ephemeral_low > 21024 ? ephemeral_low - 20000 : 10000))
port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + (RANDOM * 32768 + RANDOM) % span))
  if port_free "$candidate"; then port=$candidate; break; fi
done
[[ -n "$port" ]] || fail "no free port"
site=http://127.0.0.1:$port

cd "$source_dir"
scripts/cluster-up --nodes 2 --port "$port" --build "$build" >"$out" 2>&1 &
cluster_pid=$!
started() { grep -q "through HAProxy" "$out" || { kill -0 "$cluster_pid" 2>/dev/null || fail "cluster-up exited"; false; }; }
within 180 started || fail "cluster-up did not say it was serving within 180 s"
grep -q "hot standby on 127.0.0.1:" "$out" || fail "no standby was started"
dir=$(grep -o '/tmp/diseasemaps-cluster\.[A-Za-z0-9]*' "$out" | head -n 1)
[[ -n "$dir" && -d "$dir" ]] || fail "cluster-up did not name its directory"
mapfile -t node_ports < <(grep -o 'node [0-9]* on 127.0.0.1:[0-9]*' "$out" | sed 's/.*://')
((${#node_ports[@]} == 2)) || fail "expected 2 nodes, cluster-up named ${#node_ports[@]}"
standby_port=$(grep -o 'hot standby on 127.0.0.1:[0-9]*' "$out" | sed 's/.*://')

# Through HAProxy: the site answers, and round robin spreads requests over both nodes.
within 10 curl -sf -o /dev/null "$site/healthz" || fail "/healthz through HAProxy does not answer"
for _ in $(seq 1 10); do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$site/forums")
  [[ "$status" == 200 ]] || fail "/forums through HAProxy answered $status"
done
metric() {  # NODE_PORT PATTERN: the value of the first metric line matching PATTERN
  curl -sf "http://127.0.0.1:$1/metrics" | grep -E "$2" | head -n 1 | awk '{ print $NF }'
}
for node_port in "${node_ports[@]}"; do
  served=$(metric "$node_port" '^diseasemaps_http_requests_total\{route="/forums",status="200"\}')
  ((${served:-0} > 0)) || fail "node on $node_port answered no /forums request through HAProxy"
  replica_in_use() { [[ "$(metric "$node_port" '^diseasemaps_replica_in_use ')" == 1 ]]; }
  within 15 replica_in_use || fail "node on $node_port does not read from the standby"
done

# A sign-up written through HAProxy reaches the standby.
jar=$(mktemp)
csrf=$(curl -sf -c "$jar" -b "$jar" "$site/register" | grep -o 'name="csrf" value="[^"]*"' | head -n 1 |
  sed 's/.*value="//; s/"$//')
[[ -n "$csrf" ]] || fail "the sign-up form has no CSRF token"
email="cluster-up-$RANDOM@example.org"
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" \
  --data-urlencode "display_name=Cluster Test" --data-urlencode "email=$email" \
  --data-urlencode "password=correct horse battery staple" "$site/register")
rm -f "$jar"
[[ "$status" == 303 || "$status" == 200 ]] || fail "signing up through HAProxy answered $status"
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg=(); [[ $(id -u) -eq 0 ]] && as_pg=(runuser -u postgres --)
on_standby() {
  [[ "$("${as_pg[@]}" "$bindir/psql" -X -A -t -h 127.0.0.1 -p "$standby_port" -U postgres -d diseasemaps \
    -c "SELECT COUNT(*) FROM users WHERE email = '$email'" 2>/dev/null)" == 1 ]]
}
within 10 on_standby || fail "the account made through HAProxy is not on the standby"

# SIGTERM stops everything it started and removes its directory.
kill -TERM "$cluster_pid"
wait "$cluster_pid" 2>/dev/null || true
cluster_pid=
[[ ! -e "$dir" ]] || fail "$dir is still there"
for p in "$port" "${node_ports[@]}" "$standby_port"; do
  stopped() { port_free "$p"; }
  within 10 stopped || fail "port $p still answers after cluster-up stopped"
done
for cmdline in /proc/[0-9]*/cmdline; do  # no procps needed
  if tr '\0' ' ' 2>/dev/null <"$cmdline" | grep -qF "$dir"; then
    fail "a process of $dir is still running: $(tr '\0' ' ' <"$cmdline")"
  fi
done
echo "cluster-up-test: 2 nodes and a standby through HAProxy on $port; stopped cleanly"
