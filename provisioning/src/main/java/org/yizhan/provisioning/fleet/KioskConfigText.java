package org.yizhan.provisioning.fleet;

import org.yizhan.protocol.enrolment.EnrolmentCode;

/**
 * The {@code kiosk.conf} of an enrolled kiosk, the same whether {@code provision enroll} writes it into the fleet
 * directory or the kiosk writes it from its enrolment code. No secret goes in it: the broker password has a file
 * of its own, so this one can be shown and copied. Relative file names are resolved by the kiosk against the
 * config file's directory, where the files they name are written beside it.
 */
public final class KioskConfigText {

    public static final String PASSWORD_FILE = "mqtt-password";
    public static final String COMMAND_KEYS_FILE = "trusted-command-keys.jwks";
    public static final String PASS_KEYS_FILE = "trusted-pass-keys.jwks";
    public static final String CA_FILE = "ca.crt";
    public static final String CLIENT_CERT_FILE = "client.crt";
    public static final String CLIENT_KEY_FILE = "client.key";

    private KioskConfigText() {
    }

    /**
     * @param code          what the kiosk is (its expiry and password are not used)
     * @param origin        one line saying who wrote the file and when, for the comment at its top
     * @param commandKeys   the file of the fleet's trusted command keys, as the kiosk should name it
     * @param withPassKeys  whether {@value #PASS_KEYS_FILE} is written beside the config
     * @param withClientCertificate whether {@value #CLIENT_CERT_FILE} and {@value #CLIENT_KEY_FILE} are
     * (the CA file is named when the code carries a CA certificate)
     */
    public static String render(EnrolmentCode code, String origin, String commandKeys, boolean withPassKeys,
            boolean withClientCertificate) {
        return "# Yizhan kiosk " + code.kiosk() + ": " + code.name() + "\n"
                + "# " + origin + "\n"
                + "site.id = " + code.kiosk().site() + "\n"
                + "site.name = " + code.siteName() + "\n"
                + "kiosk.id = " + code.kiosk().kiosk() + "\n"
                + "mqtt.url = " + code.brokerUrl() + "\n"
                + "mqtt.username = " + code.username() + "\n"
                + "mqtt.password-file = " + PASSWORD_FILE + "\n"
                + "telemetry.command-keys = " + commandKeys + "\n"
                + (code.caCertificate() != null ? "mqtt.ca-file = " + CA_FILE + "\n" : "")
                + (withClientCertificate ? "mqtt.client-cert-file = " + CLIENT_CERT_FILE + "\n"
                        + "mqtt.client-key-file = " + CLIENT_KEY_FILE + "\n" : "")
                + (withPassKeys ? "passes.trusted-keys = " + PASS_KEYS_FILE + "\n" : "");
    }
}
