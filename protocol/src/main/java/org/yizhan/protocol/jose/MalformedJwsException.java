package org.yizhan.protocol.jose;

/**
 * A compact JWS that cannot be read or that breaks a header rule. The message is one line of English for a
 * log, naming the part ({@code header}, {@code payload}) or parameter at fault; it quotes untrusted text
 * only as a short printable-ASCII excerpt. Carries no stack trace: refusing junk is an ordinary outcome and
 * must stay cheap.
 */
public final class MalformedJwsException extends Exception {

    MalformedJwsException(String message) {
        super(message, null, false, false);
    }
}
