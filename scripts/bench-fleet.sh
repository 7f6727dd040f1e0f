#!/usr/bin/env bash
# bench-fleet.sh times a fleet upgrade (issue 18, must-show 3): SQLITE
# SQLite files, PG PostgreSQL databases and MY MariaDB databases (defaults
# 200, 100, 100), each upgraded through a 5-revision history, first by the
# sequential loop users write around a one-database tool
# (for url in ...; do migrate upgrade head --url "$url"; done), then by
# "migrate upgrade head --all --parallel $PARALLEL" (default 8) on a fresh
# set. One broken target per kind is added to the --all run: it must be
# reported and the others finish. Prints one line per kind.
#
#   scripts/bench-fleet.sh
#   SQLITE=20 PG=10 MY=10 scripts/bench-fleet.sh
set -euo pipefail

n_sqlite=${SQLITE:-200} n_pg=${PG:-100} n_my=${MY:-100} par=${PARALLEL:-8}
pg=${RETORT_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable}
my=${RETORT_TEST_MYSQL_URL:-mysql://root@127.0.0.1:3306/}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
prefix=retort_fleet_$$
cleanup() {
	for i in $(seq "$n_pg"); do for s in a b; do echo "DROP DATABASE IF EXISTS ${prefix}_${s}_$i;"; done; done | psql -q "$pg" >/dev/null 2>&1 || true
	for i in $(seq "$n_my"); do for s in a b; do echo "DROP DATABASE IF EXISTS ${prefix}_${s}_$i;"; done; done | mariadb -h127.0.0.1 -uroot >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT

(cd "$root" && go build -o "$tmp/migrate" ./cmd/migrate)
mkdir -p "$tmp/p/migrations/versions"
prev=null
for r in 1 2 3 4 5; do
	cat >"$tmp/p/migrations/versions/r${r}_step.yaml" <<REV
revision: r$r
down_revision: $prev
message: step $r
upgrade:
  - create_table: {name: t$r, columns: [{name: id, type: integer, primary_key: true}, {name: v, type: varchar(40)}]}
  - create_index: {name: ix_t${r}_v, table: t$r, columns: [v]}
  - bulk_insert: {table: t$r, rows: [{id: 1, v: a}, {id: 2, v: b}]}
downgrade:
  - drop_table: {name: t$r}
REV
	prev=r$r
done

# urls KIND SET: the URLs of one set (a or b) of one kind, one a line.
urls() {
	local i
	case $1 in
	sqlite) for i in $(seq "$n_sqlite"); do echo "sqlite:///$tmp/$2/t$i.db"; done ;;
	postgres) for i in $(seq "$n_pg"); do echo "${pg%%/postgres\?*}/${prefix}_$2_$i?sslmode=disable"; done ;;
	mysql) for i in $(seq "$n_my"); do echo "${my%/}/${prefix}_$2_$i"; done ;;
	esac
}

create() {
	local i
	case $1 in
	sqlite) mkdir -p "$tmp/$2" ;;
	postgres) for i in $(seq "$n_pg"); do echo "CREATE DATABASE ${prefix}_$2_$i;"; done | psql -q "$pg" >/dev/null ;;
	mysql) for i in $(seq "$n_my"); do echo "CREATE DATABASE ${prefix}_$2_$i;"; done | mariadb -h127.0.0.1 -uroot ;;
	esac
}

now() { date +%s.%N; }

# busy: CPU seconds all cores have spent busy (user, nice, system, irq,
# softirq) since boot, from /proc/stat. Over a phase on a quiet machine it
# is the client's and the server's CPU together; beside the phase's wall
# time and the core count it says whether the phase was CPU-bound.
busy() { awk -v hz="$(getconf CLK_TCK)" '/^cpu /{printf "%.2f\n", ($2+$3+$4+$7+$8)/hz}' /proc/stat; }
cores=$(nproc)

# settle: flush what creating the databases (and the previous phase) left
# dirty, so that neither phase pays for the other's checkpoint. CREATE
# DATABASE on PostgreSQL 15 writes each new database to the WAL; 200 of them
# trigger a checkpoint that otherwise lands in whichever phase runs next.
settle() {
	case $1 in
	postgres) psql -q "$pg" -c CHECKPOINT >/dev/null ;;
	mysql) mariadb -h127.0.0.1 -uroot -e 'FLUSH TABLES' ;;
	esac
	sync
}

for kind in sqlite postgres mysql; do
	create "$kind" a
	create "$kind" b
	settle "$kind"
	c0=$(busy)
	t0=$(now)
	while read -r u; do "$tmp/migrate" --directory "$tmp/p/migrations" upgrade head --url "$u" >/dev/null; done < <(urls "$kind" a)
	t1=$(now)
	c1=$(busy)
	settle "$kind"
	{
		echo "targets:"
		urls "$kind" b | sed 's/^/  - /'
		case $kind in
		sqlite) echo "  - sqlite:///$tmp/nodir/broken.db" ;;
		postgres) echo "  - ${pg%%/postgres\?*}/${prefix}_missing?sslmode=disable" ;;
		mysql) echo "  - ${my%/}/${prefix}_missing" ;;
		esac
	} >"$tmp/p/migrate.yaml"
	set +e
	c1b=$(busy)
	t1b=$(now)
	"$tmp/migrate" --config "$tmp/p/migrate.yaml" --directory "$tmp/p/migrations" --format json upgrade head --all --parallel "$par" >"$tmp/$kind.json" 2>"$tmp/$kind.err"
	code=$?
	set -e
	t2=$(now)
	c2=$(busy)
	ok=$(grep -c '"result": "ok"' "$tmp/$kind.json" || true)
	failed=$(grep -c '"result": "FAILED"' "$tmp/$kind.json" || true)
	awk -v k="$kind" -v n="$(urls "$kind" a | wc -l)" -v s="$(echo "$t1 - $t0" | bc)" -v p="$(echo "$t2 - $t1b" | bc)" \
		-v par="$par" -v ok="$ok" -v f="$failed" -v c="$code" \
		'BEGIN { printf "%-8s %4d targets: sequential loop %6.2fs, --all --parallel %d %6.2fs (%.1fx); %d ok, %d failed (the broken one), exit %d\n", k, n, s, par, p, s/p, ok, f, c }'
	awk -v s="$(echo "$t1 - $t0" | bc)" -v p="$(echo "$t2 - $t1b" | bc)" -v cs="$(echo "$c1 - $c0" | bc)" -v cp="$(echo "$c2 - $c1b" | bc)" -v n="$cores" \
		'BEGIN { printf "         CPU busy (client and server): loop %.2fs (%.0f%% of %d cores), --all %.2fs (%.0f%% of %d cores); ceiling at full use %.1fx\n", cs, 100*cs/(s*n), n, cp, 100*cp/(p*n), n, s/(cp/n) }'
done
