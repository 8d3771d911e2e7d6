#!/usr/bin/env bash
# The Debian package, as an operator gets it (CTest `package`, label package):
#   1. CPack builds it from the build tree (into a temporary directory);
#   2. its metadata: name, version, maintainer, licence, Depends covering every library
#      the binary links, and the config file marked as a conffile;
#   3. its files, extracted with dpkg-deb -x into a temporary root;
#   4. `systemd-analyze verify` on the unit, inside that root (so /usr/bin/diseasemaps
#      resolves to the packaged binary), with no warning at all;
#   5. the packaged config file names every option of the binary, and parses;
#   6. the packaged binary, started from that root with that config file (only the
#      database and port changed): migrate, serve on a free loopback port, /healthz, the
#      home page and a static file answer 200, and SIGTERM stops it with status 0.
# Usage: tests/package/package-test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$(cd "${1:?usage: package-test.sh SOURCE_DIR BUILD_DIR}" && pwd)
build=$(cd "${2:?usage: package-test.sh SOURCE_DIR BUILD_DIR}" && pwd)
work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "package-test: FAIL: $*" >&2; exit 1; }

# 1. Build the package.
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" > "$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack failed"; }
shopt -s nullglob
debs=("$work/out"/diseasemaps_*.deb)
((${#debs[@]} == 1)) || { cat "$work/cpack.log" >&2; fail "expected one diseasemaps_*.deb in $work/out"; }
deb=${debs[0]}
echo "package-test: built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# 2. Metadata.
info=$(dpkg-deb -I "$deb")
field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == diseasemaps ]] || fail "Package is '$(field Package)'"
version=$(sed -n 's/^project(diseasemaps VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
[[ $(field Version) == "$version" ]] || fail "Version is '$(field Version)', CMakeLists.txt says '$version'"
[[ $(field Maintainer) == *@* ]] || fail "no Maintainer address: '$(field Maintainer)'"
grep -q 'AGPL-3.0-or-later' <<<"$info" || fail "the description does not name the licence"
depends=$(field Depends)
# The package names in Depends, one a line, without versions or alternatives' bars.
depends_names=$(sed -e 's/([^)]*)//g' -e 's/[,|]/\n/g' <<<"$depends" | tr -d ' ')
dpkg-deb -e "$deb" "$work/control"
grep -qx '/etc/diseasemaps/diseasemaps.conf' "$work/control/conffiles" || fail "diseasemaps.conf is not a conffile"
for script in postinst prerm postrm; do
  [[ -x "$work/control/$script" ]] || fail "no executable $script"
  sh -n "$work/control/$script" || fail "$script is not valid sh"
done

# 3. Files.
root="$work/root"
dpkg-deb -x "$deb" "$root"
for file in usr/bin/diseasemaps usr/share/diseasemaps/static/css/site.css lib/systemd/system/diseasemaps.service \
            etc/diseasemaps/diseasemaps.conf usr/lib/sysusers.d/diseasemaps.conf usr/share/doc/diseasemaps/copyright; do
  [[ -e "$root/$file" ]] || fail "the package lacks /$file"
done
grep -q 'GNU AFFERO GENERAL PUBLIC LICENSE' "$root/usr/share/doc/diseasemaps/copyright" || fail "copyright lacks the AGPL"
grep -q 'Orphanet' "$root/usr/share/doc/diseasemaps/copyright" || fail "copyright lacks the data licences (NOTICE)"
# Depends names the package of every library the binary links.
for lib in $(readelf -d "$root/usr/bin/diseasemaps" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
  path=$(ldd "$root/usr/bin/diseasemaps" | awk -v lib="$lib" '$1 == lib { print $3 }')
  [[ -n "$path" ]] || fail "$lib does not resolve"
  owner=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null || dpkg -S "$path" 2>/dev/null || true)
  owner=${owner%%:*}
  [[ -n "$owner" ]] || fail "no Debian package holds $path"
  grep -qxF "$owner" <<<"$depends_names" || fail "Depends lacks $owner (for $lib)"
done

# 4. The unit verifies. Its default dependencies (sysinit.target, …) come from this
# machine's systemd, copied beside it for the check only.
units="$root/lib/systemd/system"
cp -n /lib/systemd/system/*.target /lib/systemd/system/*.slice "$units/"
verify=$(systemd-analyze verify --man=no --root="$root" "$units/diseasemaps.service" 2>&1) ||
  fail "systemd-analyze verify: $verify"
[[ -z "$verify" ]] || fail "systemd-analyze verify warns: $verify"
for setting in ProtectSystem=strict NoNewPrivileges=yes StateDirectory=diseasemaps PrivateTmp=yes ProtectHome=yes \
               RestrictAddressFamilies= 'ExecStartPre=/usr/bin/diseasemaps --config /etc/diseasemaps/diseasemaps.conf migrate'; do
  grep -q "^$setting" "$units/diseasemaps.service" || fail "the unit lacks $setting"
done

# 5. The config file names every option (commented or not).
binary="$root/usr/bin/diseasemaps"
conf="$root/etc/diseasemaps/diseasemaps.conf"
options=$({ "$binary" --help; "$binary" serve --help; } | grep -o -- '--[a-z][a-z0-9-]*' | sed 's/^--//' | sort -u)
for option in $options; do
  case "$option" in help|version|config|no-*) continue ;; esac
  grep -Eq "^#? ?$option =" "$conf" || fail "diseasemaps.conf does not mention '$option'"
done

# 6. Start the packaged binary from its root with the packaged settings (database and
# port changed, static files found from the binary's own path).
state="$work/state"
mkdir -p "$state"
sed -e "s|^database = .*|database = $state/diseasemaps.db|" -e 's|^port = .*|port = 0|' "$conf" > "$work/test.conf"
(cd "$state" && "$binary" --config "$work/test.conf" migrate) > "$work/migrate.log" 2>&1 ||
  { cat "$work/migrate.log" >&2; fail "migrate failed"; }
(cd "$state" && exec "$binary" --config "$work/test.conf" serve --no-migrate --no-access-log) > "$work/serve.log" 2>&1 &
server_pid=$!
url=
for _ in $(seq 1 600); do
  url=$(sed -n 's|^DiseaseMaps is serving on \(http://[^/]*\)/.*|\1|p' "$work/serve.log")
  [[ -n "$url" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; fail "the server stopped at start"; }
  sleep 0.1
done
[[ -n "$url" ]] || { cat "$work/serve.log" >&2; fail "the server did not start within 60 s"; }
for path in /healthz / /static/css/site.css /conditions/a-z; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url$path")
  [[ "$status" == 200 ]] || { cat "$work/serve.log" >&2; fail "GET $path answered $status"; }
done
kill -TERM "$server_pid"
code=0
wait "$server_pid" || code=$?
server_pid=
[[ $code == 0 ]] || { cat "$work/serve.log" >&2; fail "the server exited with $code after SIGTERM"; }
echo "package-test: ok"
