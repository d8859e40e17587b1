package org.yizhan.protocol.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The protected header of a {@link CompactJws}, decoded but not yet trusted. Parameters other than
 * {@code alg}, {@code typ}, {@code crit} and {@code kid} are ignored; in particular keys are never taken from
 * {@code jwk}, {@code jku} or {@code x5u}, only from the caller's own {@link JwkSet}. Immutable and
 * thread-safe.
 */
public final class JwsHeader {

    private final ObjectNode members;

    JwsHeader(ObjectNode members) {
        this.members = members.deepCopy();
    }

    /** Whether {@code alg} is {@code none}: an Unsecured JWS (RFC 7518 section 3.6), which nobody signed. */
    public boolean isUnsecured() {
        JsonNode alg = members.get("alg");
        return alg != null && alg.isTextual() && "none".equals(alg.textValue());
    }

    /**
     * The kid, once the header is one an Ed25519 key can be checked against; checked in this order, the first
     * problem is the {@link MalformedJwsException}: {@code alg} a string and exactly {@code EdDSA} (so never
     * {@code none}); {@code typ} as {@code typ} demands; no {@code crit}, since RFC 7515 section 4.1.11 makes a
     * recipient refuse extensions it does not understand and we understand none; {@code kid} a string.
     */
    public String requireEdDsa(Typ typ) throws MalformedJwsException {
        Objects.requireNonNull(typ, "typ");
        String alg = string("alg");
        if (!"EdDSA".equals(alg)) {
            throw new MalformedJwsException("alg '" + JoseJson.excerpt(alg) + "' is not EdDSA");
        }
        typ.check(members.get("typ"));
        if (members.has("crit")) {
            throw new MalformedJwsException("header has crit extensions");
        }
        return string("kid");
    }

    private String string(String parameter) throws MalformedJwsException {
        JsonNode node = members.get(parameter);
        if (node == null) {
            throw new MalformedJwsException("header has no " + parameter);
        }
        if (!node.isTextual()) {
            throw new MalformedJwsException(parameter + " is not a string");
        }
        return node.textValue();
    }

    /**
     * What a format demands of {@code typ} (RFC 7515 section 4.1.9), which keeps a token of one format from
     * passing for another that is signed the same way.
     */
    public static final class Typ {

        private final String value;
        private final boolean optional;

        private Typ(String value, boolean optional) {
            this.value = Objects.requireNonNull(value, "value");
            this.optional = optional;
        }

        /** Present and exactly {@code value}: for a format of our own, which no other library writes. */
        public static Typ exactly(String value) {
            return new Typ(value, false);
        }

        /**
         * Absent, or {@code value} ignoring case as media types are compared: for a format that other JOSE
         * libraries issue too, some without {@code typ}.
         */
        public static Typ absentOr(String value) {
            return new Typ(value, true);
        }

        void check(JsonNode typ) throws MalformedJwsException {
            if (typ == null) {
                if (optional) {
                    return;
                }
                throw new MalformedJwsException("typ is not " + value);
            }
            if (!typ.isTextual()) {
                throw new MalformedJwsException("typ is not a string");
            }
            boolean matches = optional ? value.equalsIgnoreCase(typ.textValue()) : value.equals(typ.textValue());
            if (!matches) {
                throw new MalformedJwsException("typ is not " + value);
            }
        }

        @Override
        public String toString() {
            return optional ? "absent or " + value : value;
        }
    }
}
