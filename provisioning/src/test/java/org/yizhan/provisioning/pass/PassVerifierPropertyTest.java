package org.yizhan.provisioning.pass;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.protocol.jose.CompactJws;

/**
 * Property: {@link PassVerifier#verify} returns a result, never throws, for any text; and no change to a valid
 * pass is accepted. Inputs come from a seeded generator, so a failure names the seed and case to replay.
 */
class PassVerifierPropertyTest {

    static final long SEED = 0x59_49_5a_48_41_4eL;
    static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final Random random = new Random(SEED);
    final PassSigningKey key = PassSigningKey.generate();
    PassVerifier verifier;
    String validPass;
    String otherPass;

    @TempDir
    Path dir;

    @BeforeEach
    void given_a_verifier_that_trusts_the_key_and_revokes_some_subjects() throws Exception {
        Path revocations = dir.resolve("revoked-passes.txt");
        Files.writeString(revocations, "a\nb " + NOW + "\n");
        verifier = new PassVerifier(key.trustedKeys(), RevocationList.read(revocations),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(2));
        validPass = new PassIssuer(key, Clock.fixed(NOW, ZoneOffset.UTC))
                .issue("v-42", VisitorCategory.RESIDENT, "demo", Duration.ofDays(30));
        otherPass = new PassIssuer(key, Clock.fixed(NOW, ZoneOffset.UTC))
                .issue("v-43", VisitorCategory.STAFF, "demo", Duration.ofDays(30));
    }

    @Test
    void never_throws_for_random_text() {
        check(1000, () -> randomString(400, "abcXYZ019 .-_/:?=&%{}\"[],\\"));
        check(1000, () -> randomString(400, BASE64URL + "...."));
        check(500, this::randomUnicode);
        check(300, () -> randomString(5000, BASE64URL + "."));
    }

    @Test
    void never_throws_for_random_bytes_in_the_shape_of_a_pass() {
        check(1000, () -> encode(randomBytes(120)) + "." + encode(randomBytes(300)) + "." + encode(randomBytes(70)));
        check(500, () -> encode(randomJsonText()) + "." + encode(randomJsonText()) + "." + randomString(90, BASE64URL));
    }

    @Test
    void never_throws_for_signed_passes_with_arbitrary_headers_and_claims() {
        check(1500, () -> CompactJws.sign(key.ed25519(), json(randomHeader()), json(randomClaims())));
    }

    @Test
    void never_accepts_a_mutation_of_a_valid_pass() {
        for (int i = 0; i < 2500; i++) {
            String mutated = mutate(validPass);
            PassCheck check = verifyWithoutThrowing(i, mutated);
            // splicing may rebuild one of the two passes we signed, and only those may pass
            if (!mutated.equals(validPass) && !mutated.equals(otherPass)) {
                assertFalse(check instanceof PassCheck.Valid, "case " + i + " accepted: " + mutated);
            }
        }
    }

    void check(int cases, Supplier<String> inputs) {
        for (int i = 0; i < cases; i++) {
            assertNotNull(verifyWithoutThrowing(i, inputs.get()));
        }
    }

    PassCheck verifyWithoutThrowing(int i, String input) {
        try {
            return verifier.verify(input);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("seed " + SEED + ", case " + i + " threw for: " + input, e);
        }
    }

    String mutate(String pass) {
        StringBuilder text = new StringBuilder(pass);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(7)) {
                case 0 -> text.setCharAt(at, BASE64URL.charAt(random.nextInt(BASE64URL.length())));
                case 1 -> text.deleteCharAt(at);
                case 2 -> text.insert(at, BASE64URL.charAt(random.nextInt(BASE64URL.length())));
                case 3 -> text.setLength(at);
                case 4 -> text.insert(at, '.');
                case 5 -> text.setCharAt(at, (char) random.nextInt(0x3000));
                default -> {
                    String[] parts = text.toString().split("\\.", -1);
                    if (parts.length == 3) {
                        // a segment from another pass of ours: signed, but not together with these segments
                        String[] otherParts = otherPass.split("\\.");
                        int which = random.nextInt(3);
                        parts[which] = otherParts[which];
                        text.replace(0, text.length(), String.join(".", parts));
                    }
                }
            }
        }
        return text.toString();
    }

    ObjectNode randomHeader() {
        ObjectNode header = NODES.objectNode();
        putMaybe(header, "alg", () -> NODES.textNode("EdDSA"), 0.85);
        putMaybe(header, "kid", () -> NODES.textNode(key.keyId()), 0.85);
        putMaybe(header, "typ", () -> NODES.textNode("JWT"), 0.7);
        if (random.nextInt(10) == 0) {
            header.set("crit", randomJson(2));
        }
        return header;
    }

    ObjectNode randomClaims() {
        long now = NOW.getEpochSecond();
        ObjectNode claims = NODES.objectNode();
        putMaybe(claims, "sub", () -> NODES.textNode(new String[] {"v-42", "a", "b", "x".repeat(65)}[random.nextInt(4)]), 0.8);
        putMaybe(claims, "cat", () -> NODES.textNode(VisitorCategory.values()[random.nextInt(5)].code()), 0.8);
        putMaybe(claims, "iss", () -> NODES.textNode("demo"), 0.8);
        putMaybe(claims, "iat", () -> NODES.numberNode(now + random.nextInt(2000) - 1000), 0.8);
        putMaybe(claims, "exp", () -> NODES.numberNode(now + random.nextInt(4000) - 1000), 0.8);
        if (random.nextInt(4) == 0) {
            putMaybe(claims, "nbf", () -> NODES.numberNode(now + random.nextInt(2000) - 1000), 0.5);
        }
        return claims;
    }

    void putMaybe(ObjectNode object, String member, Supplier<JsonNode> plausible, double plausibility) {
        int roll = random.nextInt(100);
        if (roll < plausibility * 100) {
            object.set(member, plausible.get());
        } else if (roll < 95) {
            object.set(member, randomJson(3));
        }
    }

    JsonNode randomJson(int depth) {
        return switch (random.nextInt(depth > 0 ? 10 : 8)) {
            case 0 -> NODES.textNode(randomUnicode());
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 3 -> NODES.numberNode(new BigInteger(200, random));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> NODES.numberNode(random.nextInt());
            case 7 -> NODES.textNode(randomString(20, BASE64URL));
            case 8 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomJson(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(randomString(5, "abc"), randomJson(depth - 1));
                }
                yield object;
            }
        };
    }

    byte[] randomJsonText() {
        StringBuilder text = new StringBuilder();
        String atoms = "{}[]\",:0123456789.eE-+ truefalsnul\\u";
        for (int i = random.nextInt(200); i > 0; i--) {
            text.append(atoms.charAt(random.nextInt(atoms.length())));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    String randomString(int maxLength, String alphabet) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    String randomUnicode() {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(100); i > 0; i--) {
            // any UTF-16 unit, lone surrogates and controls included
            text.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    byte[] randomBytes(int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    static byte[] json(ObjectNode node) {
        try {
            return StrictJson.bytes(node);
        } catch (Exception e) {
            return fail(e);
        }
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
