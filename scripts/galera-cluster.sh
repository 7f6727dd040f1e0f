#!/usr/bin/env bash
# galera-cluster.sh runs a 3-node MariaDB Galera cluster on loopback for the
# cluster tests: SQL ports 3311-3313, group ports 4571-4573, IST 4581-4583,
# SST 4591-4593. Needs mariadb-server, galera-4 and rsync (Debian); must run
# as root (the nodes run as the mysql user, which rsync state transfer needs).
#
#   scripts/galera-cluster.sh start    # idempotent: starts the nodes not running; a cold start is a fresh cluster
#   scripts/galera-cluster.sh status   # cluster size per node; exit 1 if not 3
#   scripts/galera-cluster.sh stop     # stops every node, keeps the data
#   scripts/galera-cluster.sh urls     # prints RETORT_TEST_GALERA_URLS
#   scripts/galera-cluster.sh installed  # exit 0 if galera-4 is installed
#
# GALERA_DIR (default /tmp/retort-galera) holds each node's data, my.cnf,
# pid and err.log. Tests read RETORT_TEST_GALERA_URLS (space-separated URLs).
set -euo pipefail

dir=${GALERA_DIR:-/tmp/retort-galera}
provider=${GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}
nodes=(1 2 3)

log() { printf 'galera: %s\n' "$*" >&2; }

installed() { [[ -f $provider ]] && command -v mariadbd >/dev/null && command -v rsync >/dev/null; }

port() { echo "331$1"; }

ping() { mariadb-admin --no-defaults -h127.0.0.1 -P"$(port "$1")" -uroot ping >/dev/null 2>&1; }

# running N: the node's pid file names a live process.
running() {
	local pidf=$dir/n$1/pid
	[[ -s $pidf ]] && kill -0 "$(cat "$pidf")" 2>/dev/null
}

size() {
	mariadb --no-defaults -h127.0.0.1 -P"$(port "$1")" -uroot -N -B \
		-e "SHOW STATUS LIKE 'wsrep_cluster_size'" 2>/dev/null | awk '{print $2}'
}

configure() {
	local i=$1 d=$dir/n$1
	install -d -o mysql -g mysql "$d"
	chmod 755 "$dir"
	if [[ ! -d $d/data/mysql ]]; then
		mariadb-install-db --no-defaults --datadir="$d/data" --user=mysql \
			--auth-root-authentication-method=normal >"$d/install.log" 2>&1
	fi
	cat >"$d/my.cnf" <<CNF
[mariadbd]
datadir=$d/data
socket=$d/sock
port=$(port "$i")
bind-address=127.0.0.1
pid-file=$d/pid
log-error=$d/err.log
user=mysql
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=64M
max_connections=400
wsrep_on=ON
wsrep_provider=$provider
wsrep_cluster_name=retortlab
wsrep_cluster_address=gcomm://127.0.0.1:4571,127.0.0.1:4572,127.0.0.1:4573
wsrep_node_address=127.0.0.1
wsrep_node_name=n$i
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:457$i;ist.recv_addr=127.0.0.1:458$i"
wsrep_sst_receive_address=127.0.0.1:459$i
wsrep_sst_method=rsync
CNF
}

# wait_up N SECS: wait for node N to answer and be synced.
wait_up() {
	local i=$1
	for _ in $(seq "$2"); do
		if ping "$i" && [[ $(mariadb --no-defaults -h127.0.0.1 -P"$(port "$i")" -uroot -N -B \
			-e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | awk '{print $2}') == Synced ]]; then
			return 0
		fi
		# No pid file yet means the node is still starting.
		if [[ -s $dir/n$i/pid ]] && ! running "$i"; then
			log "node $i exited; see $dir/n$i/err.log"
			return 1
		fi
		sleep 1
	done
	log "node $i did not come up; see $dir/n$i/err.log"
	return 1
}

# launch N [ARGS]: start node N in the background.
launch() {
	local i=$1
	shift
	rm -f "$dir/n$i/pid" # a node killed (SIGKILL) leaves its pid file
	mariadbd --defaults-file="$dir/n$i/my.cnf" "$@" >/dev/null 2>&1 </dev/null &
	disown || true
}

start() {
	installed || { log "galera-4, mariadb-server or rsync is not installed"; exit 2; }
	local up=() i
	for i in "${nodes[@]}"; do
		if running "$i"; then up+=("$i"); fi
	done
	if ((${#up[@]} == 0)); then
		# A cold start is a fresh cluster: the lab holds test databases
		# only, and nodes stopped one after another disagree on history
		# (a node that applied more than node 1 refuses to join it:
		# "Reversing history ... Must abort"). So the data goes.
		for i in "${nodes[@]}"; do rm -rf "${dir:?}/n$i/data"; done
	fi
	for i in "${nodes[@]}"; do configure "$i"; done
	if ((${#up[@]} == 0)); then
		log "bootstrapping node 1"
		launch 1 --wsrep-new-cluster
		wait_up 1 60
		up=(1)
	fi
	for i in "${nodes[@]}"; do
		if ! running "$i"; then
			log "starting node $i"
			launch "$i"
		fi
	done
	for i in "${nodes[@]}"; do wait_up "$i" 120; done
	status
}

stop() {
	local i pid
	for i in "${nodes[@]}"; do
		running "$i" || continue
		pid=$(cat "$dir/n$i/pid")
		log "stopping node $i (pid $pid)"
		kill "$pid"
		for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
	done
}

status() {
	local i s bad=0
	for i in "${nodes[@]}"; do
		s=$(size "$i" || true)
		printf 'node %d port %s cluster_size %s\n' "$i" "$(port "$i")" "${s:-down}"
		[[ ${s:-0} == 3 ]] || bad=1
	done
	return $bad
}

urls() {
	local i out=()
	for i in "${nodes[@]}"; do out+=("mysql://root@127.0.0.1:$(port "$i")/"); done
	echo "${out[*]}"
}

case ${1:-} in
start) start ;;
stop) stop ;;
status) status ;;
urls) urls ;;
installed) installed ;;
*)
	echo "usage: $0 start|stop|status|urls|installed" >&2
	exit 2
	;;
esac
