#!/bin/sh
# Before removal: stop the kiosk. An upgrade restarts it in postinst.
set -e

if [ -d /run/systemd/system ] && [ "$1" = remove ]; then
    systemctl stop yizhan-kiosk.service || true
    systemctl disable yizhan-kiosk.service || true
fi
exit 0
