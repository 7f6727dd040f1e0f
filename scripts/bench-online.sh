#!/usr/bin/env bash
# bench-online.sh is issue 17's must-show 1: on PostgreSQL and MariaDB, a
# table of ROWS rows (default 1,000,000) under 4 connections doing reads
# and updates by key, and a transaction holding its lock on the table for
# HOLD (default 3s) when the upgrade starts. The naive revision and the
# `revision --autogenerate --online` revisions of the same change (an
# index, a foreign key, SET NOT NULL, varchar(20) widened to varchar(40))
# are applied by the built migrate binary, each to a fresh copy; the
# load's p99 and max latency and failed queries are printed side by side
# (a markdown table, quoted in docs/online.md).
#
#   RETORT_TEST_POSTGRES_URL=... RETORT_TEST_MYSQL_URL=... scripts/bench-online.sh
#   ROWS=20000 scripts/bench-online.sh     # a smoke run (about 25 s)
set -euo pipefail
cd "$(dirname "$0")/.."
export RETORT_ONLINE_BENCH=1 RETORT_REQUIRE_DBS="${RETORT_REQUIRE_DBS:-1}"
exec go test -count=1 -timeout 60m -run '^TestOnlineLoadBench$' -v ./cmd/migrate
