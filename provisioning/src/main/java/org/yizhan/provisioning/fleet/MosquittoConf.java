package org.yizhan.provisioning.fleet;

import java.nio.file.Path;

/**
 * A complete {@code mosquitto.conf} for the fleet's broker (mosquitto 2.x): a plain listener on {@code bind}
 * (127.0.0.1 unless the maintainer says otherwise) and, once the fleet has its TLS certificates, a TLS listener
 * on its own address (TLS 1.2 or later; client certificates required when asked), no anonymous access, the fleet's password and ACL files and
 * persistence in a directory of the fleet. Paths are absolute, so the broker can be started from anywhere.
 * Mosquitto re-reads the password and ACL files on SIGHUP.
 */
public record MosquittoConf(String bind, int port, Path passwordFile, Path aclFile, Path persistenceDir, String user,
        Tls tls) {

    /** The TLS listener: its port, the CA kiosks' certificates chain to, the broker's certificate and key. */
    public record Tls(String bind, int port, Path caFile, Path certFile, Path keyFile,
            boolean requireClientCertificates) {

        public Tls {
            if (bind == null || bind.isBlank() || bind.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("--tls-bind needs an address, e.g. 0.0.0.0");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--tls-port " + port + " is not 1-65535");
            }
        }
    }

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
                // Mosquitto queues at most 1,000 QoS 1 messages per client by default and drops the rest after
                // acknowledging them to the kiosk, which then deletes them from its outbox: with a whole fleet's
                // quarter-hour footfall burst, or a console that was down, that is footfall lost for good.
                .append("max_queued_messages 100000\n")
                .append("persistence true\n")
                .append("persistence_location ").append(persistenceDir.toAbsolutePath()).append("/\n")
                .append("log_dest stdout\n");
        if (tls != null) {
            if (tls.port() == port && tls.bind().equals(bind)) {
                throw new IllegalArgumentException("--tls-port and --port are both " + port);
            }
            text.append("\n# TLS for kiosks off this machine; the same users, passwords and ACL\n")
                    .append("listener ").append(tls.port()).append(' ').append(tls.bind()).append('\n')
                    .append("tls_version tlsv1.2\n")
                    .append("cafile ").append(tls.caFile().toAbsolutePath()).append('\n')
                    .append("certfile ").append(tls.certFile().toAbsolutePath()).append('\n')
                    .append("keyfile ").append(tls.keyFile().toAbsolutePath()).append('\n')
                    .append("require_certificate ").append(tls.requireClientCertificates()).append('\n');
        }
        return text.toString();
    }
}
