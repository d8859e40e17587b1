package org.yizhan.provisioning.pass;

/**
 * The Ed25519 example of RFC 8037 Appendix A, for tests of key and trust files written by other JOSE tools.
 * The vectors themselves are checked against {@code org.yizhan.protocol.jose} in the protocol module.
 */
final class Rfc8037Example {

    /** The private key of Appendix A.1. */
    static final String D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    /** The public key of Appendix A.1. */
    static final String X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    /** The first 16 characters of the Appendix A.3 thumbprint: the kid we derive for the A.1 key. */
    static final String KID = "kPrK_qmxVWaYVA9w";
    /** The Appendix A.4 JWS: {@code {"alg":"EdDSA"}} and "Example of Ed25519 signing", signed with the A.1 key. */
    static final String A4_JWS = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
            + "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    private Rfc8037Example() {
    }
}
