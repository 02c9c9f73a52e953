#!/usr/bin/env bash
# The smoke set: net installed from its packed tarball, globally, into a
# temporary prefix, with whatever Node.js is first on PATH, then used as a
# person would from a folder that has nothing to do with the checkout.
#   scripts/smoke.sh [net-journal-X.Y.Z.tgz]   (without one: packs the current build)
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# `fail WHAT [OUTPUT]`: says what failed, with the output that shows it, and stops.
fail() {
  echo "FAIL $1"
  [ -n "${2-}" ] && printf '%s\n' "$2"
  exit 1
}
if [ $# -ge 1 ]; then
  tarball=$(realpath "$1")
else
  tarball="$work/$(cd "$(dirname "$0")/.." && npm pack --ignore-scripts --silent --pack-destination "$work")"
fi
prefix="$work/prefix"
echo "smoke: node $(node --version), $(basename "$tarball")"

npm install -g --prefix "$prefix" --no-audit --no-fund "$tarball" >"$work/install.log" 2>&1 || fail "npm install -g" "$(cat "$work/install.log")"
package="$prefix/lib/node_modules/net-journal"
echo "ok   installed: $(du -sh "$package" | cut -f1)"
# Only what runs: the build's sources, benchmarks and esbuild's map of the bundle stay home.
for absent in dist/src dist/bench dist/cli/meta.json src test node_modules/commander node_modules/kysely node_modules/ics; do
  [ ! -e "$package/$absent" ] || fail "the package holds $absent"
done
echo "ok   the package holds only what runs"
for page in net.1 netj.1; do
  [ -e "$prefix/share/man/man1/$page" ] || fail "no $page in $prefix/share/man/man1"
done
echo "ok   man net and man netj are installed"

mkdir "$work/elsewhere" "$work/home"
cd "$work/elsewhere"
export HOME="$work/home" NET_NOW=2026-03-14 TZ=Europe/Rome LANG=C.UTF-8 PATH="$prefix/bin:$PATH"
unset NET_DB XDG_DATA_HOME NET_DEBUG

# `expect NAME PATTERN CMD…`: CMD exits 0 and prints PATTERN (a grep -E pattern, stdout and stderr together).
expect() {
  local name=$1 pattern=$2 out
  shift 2
  out=$("$@" 2>&1) || fail "$name (exit $?)" "$out"
  grep -Eq -- "$pattern" <<<"$out" || fail "$name: no /$pattern/ in" "$out"
  echo "ok   $name"
}

version=$(tar xzf "$tarball" package/package.json -O | node -p 'JSON.parse(require("node:fs").readFileSync(0, "utf8")).version')
[ "$(command -v net)" = "$prefix/bin/net" ] || fail "net on PATH is $(command -v net)"
expect "net --version is the package's ($version)" "^$version\$" net --version
expect "net demo" 'demo network is ready' net demo
expect "net due on the demo" 'Lorenzo Bruno' env NET_DB="$HOME/.local/share/net/demo.db" net due
expect "net add" 'Added Ada Lovelace' net add "Ada Lovelace" --circle close
expect "net log" 'Logged coffee with Ada Lovelace' net log ada --via coffee -m "talked about engines"
# The full-text index needs SQLite's FTS5 in the installed addon.
expect "net search" 'Ada Lovelace.*talked about engines' net search engine
printf 'name,company\nCharles Babbage,Analytical Engines\nMary Somerville,\n' >people.csv
expect "net import csv" 'added 2' net import csv people.csv
expect "net export" 'Charles Babbage' net export contacts --json
expect "net due" 'Ada Lovelace|Nothing' net due
# A calendar: ical.js, inside the bundle, folds lines at 75 octets.
expect "net export due --ics" 'BEGIN:VCALENDAR' env NET_DB="$HOME/.local/share/net/demo.db" net export due --ics
expect "net undo" 'Took back' net undo --yes
out=$(net export contacts --csv) || fail "net export after undo" "$out"
grep -q 'Charles Babbage' <<<"$out" && fail "net undo left the imported people" "$out"
echo "ok   the import is taken back"
expect "net doctor" 'integrity +ok' net doctor
expect "netj, the second name" 'Ada Lovelace' netj list
echo "smoke: all passed on node $(node --version)"
