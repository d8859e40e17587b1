#!/usr/bin/env bash
# Builds the kiosk's Debian package for Raspberry Pi OS (arm64) from a kiosk build: the same files
# install.sh puts in place (/opt/yizhan, the systemd unit, PAM, journald and udev files), a default
# /etc/yizhan/kiosk.env, and maintainer scripts that create the yizhan user and enable the unit.
# Runs on any Debian-like machine with dpkg-deb; no root needed.
set -euo pipefail

readonly PROG="${0##*/}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly HERE
readonly FILES="$HERE/files"

usage() {
    cat <<USAGE
Usage: $PROG --from DIR --version VERSION [--out FILE]

  --from DIR         a kiosk built for the Pi: yizhan-launcher.jar and lib/ (launcher/target of
                     mvn -B -DskipTests -Djavafx.platform=linux-aarch64 package)
  --version VERSION  the package version, e.g. 0.1.0 (Debian rules: starts with a digit)
  --out FILE         the package to write (default: yizhan-kiosk_VERSION_arm64.deb here)
USAGE
}

die() { echo "$PROG: $*" >&2; exit 1; }

from=""
version=""
out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --from) [ $# -ge 2 ] || die "--from needs a directory"; from="$2"; shift 2 ;;
        --version) [ $# -ge 2 ] || die "--version needs a value"; version="$2"; shift 2 ;;
        --out) [ $# -ge 2 ] || die "--out needs a file"; out="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
done

[ -n "$from" ] || { usage >&2; die "--from DIR is required"; }
[ -f "$from/yizhan-launcher.jar" ] || die "--from $from: no yizhan-launcher.jar (build with mvn package first)"
[ -d "$from/lib" ] || die "--from $from: no lib/ directory"
[[ "$version" =~ ^[0-9][A-Za-z0-9.+~-]*$ ]] || die "--version must start with a digit (Debian policy), was '$version'"
if ! compgen -G "$from/lib/javafx-graphics-*-linux-aarch64.jar" >/dev/null; then
    die "--from $from: JavaFX natives are not linux-aarch64; build with -Djavafx.platform=linux-aarch64"
fi
command -v dpkg-deb >/dev/null || die "dpkg-deb is needed (apt-get install dpkg)"
out="${out:-yizhan-kiosk_${version}_arm64.deb}"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT

install -d -m 0755 "$stage/DEBIAN" "$stage/opt/yizhan/lib" "$stage/lib/systemd/system" "$stage/etc/yizhan" \
    "$stage/etc/pam.d" "$stage/etc/systemd/journald.conf.d" "$stage/etc/udev/rules.d"
install -m 0644 "$from/yizhan-launcher.jar" "$stage/opt/yizhan/"
install -m 0644 "$from"/lib/*.jar "$stage/opt/yizhan/lib/"
install -m 0644 "$FILES/systemd/yizhan-kiosk.service" "$stage/lib/systemd/system/"
install -m 0644 "$FILES/pam/yizhan-kiosk" "$stage/etc/pam.d/"
install -m 0644 "$FILES/journald/60-yizhan.conf" "$stage/etc/systemd/journald.conf.d/"
install -m 0644 "$FILES/udev/70-yizhan-devices.rules" "$stage/etc/udev/rules.d/"
install -m 0644 "$FILES/deb/kiosk.env" "$stage/etc/yizhan/"
for script in postinst prerm postrm; do
    install -m 0755 "$FILES/deb/$script.sh" "$stage/DEBIAN/$script"
done
# dpkg keeps a maintainer's edits to these across upgrades
printf '%s\n' /etc/yizhan/kiosk.env /etc/pam.d/yizhan-kiosk /etc/systemd/journald.conf.d/60-yizhan.conf \
    /etc/udev/rules.d/70-yizhan-devices.rules >"$stage/DEBIAN/conffiles"
size_kb="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size_kb/" "$FILES/deb/control.in" >"$stage/DEBIAN/control"

dpkg-deb --root-owner-group -Zxz --build "$stage" "$out" >/dev/null
echo "wrote $out ($(du -h "$out" | cut -f1), $(find "$stage/opt/yizhan/lib" -name '*.jar' | wc -l) jars)"
