#!/usr/bin/env bash
# bench-startup.sh measures the cold start of "migrate current" (issue 7:
# target under 30 ms) on a temporary SQLite project with 1 and with 1,000
# revisions, and of "migrate version" for reference. It builds the binary
# (and a CGO_ENABLED=0 one), stamps the database at head, runs each
# command RUNS times (default 50) and prints the min and median wall time
# in milliseconds.
#
#   scripts/bench-startup.sh            # build from this checkout
#   RUNS=200 scripts/bench-startup.sh
#   BIN=/tmp/migrate scripts/bench-startup.sh   # time an existing binary
set -euo pipefail

runs=${RUNS:-50}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

bin=${BIN:-$tmp/migrate}
if [[ -z ${BIN:-} ]]; then
	(cd "$root" && go build -o "$bin" ./cmd/migrate)
fi

# project DIR N writes a SQLite project with a linear history of N
# revisions, each with a small upgrade and downgrade, stamped at head.
project() {
	local dir=$1 n=$2 down=null id
	mkdir -p "$dir"
	(cd "$dir" && "$bin" init >/dev/null)
	for ((i = 1; i <= n; i++)); do
		id=$(printf '%012x' $((0x100000000000 + i)))
		cat >"$dir/migrations/versions/${id}_step_$i.yaml" <<REV
revision: $id
down_revision: $down
branch_labels: []
depends_on: []
message: step $i
created: 2026-11-24T00:00:00Z
transactional: true
upgrade:
  - add_column:
      table: users
      column: {name: c$i, type: integer}
downgrade:
  - drop_column: {table: users, column: {name: c$i, type: integer}}
REV
		down=$id
	done
	(cd "$dir" && "$bin" stamp head >/dev/null)
}

# timeit LABEL DIR ARGS... prints min and median of RUNS runs, in ms,
# timed with bash's $EPOCHREALTIME (no date process in the measurement).
timeit() {
	local label=$1 dir=$2
	shift 2
	(
		cd "$dir"
		"$bin" "$@" >/dev/null # warm the page cache
		for ((i = 0; i < runs; i++)); do
			t0=$EPOCHREALTIME
			"$bin" "$@" >/dev/null
			t1=$EPOCHREALTIME
			echo "$t0 $t1"
		done
	) | awk '{ printf "%.3f\n", ($2 - $1) * 1000 }' | sort -n | awk -v label="$label" '
		{ t[NR] = $1 }
		END { printf "%-28s min %6.1f ms  median %6.1f ms  (%d runs)\n", label, t[1], t[int((NR + 1) / 2)], NR }'
}

project "$tmp/one" 1
project "$tmp/thousand" 1000

timeit "migrate version" "$tmp/one" version
timeit "migrate current (1 rev)" "$tmp/one" current
timeit "migrate current (1,000 revs)" "$tmp/thousand" current

# A static build (CGO_ENABLED=0, as release builds are made) skips the
# dynamic loader and libc start-up that net and os/user bring with cgo.
if [[ -z ${BIN:-} ]]; then
	bin=$tmp/migrate-static
	(cd "$root" && CGO_ENABLED=0 go build -o "$bin" ./cmd/migrate)
	echo "CGO_ENABLED=0:"
	timeit "migrate version" "$tmp/one" version
	timeit "migrate current (1 rev)" "$tmp/one" current
	timeit "migrate current (1,000 revs)" "$tmp/thousand" current
fi
