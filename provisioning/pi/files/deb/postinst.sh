#!/bin/sh
# After the package's files are in place: the yizhan user, its groups and data directory, and the unit
# enabled. The kiosk is started only when it can run: enrolled, or with the fleet's keys to enrol by.
set -e

if [ "$1" = configure ]; then
    if ! getent passwd yizhan >/dev/null; then
        adduser --system --group --home /var/lib/yizhan --no-create-home --shell /usr/sbin/nologin yizhan
    fi
    for group in gpio dialout input video audio bluetooth render; do
        if getent group "$group" >/dev/null; then
            adduser --quiet yizhan "$group"
        fi
    done
    install -d -m 0750 -o yizhan -g yizhan /var/lib/yizhan
    if [ -d /run/systemd/system ]; then
        systemctl daemon-reload
        udevadm control --reload || true
        systemctl enable yizhan-kiosk.service
        if [ -e /var/lib/yizhan/kiosk.conf ] || [ -e /etc/yizhan/trusted-command-keys.jwks ]; then
            systemctl restart yizhan-kiosk.service
        else
            echo "yizhan-kiosk: copy the fleet's trusted-command-keys.jwks to /etc/yizhan/, then:"
            echo "  systemctl start yizhan-kiosk   (the kiosk asks for its enrolment code)"
        fi
    fi
fi
exit 0
