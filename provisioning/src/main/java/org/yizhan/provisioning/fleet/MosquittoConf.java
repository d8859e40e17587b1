package org.yizhan.provisioning.fleet;

import java.nio.file.Path;

/**
 * A complete {@code mosquitto.conf} for the fleet's broker (mosquitto 2.x): one plain listener on {@code bind}
 * (127.0.0.1 unless the maintainer says otherwise), no anonymous access, the fleet's password and ACL files and
 * persistence in a directory of the fleet. Paths are absolute, so the broker can be started from anywhere.
 * Mosquitto re-reads the password and ACL files on SIGHUP.
 */
public record MosquittoConf(String bind, int port, Path passwordFile, Path aclFile, Path persistenceDir, String user) {

    public MosquittoConf {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port " + port + " is not 1-65535");
        }
        if (bind == null || bind.isBlank() || bind.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("--bind needs an address, e.g. 127.0.0.1");
        }
        if (user != null && (user.isBlank() || user.chars().anyMatch(Character::isWhitespace))) {
            throw new IllegalArgumentException("--user needs a system user name");
        }
    }

    public String render() {
        StringBuilder text = new StringBuilder("""
                # Written by yizhan provision broker-config. Reload the password and ACL files with SIGHUP
                # (kill -HUP PID) after an enrol or revoke.
                """);
        if (user != null) {
            text.append("# mosquitto started as root switches to this user, who must be able to read these files\n")
                    .append("user ").append(user).append('\n');
        }
        text.append("per_listener_settings false\n")
                .append("listener ").append(port).append(' ').append(bind).append('\n')
                .append("allow_anonymous false\n")
                .append("password_file ").append(passwordFile.toAbsolutePath()).append('\n')
                .append("acl_file ").append(aclFile.toAbsolutePath()).append('\n')
                .append("persistence true\n")
                .append("persistence_location ").append(persistenceDir.toAbsolutePath()).append("/\n")
                .append("log_dest stdout\n");
        return text.toString();
    }
}
