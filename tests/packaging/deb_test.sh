#!/usr/bin/env bash
# deb_test.sh BUILD_DIR: `cmake --install` puts the binary, man page, completions and docs where Debian looks
# for them; the Debian package CPack builds from the same tree (seconds: nothing is compiled) has its Depends
# computed by dpkg-shlibdeps, and its rootguard, extracted with dpkg -x into an empty folder, runs.
# Exit 77 (skipped) without dpkg-deb or dpkg-shlibdeps (package dpkg-dev).
set -euo pipefail
build=$(cd "$1" && pwd)
if ! command -v dpkg-deb >/dev/null || ! command -v dpkg-shlibdeps >/dev/null; then
  echo "dpkg-deb or dpkg-shlibdeps (dpkg-dev) not installed: skipped"
  exit 77
fi
export LANG=C LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

cmake --install "$build" --prefix "$tmp/stage" >/dev/null
for file in bin/rootguard share/man/man1/rootguard.1 share/bash-completion/completions/rootguard \
  share/zsh/vendor-completions/_rootguard share/fish/vendor_completions.d/rootguard.fish \
  share/doc/rootguard/README.md; do
  [ -f "$tmp/stage/$file" ] || fail "cmake --install: no $file"
done

# The package, into a folder of our own (build/release/rootguard_*.deb is scripts/package's).
(cd "$build" && cpack -G DEB -B "$tmp/package" >"$tmp/cpack.log" 2>&1) || {
  cat "$tmp/cpack.log" >&2
  exit 1
}
deb=$(find "$tmp/package" -maxdepth 1 -name 'rootguard_*.deb' | head -n 1)
[ -n "$deb" ] || {
  cat "$tmp/cpack.log" >&2
  exit 1
}
arch=$(dpkg --print-architecture)
version=$(dpkg-deb -f "$deb" Version)
[ "$(basename "$deb")" = "rootguard_${version}_${arch}.deb" ] || fail "file name $(basename "$deb")"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for library in libc6 libcurl libssl libstdc++6; do
  grep -q "$library" <<<"$depends" || fail "Depends lacks $library: $depends"
done

dpkg -x "$deb" "$tmp/root"
for file in usr/bin/rootguard usr/share/man/man1/rootguard.1 usr/share/bash-completion/completions/rootguard \
  usr/share/zsh/vendor-completions/_rootguard usr/share/fish/vendor_completions.d/rootguard.fish \
  usr/share/doc/rootguard/README.md; do
  [ -f "$tmp/root/$file" ] || fail "package: no /$file"
done
"$tmp/root/usr/bin/rootguard" --version >"$tmp/version" || fail "rootguard --version exited $?"
grep -q "^rootguard $version\$" "$tmp/version" || fail "--version: $(cat "$tmp/version")"
"$tmp/root/usr/bin/rootguard" controls list >"$tmp/controls" || fail "rootguard controls list exited $?"
grep -q 'root-mfa' "$tmp/controls" || fail "controls list: $(head -n 3 "$tmp/controls")"
if [ "$failures" -ne 0 ]; then
  exit 1
fi
echo "package $(basename "$deb"): ok"
