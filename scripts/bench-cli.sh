#!/usr/bin/env bash
# bench-cli.sh times the built `migrate` binary end to end, as a user runs
# it, on the 1,000-table schemagen fixture (the one the library benchmarks
# use: go run ./internal/schemagen/cmd/schemagen), on PostgreSQL, MariaDB
# and SQLite, and prints one table (markdown) that the README's
# performance section quotes.
#
# Each cell is the median wall time of RUNS runs (default 5, after one
# warm-up), with the median CPU time (user+sys) and the largest peak RSS
# of those runs, all from /usr/bin/time -v. Commands that change state
# (revision --autogenerate, upgrade head, bulk load) get their state reset
# before every run, outside the timing. `current` cold start is the
# minimum of COLD_RUNS runs (default 60; hyperfine when installed).
#
# Rows:
#   inspect yaml|json|sql         migrate inspect --format F of the loaded database
#   diff|check, no change         against the loaded database, schema.yaml unchanged
#   diff|check, 1% changed        schema.yaml with a column added to 10 tables
#   autogenerate 1% / 100%        revision --autogenerate (writing the file);
#                                 100% = the empty database against schema.yaml
#   upgrade head (baseline)       the 1,000-table baseline revision on an empty database
#   history, 10,000 revisions     migrate history (no database read; one column)
#   current cold start            SQLite project with one revision (one column)
#   bulk load 1M rows             PostgreSQL: bulk_insert of a 1M-row CSV vs psql \copy
# Peers, in the same run when installed: `atlas schema inspect` (an atlas
# binary on PATH or $ATLAS, or ATLAS_INSPECT=PROGRAM: a program built on the
# ariga.io/atlas library, run as PROGRAM postgres|mysql|sqlite DSN, that
# calls InspectRealm; build it outside this repository) and Alembic (`alembic current` cold start and
# `alembic history` of 10,000 revisions; python3 -m alembic).
#
#   scripts/bench-cli.sh                       # all three databases
#   DBS="sqlite postgres" RUNS=3 scripts/bench-cli.sh
#   BIN=/tmp/migrate scripts/bench-cli.sh      # time an existing binary
#   ROWS=100000 scripts/bench-cli.sh           # a smaller bulk load
#
# Needs: go, /usr/bin/time; psql for PostgreSQL (127.0.0.1:5432, user
# postgres, trust) and mysql for MariaDB (127.0.0.1:3306, root). A database
# whose server does not answer is left out with a note. The script creates
# and drops databases named retort_bench_cli*; nothing else is touched.
# Quote the table with the machine's load (printed first): on a shared
# machine the CPU column is steadier than wall time.
set -euo pipefail

runs=${RUNS:-5}
cold_runs=${COLD_RUNS:-60}
rows=${ROWS:-1000000}
dbs=${DBS:-postgres mysql sqlite}
pghost=${PGHOST:-127.0.0.1}
myhost=${MYHOST:-127.0.0.1}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
cleanup() {
	psql -h "$pghost" -U postgres -qAtc 'DROP DATABASE IF EXISTS retort_bench_cli' >/dev/null 2>&1 || true
	psql -h "$pghost" -U postgres -qAtc 'DROP DATABASE IF EXISTS retort_bench_cli_bulk' >/dev/null 2>&1 || true
	mysql -h "$myhost" -uroot -e 'DROP DATABASE IF EXISTS retort_bench_cli' >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT

log() { echo "bench-cli: $*" >&2; }

bin=${BIN:-$tmp/migrate}
if [[ -z ${BIN:-} ]]; then
	log "building migrate (CGO_ENABLED=0, as releases are built)"
	(cd "$root" && CGO_ENABLED=0 go build -o "$bin" ./cmd/migrate)
fi
(cd "$root" && go run ./internal/schemagen/cmd/schemagen >"$tmp/schema.yaml" &&
	go run ./internal/schemagen/cmd/schemagen -change 1 >"$tmp/schema-1pct.yaml")

# Results: res[ROW|DB] = "wall cpu rss" text for the table.
declare -A res
rowsorder=()
addrow() { [[ " ${rowsorder[*]} " == *" $1 "* ]] || rowsorder+=("$1"); }

# measure ROW DB PREP DIR CMD... runs PREP (a shell snippet, untimed) then
# CMD in DIR, RUNS times after a warm-up, and records the medians.
measure() {
	local row=$1 db=$2 prep=$3 dir=$4
	shift 4
	addrow "$row"
	local f=$tmp/time.txt out=$tmp/runs.txt i
	: >"$out"
	for ((i = 0; i <= runs; i++)); do
		if ! (cd "$dir" && eval "$prep") >"$tmp/stderr.txt" 2>&1; then
			log "$row on $db: resetting the state failed: $(tail -3 "$tmp/stderr.txt")"
			res[$row|$db]="failed"
			return 0
		fi
		if ! (cd "$dir" && /usr/bin/time -v -o "$f" "$@" >/dev/null 2>"$tmp/stderr.txt"); then
			log "$row on $db failed: $(tail -3 "$tmp/stderr.txt")"
			res[$row|$db]="failed"
			return 0
		fi
		((i == 0)) && continue # warm-up
		awk -F': ' '/Elapsed \(wall/ { n = split($2, p, ":"); w = 0; for (k = 1; k <= n; k++) w = w * 60 + p[k] }
			/User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 }
			END { printf "%.3f %.3f %d\n", w, u + s, m }' "$f" >>"$out"
	done
	res[$row|$db]=$(awk '{ w[NR] = $1; c[NR] = $2; if ($3 > m) m = $3 }
		END { n = asort(w); asort(c); k = int((n + 1) / 2)
			printf "%.3f s (cpu %.2f s, %d MiB)", w[k], c[k], m / 1024 }' "$out")
}

# url DB prints the URL of the benchmark database.
url() {
	case $1 in
	postgres) echo "postgres://postgres@$pghost:5432/retort_bench_cli?sslmode=disable" ;;
	mysql) echo "mysql://root@$myhost:3306/retort_bench_cli" ;;
	sqlite) echo "sqlite:///$tmp/sqlite/bench.db" ;;
	esac
}

# fresh DB prints a shell snippet that empties the benchmark database.
fresh() {
	case $1 in
	postgres) echo "psql -h $pghost -U postgres -qAtc 'DROP DATABASE IF EXISTS retort_bench_cli' && psql -h $pghost -U postgres -qAtc 'CREATE DATABASE retort_bench_cli'" ;;
	mysql) echo "mysql -h $myhost -uroot -e 'DROP DATABASE IF EXISTS retort_bench_cli; CREATE DATABASE retort_bench_cli'" ;;
	sqlite) echo "rm -f $tmp/sqlite/bench.db" ;;
	esac
}

reachable() {
	case $1 in
	postgres) psql -h "$pghost" -U postgres -qAtc 'SELECT 1' >/dev/null 2>&1 ;;
	mysql) mysql -h "$myhost" -uroot -e 'SELECT 1' >/dev/null 2>&1 ;;
	sqlite) true ;;
	*) false ;;
	esac
}

atlas=${ATLAS:-$(command -v atlas || true)}

# bench_db DB runs every per-database row on DB.
bench_db() {
	local db=$1 p=$tmp/$1 u
	u=$(url "$db")
	mkdir -p "$p" && (cd "$p" && "$bin" init >/dev/null)
	cp "$tmp/schema.yaml" "$p/schema.yaml"
	sed "s|^schema: schema.yaml|schema: $tmp/schema-1pct.yaml|" "$p/migrate.yaml" >"$p/migrate-1pct.yaml"
	export DATABASE_URL=$u
	local v=$p/migrations/versions
	measure "autogenerate, 100% changed" "$db" "$(fresh "$db"); rm -f $v/*" "$p" \
		"$bin" revision --autogenerate -m baseline
	measure "upgrade head, 1,000-table baseline" "$db" "$(fresh "$db")" "$p" "$bin" upgrade head
	for f in yaml json sql; do
		measure "inspect --format $f" "$db" : "$p" "$bin" inspect --format "$f" --url "$u"
	done
	if [[ -n $atlas ]]; then
		local au=$u
		[[ $db == mysql ]] && au="mysql://root@$myhost:3306/retort_bench_cli"
		[[ $db == sqlite ]] && au="sqlite://$tmp/sqlite/bench.db"
		measure "peer: atlas schema inspect" "$db" : "$p" "$atlas" schema inspect -u "$au"
	fi
	if [[ -n ${ATLAS_INSPECT:-} ]]; then
		local dsn
		case $db in
		postgres) dsn=$u ;;
		mysql) dsn="root@tcp($myhost:3306)/retort_bench_cli" ;;
		sqlite) dsn=$tmp/sqlite/bench.db ;;
		esac
		measure "peer: Atlas library InspectRealm" "$db" : "$p" "$ATLAS_INSPECT" "$db" "$dsn"
	fi
	measure "diff, no change" "$db" : "$p" "$bin" diff
	measure "check, no change" "$db" : "$p" "$bin" check
	measure "diff, 1% changed" "$db" : "$p" "$bin" --config migrate-1pct.yaml diff
	# check exits 1 on a difference: that is its answer, not a failure.
	measure "check, 1% changed" "$db" : "$p" sh -c "'$bin' --config migrate-1pct.yaml check; [ \$? -le 1 ]"
	local keep
	keep=$(ls "$v")
	measure "autogenerate, 1% changed" "$db" "find $v -type f ! -name '$keep' -delete" "$p" \
		"$bin" --config migrate-1pct.yaml revision --autogenerate -m one_percent
	unset DATABASE_URL
}

# history10k: a SQLite project with 10,000 revisions (the database is not read).
history10k() {
	local p=$tmp/history down=null id i
	mkdir -p "$p" && (cd "$p" && "$bin" init >/dev/null)
	for ((i = 1; i <= 10000; i++)); do
		id=$(printf '%012x' $((0x100000000000 + i)))
		printf 'revision: %s\ndown_revision: %s\nmessage: step %d\ncreated: 2026-11-24T00:00:00Z\nupgrade:\n  - add_column: {table: users, column: {name: c%d, type: integer}}\ndowngrade:\n  - drop_column: {table: users, column: c%d}\n' \
			"$id" "$down" "$i" "$i" "$i" >"$p/migrations/versions/${id}_step_$i.yaml"
		down=$id
	done
	measure "history, 10,000 revisions" any : "$p" "$bin" history
}

# cold: migrate current on a SQLite project with one revision, minimum.
cold() {
	local p=$tmp/cold
	mkdir -p "$p" && (cd "$p" && "$bin" init >/dev/null && "$bin" revision -m one >/dev/null && "$bin" upgrade head >/dev/null)
	addrow "current cold start (min)"
	if command -v hyperfine >/dev/null; then
		res["current cold start (min)|any"]=$(cd "$p" && hyperfine -N -w 5 -r "$cold_runs" --export-json "$tmp/h.json" "$bin current" >/dev/null 2>&1 &&
			python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f ms (median %.1f ms, hyperfine)" % (r["min"]*1e3, r["median"]*1e3))' "$tmp/h.json")
	else
		res["current cold start (min)|any"]=$(cd "$p" && for ((i = 0; i < cold_runs; i++)); do
			t0=$EPOCHREALTIME
			"$bin" current >/dev/null
			t1=$EPOCHREALTIME
			echo "$t0 $t1"
		done | awk '{ d = ($2 - $1) * 1000; if (NR == 1 || d < m) m = d } END { printf "%.1f ms", m }')
	fi
}

# alembic_peer: alembic current cold start and history of 10,000 revisions.
alembic_peer() {
	local py=/usr/bin/python3 p=$tmp/alembic i down=None
	$py -c 'import alembic' 2>/dev/null || { log "alembic not installed (apt-get install python3-alembic): no Alembic rows"; return 0; }
	mkdir -p "$p" && (cd "$p" && $py -m alembic init alembic >/dev/null 2>&1)
	sed -i "s|^sqlalchemy.url = .*|sqlalchemy.url = sqlite:///$p/app.db|" "$p/alembic.ini"
	printf 'revision = "000000000001"\ndown_revision = None\ndef upgrade(): pass\ndef downgrade(): pass\n' >"$p/alembic/versions/000000000001_one.py"
	(cd "$p" && $py -m alembic upgrade head >/dev/null 2>&1)
	addrow "peer: alembic current cold start (min)"
	res["peer: alembic current cold start (min)|any"]=$(cd "$p" && for ((i = 0; i < 10; i++)); do
		t0=$EPOCHREALTIME
		$py -m alembic current >/dev/null 2>&1
		t1=$EPOCHREALTIME
		echo "$t0 $t1"
	done | awk '{ d = ($2 - $1) * 1000; if (NR == 1 || d < m) m = d } END { printf "%.1f ms", m }')
	local h=$tmp/alembic-history
	cp -r "$p" "$h" && rm -f "$h"/alembic/versions/*.py
	for ((i = 1; i <= 10000; i++)); do
		id=$(printf '%012x' $((0x100000000000 + i)))
		printf 'revision = "%s"\ndown_revision = %s\ndef upgrade(): pass\ndef downgrade(): pass\n' "$id" "$down" >"$h/alembic/versions/${id}_step.py"
		down="\"$id\""
	done
	measure "peer: alembic history, 10,000 revisions" any : "$h" $py -m alembic history
}

# bulk: PostgreSQL bulk_insert of a ROWS-row CSV against psql \copy.
bulk() {
	local p=$tmp/bulk u="postgres://postgres@$pghost:5432/retort_bench_cli_bulk?sslmode=disable"
	mkdir -p "$p" && (cd "$p" && "$bin" init >/dev/null)
	local v=$p/migrations/versions
	awk -v n="$rows" 'BEGIN { print "id,name,amount,created,flag"
		for (i = 1; i <= n; i++) printf "%d,name %d,%d.%02d,2026-11-%02d 12:34:56,%s\n", i, i, i % 10000, i % 100, i % 28 + 1, (i % 2 ? "true" : "false") }' >"$v/rows.csv"
	cat >"$v/000000000001_table.yaml" <<'REV'
revision: "000000000001"
down_revision: null
message: table
upgrade:
  - create_table:
      name: bench_rows
      columns:
        - {name: id, type: bigint, primary_key: true}
        - {name: name, type: text}
        - {name: amount, type: "numeric(12,2)"}
        - {name: created, type: timestamp}
        - {name: flag, type: boolean}
downgrade:
  - drop_table: {name: bench_rows}
REV
	cat >"$v/000000000002_rows.yaml" <<'REV'
revision: "000000000002"
down_revision: "000000000001"
message: rows
upgrade:
  - bulk_insert: {table: bench_rows, file: rows.csv}
downgrade:
  - execute: TRUNCATE bench_rows
REV
	local ps="psql -h $pghost -U postgres"
	local reset="$ps -qAtc 'DROP DATABASE IF EXISTS retort_bench_cli_bulk' && $ps -qAtc 'CREATE DATABASE retort_bench_cli_bulk' && DATABASE_URL='$u' $bin upgrade 000000000001"
	DATABASE_URL=$u measure "bulk load ${rows} rows: migrate upgrade" postgres "$reset" "$p" "$bin" upgrade head
	measure "bulk load ${rows} rows: psql \\copy (ceiling)" postgres "$reset" "$p" \
		$ps -d retort_bench_cli_bulk -qc "\\copy bench_rows FROM '$v/rows.csv' WITH (FORMAT csv, HEADER true)"
}

echo "# bench-cli.sh, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average before: $(cut -d" " -f1-3 /proc/loadavg)"
ran=()
for db in $dbs; do
	if ! reachable "$db"; then
		log "$db: no server answers; left out"
		continue
	fi
	log "$db: 1,000 tables"
	mkdir -p "$tmp/sqlite"
	bench_db "$db"
	ran+=("$db")
done
log "history and cold start"
history10k
cold
alembic_peer
if [[ " ${ran[*]} " == *" postgres "* ]]; then
	log "PostgreSQL bulk load of $rows rows"
	bulk
fi

cols=("${ran[@]}" any)
printf '\n| command (median of %d; cpu = user+sys; peak RSS) |' "$runs"
for c in "${cols[@]}"; do printf ' %s |' "$c"; done
printf '\n|---|'
for c in "${cols[@]}"; do printf -- '---|'; done
printf '\n'
for r in "${rowsorder[@]}"; do
	printf '| %s |' "$r"
	for c in "${cols[@]}"; do printf ' %s |' "${res[$r|$c]:-}"; done
	printf '\n'
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
