#!/bin/sh
# After removal. The visit log and the kiosk's configuration in /var/lib/yizhan are kept even on purge:
# they are the centre's records, and deleting them is a decision for a person, not a package manager.
set -e

if [ -d /run/systemd/system ]; then
    systemctl daemon-reload || true
fi
if [ "$1" = purge ]; then
    echo "yizhan-kiosk: /var/lib/yizhan (visit log, configuration) kept; remove it by hand if it is no longer needed"
fi
exit 0
