#!/usr/bin/env bash
# Turns a Raspberry Pi (Raspberry Pi OS Bookworm, arm64; Lite recommended) into a Yizhan kiosk: the Java
# runtime and what JavaFX needs, the yizhan system user, the kiosk in /opt/yizhan, the fleet's public
# keys in /etc/yizhan, its config and data in /var/lib/yizhan (writable even under a read-only root), the kiosk session (a systemd unit running cage + Xwayland on
# tty1), udev rules, a volatile journal, and on request a read-only root.
#
# Safe to run again: it is also how a kiosk is updated. --dry-run prints every step and changes nothing.
set -euo pipefail

readonly PROG="${0##*/}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly HERE
readonly FILES="$HERE/files"

readonly USER_NAME=yizhan
readonly USER_GROUPS=(gpio dialout input video audio bluetooth render)
readonly OPT_DIR=/opt/yizhan
readonly ETC_DIR=/etc/yizhan
readonly DATA_DIR=/var/lib/yizhan
readonly UNIT=yizhan-kiosk.service

# What the kiosk needs on Raspberry Pi OS Lite, and why.
readonly PACKAGES=(
    openjdk-17-jre-headless   # the JVM (the kiosk is Java 17 bytecode)
    libgtk-3-0                # JavaFX glass draws its window through GTK 3 ("Unable to load glass GTK library")
    libxtst6 libxxf86vm1      # linked by JavaFX glass and prism-es2
    libgl1 libegl1 libgles2 libgl1-mesa-dri  # OpenGL for prism-es2 on the Pi's V3D GPU; software fallback otherwise
    cage                      # the Wayland kiosk compositor: one full-screen client, nothing else
    xwayland                  # JavaFX speaks X11; cage starts Xwayland for it
    fonts-noto-cjk            # Chinese text (boxes without it)
    libgpiod2                 # the Pi4J gpiod provider's native library
    bluez                     # Bluetooth LE health devices (bluetoothd, D-Bus API)
    dbus                      # the BLE driver talks to bluetoothd over the system bus
)

usage() {
    cat <<EOF
Usage: $PROG --from DIR (--fleet-keys FILE | --kiosk DIR) [--scanner-usb VVVV:PPPP] [--read-only-root]
       [--no-start] [--dry-run]

  --from DIR              a built kiosk: yizhan-launcher.jar and lib/ (launcher/target of a build made
                          with: mvn -B -DskipTests -Djavafx.platform=linux-aarch64 package)
  --fleet-keys FILE       the fleet's trusted-command-keys.jwks (FLEET/ of yizhan provision init): the
                          kiosk starts blank and asks for its enrolment code (yizhan provision enroll)
  --kiosk DIR             or a kiosk enrolled already: FLEET/kiosks/SITE.KIOSK, whose kiosk.conf, password
                          and keys are installed; neither is needed once $DATA_DIR/kiosk.conf exists
  --scanner-usb VVVV:PPPP the keyboard-wedge or USB-serial QR scanner's USB vendor:product id (lsusb);
                          writes its udev rule (/dev/yizhan-scanner, hidden from the compositor)
  --read-only-root        also turn on Raspberry Pi OS's overlay root (needs $DATA_DIR on its own
                          writable partition, or every visit is lost at reboot); takes effect at reboot
  --no-start              install and enable, but do not (re)start the kiosk now
  --dry-run               print every step, the commands and the files it would write; change nothing
EOF
}

die() { echo "$PROG: $*" >&2; exit 1; }

from=""
fleet_keys=""
kiosk_dir=""
scanner_usb=""
read_only_root=false
start=true
dry_run=false
while [ $# -gt 0 ]; do
    case "$1" in
        --from) [ $# -ge 2 ] || die "--from needs a directory"; from="$2"; shift 2 ;;
        --from=*) from="${1#*=}"; shift ;;
        --fleet-keys) [ $# -ge 2 ] || die "--fleet-keys needs a file"; fleet_keys="$2"; shift 2 ;;
        --fleet-keys=*) fleet_keys="${1#*=}"; shift ;;
        --kiosk) [ $# -ge 2 ] || die "--kiosk needs a directory"; kiosk_dir="$2"; shift 2 ;;
        --kiosk=*) kiosk_dir="${1#*=}"; shift ;;
        --scanner-usb) [ $# -ge 2 ] || die "--scanner-usb needs VVVV:PPPP"; scanner_usb="$2"; shift 2 ;;
        --scanner-usb=*) scanner_usb="${1#*=}"; shift ;;
        --read-only-root) read_only_root=true; shift ;;
        --no-start) start=false; shift ;;
        --dry-run) dry_run=true; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
done

[ -n "$from" ] || { usage >&2; die "--from DIR is required"; }
[ -d "$from" ] || die "--from $from: not a directory"
from="$(cd "$from" && pwd)"
[ -f "$from/yizhan-launcher.jar" ] || die "--from $from: no yizhan-launcher.jar (build with mvn package first)"
[ -d "$from/lib" ] || die "--from $from: no lib/ directory"
if [ -n "$fleet_keys" ] && [ -n "$kiosk_dir" ]; then
    die "give --fleet-keys (enrol at first boot) or --kiosk (enrolled already), not both"
fi
if [ -n "$fleet_keys" ]; then
    [ -f "$fleet_keys" ] || die "--fleet-keys $fleet_keys: no such file"
    fleet_keys="$(cd "$(dirname "$fleet_keys")" && pwd)/$(basename "$fleet_keys")"
fi
if [ -n "$kiosk_dir" ]; then
    for f in kiosk.conf mqtt-password trusted-command-keys.jwks; do
        [ -f "$kiosk_dir/$f" ] || die "--kiosk $kiosk_dir: no $f (a kiosk directory of yizhan provision enroll)"
    done
    kiosk_dir="$(cd "$kiosk_dir" && pwd)"
fi
if [ -z "$fleet_keys" ] && [ -z "$kiosk_dir" ] && [ ! -e "$DATA_DIR/kiosk.conf" ]; then
    usage >&2
    die "this Pi is no kiosk yet: give --fleet-keys FILE (it asks for its enrolment code) or --kiosk DIR"
fi
if [ -n "$scanner_usb" ]; then
    [[ "$scanner_usb" =~ ^[0-9a-fA-F]{4}:[0-9a-fA-F]{4}$ ]] || die "--scanner-usb must be VVVV:PPPP in hex (see lsusb), was '$scanner_usb'"
    scanner_usb="${scanner_usb,,}"
fi

step_no=0
step() { step_no=$((step_no + 1)); echo "== $step_no. $*"; }
note() { echo "   $*"; }

# Runs a command, or in a dry run prints it.
run() {
    if $dry_run; then
        echo "+ $*"
    else
        "$@"
    fi
}

# Installs a file of files/ (or any source) with a mode, or in a dry run says which it would write.
put() {
    local mode="$1" src="$2" dest="$3"
    if $dry_run; then
        echo "write $dest (mode $mode) from ${src#"$HERE"/}"
    else
        install -D -m "$mode" -o root -g root "$src" "$dest"
    fi
}

# ---------------------------------------------------------------------------------------------------
step "check the machine"
arch="$(dpkg --print-architecture 2>/dev/null || uname -m)"
codename="$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release 2>/dev/null || true)"
codename="${codename:-unknown}"
note "architecture $arch, release $codename; kiosk build in $from"
if ls "$from"/lib/javafx-graphics-*-linux-aarch64.jar >/dev/null 2>&1; then
    note "JavaFX natives: linux-aarch64"
else
    note "JavaFX natives: not linux-aarch64 (this build shows no window on a Pi; rebuild with -Djavafx.platform=linux-aarch64)"
fi
if $dry_run; then
    note "dry run: nothing is changed"
else
    [ "$(id -u)" = 0 ] || die "run as root (sudo $0 ...), or try --dry-run"
    [ "$arch" = arm64 ] || die "this is for Raspberry Pi OS arm64; this machine is $arch"
    [ "$codename" = bookworm ] || echo "$PROG: warning: made for Bookworm, this is $codename" >&2
    ls "$from"/lib/javafx-graphics-*-linux-aarch64.jar >/dev/null 2>&1 \
        || die "$from is not an aarch64 build: rebuild with mvn -B -DskipTests -Djavafx.platform=linux-aarch64 package"
fi
if $read_only_root && ! mountpoint -q "$DATA_DIR" 2>/dev/null; then
    msg="--read-only-root: $DATA_DIR is not a separate writable mount; on an overlay root its visit log would be lost at every reboot"
    if $dry_run; then note "would stop here: $msg"; else die "$msg"; fi
fi

# ---------------------------------------------------------------------------------------------------
step "install the Java runtime, JavaFX's libraries and the kiosk compositor"
run apt-get update
run env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PACKAGES[@]}"

# ---------------------------------------------------------------------------------------------------
step "create the $USER_NAME system user"
for group in "${USER_GROUPS[@]}"; do
    getent group "$group" >/dev/null || run groupadd --system "$group"
done
if id "$USER_NAME" >/dev/null 2>&1; then
    note "user $USER_NAME exists"
else
    run useradd --system --user-group --home-dir "$DATA_DIR" --no-create-home --shell /usr/sbin/nologin "$USER_NAME"
fi
run usermod --append --groups "$(IFS=,; echo "${USER_GROUPS[*]}")" "$USER_NAME"

# ---------------------------------------------------------------------------------------------------
step "install the kiosk into $OPT_DIR (the previous one is kept in $OPT_DIR.old)"
run rm -rf "$OPT_DIR.new"
run install -d -m 0755 "$OPT_DIR.new" "$OPT_DIR.new/lib"
run install -m 0644 "$from/yizhan-launcher.jar" "$OPT_DIR.new/"
run find "$from/lib" -maxdepth 1 -name '*.jar' -exec install -m 0644 -t "$OPT_DIR.new/lib" '{}' +
$dry_run && note "$(find "$from/lib" -maxdepth 1 -name '*.jar' | wc -l) jars in lib/"
if [ -d "$OPT_DIR" ]; then
    run rm -rf "$OPT_DIR.old"
    run mv "$OPT_DIR" "$OPT_DIR.old"
else
    note "no kiosk in $OPT_DIR yet: nothing to keep"
fi
run mv "$OPT_DIR.new" "$OPT_DIR"

# ---------------------------------------------------------------------------------------------------
step "configuration in $ETC_DIR and data in $DATA_DIR"
run install -d -m 0755 -o root -g root "$ETC_DIR"
if [ -n "$fleet_keys" ]; then
    # Public keys: the kiosk checks its enrolment code and the fleet's commands with them.
    run install -m 0644 -o root -g root "$fleet_keys" "$ETC_DIR/trusted-command-keys.jwks"
fi
run install -d -m 0750 -o "$USER_NAME" -g "$USER_NAME" "$DATA_DIR"
if [ -e "$DATA_DIR/kiosk.conf" ]; then
    note "kept $DATA_DIR/kiosk.conf: the kiosk is enrolled"
elif [ -n "$kiosk_dir" ]; then
    for f in kiosk.conf mqtt-password trusted-command-keys.jwks trusted-pass-keys.jwks; do
        if [ -f "$kiosk_dir/$f" ]; then
            run install -m 0600 -o "$USER_NAME" -g "$USER_NAME" "$kiosk_dir/$f" "$DATA_DIR/$f"
        fi
    done
else
    note "no $DATA_DIR/kiosk.conf: at first start the kiosk asks for its enrolment code"
fi

# ---------------------------------------------------------------------------------------------------
step "udev rules: serial devices to dialout, gpiochip to gpio, the scanner"
put 0644 "$FILES/udev/70-yizhan-devices.rules" /etc/udev/rules.d/70-yizhan-devices.rules
if [ -n "$scanner_usb" ]; then
    vendor="${scanner_usb%:*}" product="${scanner_usb#*:}"
    render_scanner_rule() {
        sed -e "s/@VENDOR@/$vendor/g" -e "s/@PRODUCT@/$product/g" "$FILES/udev/70-yizhan-scanner.rules.in"
    }
    if $dry_run; then
        echo "write /etc/udev/rules.d/70-yizhan-scanner.rules (mode 0644) from files/udev/70-yizhan-scanner.rules.in with $vendor:$product:"
        render_scanner_rule | grep -v '^#' | grep . | sed 's/^/   | /'
    else
        render_scanner_rule >/etc/udev/rules.d/70-yizhan-scanner.rules.tmp
        chmod 0644 /etc/udev/rules.d/70-yizhan-scanner.rules.tmp
        mv /etc/udev/rules.d/70-yizhan-scanner.rules.tmp /etc/udev/rules.d/70-yizhan-scanner.rules
    fi
else
    note "no --scanner-usb: scanner rule not written (set scanner.device to its /dev/input/by-id or /dev/serial/by-id path)"
fi
run udevadm control --reload
run udevadm trigger --action=change --subsystem-match=input --subsystem-match=tty --subsystem-match=gpio

# ---------------------------------------------------------------------------------------------------
step "journal in RAM, at most 64M"
put 0644 "$FILES/journald/60-yizhan.conf" /etc/systemd/journald.conf.d/60-yizhan.conf
run systemctl restart systemd-journald.service

# ---------------------------------------------------------------------------------------------------
step "kiosk session: $UNIT (cage + Xwayland on tty1), started at boot"
put 0644 "$FILES/pam/yizhan-kiosk" /etc/pam.d/yizhan-kiosk
put 0644 "$FILES/systemd/$UNIT" "/etc/systemd/system/$UNIT"
run systemctl daemon-reload
# One owner of the screen: a desktop's display manager would fight the kiosk for it.
if systemctl is-enabled --quiet display-manager.service 2>/dev/null; then
    run systemctl disable display-manager.service
else
    note "no display manager enabled (Raspberry Pi OS Lite): nothing to disable"
fi
run systemctl set-default graphical.target
run systemctl enable "$UNIT"
if $start; then
    run systemctl restart "$UNIT"
else
    note "--no-start: starts at the next boot, or with systemctl start $UNIT"
fi

# ---------------------------------------------------------------------------------------------------
if $read_only_root; then
    step "read-only root (overlay), from the next reboot"
    run raspi-config nonint enable_overlayfs
    note "reboot to take effect; to update later: sudo raspi-config nonint disable_overlayfs, reboot, run $PROG, enable again"
fi

step "done"
if $dry_run; then
    note "dry run: nothing was changed"
else
    note "kiosk installed; journalctl -u $UNIT -f shows its log"
fi
