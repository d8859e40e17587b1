package org.yizhan.provisioning.pass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yizhan.protocol.jose.CompactJws;

class PassVerifierTest {

    static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    static final Duration SKEW = Duration.ofMinutes(2);

    static final PassSigningKey KEY = PassSigningKey.generate();
    static final String KID = KEY.keyId();

    @TempDir
    Path dir;

    @Test
    void accepts_a_pass_it_issued_and_returns_its_claims() {
        // given
        String token = issuerAt(NOW).issue("v-42", VisitorCategory.RIDER, "sz-nanshan-01", Duration.ofDays(30));

        // when
        PassCheck check = verifierAt(NOW.plusSeconds(60)).verify(token);

        // then
        VisitorPass pass = assertInstanceOf(PassCheck.Valid.class, check).pass();
        assertEquals(new VisitorPass("v-42", VisitorCategory.RIDER, "sz-nanshan-01", NOW, NOW.plus(Duration.ofDays(30)), KID),
                pass);
    }

    @Test
    void issues_the_header_and_claims_the_format_promises() {
        // given
        String token = issuerAt(NOW.plusMillis(999)).issue("v-42", VisitorCategory.STAFF, "demo", Duration.ofHours(12));

        // when
        String[] parts = token.split("\\.");

        // then
        assertEquals("{\"alg\":\"EdDSA\",\"kid\":\"" + KID + "\",\"typ\":\"JWT\"}", decode(parts[0]));
        assertEquals("{\"sub\":\"v-42\",\"cat\":\"staff\",\"iss\":\"demo\",\"iat\":1740816000,\"exp\":1740859200}",
                decode(parts[1]));
        assertTrue(token.length() < 300, token.length() + " characters");
    }

    @Test
    void rejects_an_unsigned_pass_with_alg_none() {
        // given the classic forgery: alg none and no signature
        String token = encode("{\"alg\":\"none\",\"kid\":\"" + KID + "\",\"typ\":\"JWT\"}") + "."
                + encode(validClaims()) + ".";

        // when
        PassCheck check = verifier().verify(token);

        // then
        assertRejected(PassRejection.MALFORMED, "none", check);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"kid\":\"%s\"}", "{\"alg\":\"HS256\",\"kid\":\"%s\"}", "{\"alg\":\"eddsa\",\"kid\":\"%s\"}",
            "{\"alg\":null,\"kid\":\"%s\"}", "{\"alg\":[\"EdDSA\"],\"kid\":\"%s\"}"})
    void rejects_any_alg_but_eddsa_even_when_signed(String header) {
        // given
        String token = CompactJws.sign(KEY.ed25519(), bytes(header.formatted(KID)), bytes(validClaims()));

        // when
        PassCheck check = verifier().verify(token);

        // then
        assertRejected(PassRejection.MALFORMED, "alg", check);
    }

    @Test
    void rejects_a_pass_whose_signature_was_tampered() {
        // given
        String token = issue();
        int i = token.lastIndexOf('.') + 20;
        String tampered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);

        // when
        PassCheck check = verifier().verify(tampered);

        // then
        assertRejected(PassRejection.BAD_SIGNATURE, "signature", check);
    }

    @Test
    void rejects_a_signature_changed_only_in_the_unused_bits_of_its_last_character() {
        // given a token whose last character differs only in bits base64 ignores
        String token = issue();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) + 1);
        String signature = token.substring(token.lastIndexOf('.') + 1);
        String tamperedSignature = tampered.substring(tampered.lastIndexOf('.') + 1);
        assertArrayEquals(Base64.getUrlDecoder().decode(signature), Base64.getUrlDecoder().decode(tamperedSignature),
                "the JDK decoder reads both the same");

        // when
        PassCheck check = verifier().verify(tampered);

        // then
        assertRejected(PassRejection.BAD_SIGNATURE, "signature", check);
    }

    @Test
    void rejects_a_signature_of_the_wrong_length() {
        // given
        String token = issue();
        String truncated = token.substring(0, token.length() - 3);

        // when / then
        assertRejected(PassRejection.BAD_SIGNATURE, "signature", verifier().verify(truncated));
        assertRejected(PassRejection.BAD_SIGNATURE, "signature", verifier().verify(token + "AAAA"));
    }

    @Test
    void rejects_a_pass_whose_payload_was_tampered() {
        // given a courier pass edited to claim staff
        String token = issuerAt(NOW).issue("v-42", VisitorCategory.COURIER, "demo", Duration.ofDays(1));
        String[] parts = token.split("\\.");
        String payload = decode(parts[1]).replace("courier", "staff");
        String tampered = parts[0] + "." + encode(payload) + "." + parts[2];

        // when
        PassCheck check = verifierAt(NOW).verify(tampered);

        // then
        assertRejected(PassRejection.BAD_SIGNATURE, "signature", check);
    }

    @Test
    void rejects_a_pass_signed_by_an_unknown_key() {
        // given
        PassSigningKey stranger = PassSigningKey.generate();
        String token = new PassIssuer(stranger, fixed(NOW)).issue("v-42", VisitorCategory.VISITOR, "demo", Duration.ofDays(1));

        // when
        PassCheck check = verifier().verify(token);

        // then
        assertRejected(PassRejection.UNKNOWN_KEY, stranger.keyId(), check);
    }

    @Test
    void rejects_a_pass_signed_by_another_key_under_a_trusted_kid() {
        // given a forger who copies our kid into the header
        PassSigningKey forger = PassSigningKey.generate();
        String token = CompactJws.sign(forger.ed25519(), bytes(header()), bytes(validClaims()));

        // when / then
        assertRejected(PassRejection.BAD_SIGNATURE, "signature", verifier().verify(token));
    }

    @Test
    void rejects_an_expired_pass_once_the_clock_skew_is_used_up() {
        // given
        String token = issuerAt(NOW).issue("v-42", VisitorCategory.RESIDENT, "demo", Duration.ofDays(30));
        Instant expiry = NOW.plus(Duration.ofDays(30));

        // when / then
        assertInstanceOf(PassCheck.Valid.class, verifierAt(expiry.plus(SKEW)).verify(token));
        assertRejected(PassRejection.EXPIRED, "expired", verifierAt(expiry.plus(SKEW).plusSeconds(1)).verify(token));
    }

    @Test
    void rejects_a_pass_issued_in_the_future_beyond_the_clock_skew() {
        // given a pass from an issuer whose clock runs ahead
        String token = issuerAt(NOW.plus(Duration.ofMinutes(10))).issue("v-42", VisitorCategory.RESIDENT, "demo",
                Duration.ofDays(30));

        // when / then
        assertRejected(PassRejection.NOT_YET_VALID, "not valid before", verifierAt(NOW).verify(token));
        assertInstanceOf(PassCheck.Valid.class, verifierAt(NOW.plus(Duration.ofMinutes(8))).verify(token));
    }

    @Test
    void honours_a_not_before_claim_from_another_issuer() {
        // given
        long iat = NOW.getEpochSecond();
        String claims = "{\"sub\":\"v-42\",\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":" + iat + ",\"nbf\":" + (iat + 3600)
                + ",\"exp\":" + (iat + 86400) + ",\"jti\":\"x1\"}";
        String token = CompactJws.sign(KEY.ed25519(), bytes(header()), bytes(claims));

        // when / then
        assertRejected(PassRejection.NOT_YET_VALID, "not valid before", verifierAt(NOW).verify(token));
        assertInstanceOf(PassCheck.Valid.class, verifierAt(NOW.plus(Duration.ofHours(1))).verify(token));
    }

    @Test
    void rejects_every_pass_of_a_revoked_subject() throws Exception {
        // given
        Path file = dir.resolve("revoked-passes.txt");
        Files.writeString(file, "# lost phone\nv-42\n");
        String token = issue();

        // when
        PassCheck check = verifier(RevocationList.read(file)).verify(token);

        // then
        assertRejected(PassRejection.REVOKED, "v-42", check);
    }

    @Test
    void rejects_passes_issued_up_to_the_revocation_instant_and_accepts_a_reissued_one() throws Exception {
        // given
        Path file = dir.resolve("revoked-passes.txt");
        Files.writeString(file, "v-42 " + NOW + "\n");
        String revokedPass = issuerAt(NOW).issue("v-42", VisitorCategory.RIDER, "demo", Duration.ofDays(30));
        String reissuedPass = issuerAt(NOW.plusSeconds(1)).issue("v-42", VisitorCategory.RIDER, "demo", Duration.ofDays(30));
        PassVerifier verifier = verifier(RevocationList.read(file), NOW.plusSeconds(60));

        // when / then
        assertRejected(PassRejection.REVOKED, "v-42", verifier.verify(revokedPass));
        assertInstanceOf(PassCheck.Valid.class, verifier.verify(reissuedPass));
    }

    @Test
    void rejects_text_longer_than_4096_characters() {
        // given a 5 KB text shaped like a pass
        String token = encode(header()) + "." + "A".repeat(5000) + ".AAAA";

        // when / then
        assertRejected(PassRejection.MALFORMED, "4096", verifier().verify(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\t", "\u007f", "\u0000", "\u0085", "\r\n"})
    void rejects_text_with_control_characters(String control) {
        // given a valid pass with a control character, e.g. the Enter a keyboard-wedge scanner sends
        String token = issue();

        // when / then
        assertRejected(PassRejection.MALFORMED, "control", verifier().verify(token + control));
        assertRejected(PassRejection.MALFORMED, "control", verifier().verify(control + token));
        assertRejected(PassRejection.MALFORMED, "control", verifier().verify(token.substring(0, 10) + control + token.substring(10)));
    }

    @Test
    void rejects_a_payload_that_is_not_utf_8_even_when_signed() {
        // given a signed payload with an invalid UTF-8 sequence (0xC3 0x28) inside the subject
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(bytes("{\"sub\":\"v"));
        payload.write(0xC3);
        payload.write(0x28);
        payload.writeBytes(bytes("\",\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":1740816000,\"exp\":1740902400}"));
        String token = CompactJws.sign(KEY.ed25519(), bytes(header()), payload.toByteArray());

        // when / then
        assertRejected(PassRejection.MALFORMED, "UTF-8", verifier().verify(token));
    }

    @Test
    void rejects_a_header_in_non_canonical_base64url() {
        // given the header with padding bits set in its last character
        String token = issue();
        String[] parts = token.split("\\.");
        String header = parts[0];
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = header.charAt(header.length() - 1);
        String bent = header.substring(0, header.length() - 1) + alphabet.charAt(alphabet.indexOf(last) + 1);

        // when / then
        assertRejected(PassRejection.MALFORMED, "base64url", verifier().verify(bent + "." + parts[1] + "." + parts[2]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://yizhan.example/pass?id=42", "6901234567892", "hello world", "", "a.b",
            "a.b.c.d", ".eyJ9.abc", "WIFI:S:centre;T:WPA;P:secret;;", "你好.世界.码", "eyJhbGciOiJFZERTQSJ9.eyJ9.abc="})
    void treats_urls_barcodes_and_words_as_not_a_pass(String scanned) {
        assertRejected(PassRejection.NOT_A_PASS, "not a signed pass", verifier().verify(scanned));
    }

    @Test
    void keeps_foreign_codes_out_of_the_rejection_detail() {
        // given a Wi-Fi code, whose password has no place in a log
        String wifi = "WIFI:S:centre;T:WPA;P:hunter2;;";

        // when
        PassCheck.Rejected rejected = assertInstanceOf(PassCheck.Rejected.class, verifier().verify(wifi));

        // then
        assertFalse(rejected.detail().contains("hunter2"), rejected.detail());
    }

    @Test
    void treats_a_jws_shaped_text_with_an_empty_payload_as_a_broken_pass() {
        assertRejected(PassRejection.MALFORMED, "payload", verifier().verify("eyJhbGciOiJFZERTQSJ9.."));
    }

    @Test
    void treats_null_as_not_a_pass() {
        assertRejected(PassRejection.NOT_A_PASS, "not a signed pass", verifier().verify(null));
    }

    @Test
    void rejects_a_payload_that_is_a_json_array() {
        // given
        String token = CompactJws.sign(KEY.ed25519(), bytes(header()), bytes("[" + validClaims() + "]"));

        // when / then
        assertRejected(PassRejection.MALFORMED, "not a JSON object", verifier().verify(token));
    }

    @Test
    void rejects_a_payload_with_duplicate_keys() {
        // given a payload a lenient parser would read as staff: the last duplicate usually wins
        String claims = validClaims().replace("}", ",\"cat\":\"staff\"}");
        String token = CompactJws.sign(KEY.ed25519(), bytes(header()), bytes(claims));

        // when / then
        assertRejected(PassRejection.MALFORMED, "Duplicate", verifier().verify(token));
    }

    @Test
    void rejects_a_header_with_duplicate_keys() {
        // given a header that says none first and EdDSA last
        String header = "{\"alg\":\"none\",\"kid\":\"" + KID + "\",\"alg\":\"EdDSA\"}";
        String token = CompactJws.sign(KEY.ed25519(), bytes(header), bytes(validClaims()));

        // when / then
        assertRejected(PassRejection.MALFORMED, "Duplicate", verifier().verify(token));
    }

    @Test
    void rejects_an_unknown_category() {
        // given
        String claims = validClaims().replace("\"rider\"", "\"admin\"");
        String token = CompactJws.sign(KEY.ed25519(), bytes(header()), bytes(claims));

        // when / then
        assertRejected(PassRejection.MALFORMED, "unknown category", verifier().verify(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":1740816000,\"exp\":1740902400}",
            "{\"sub\":42,\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":1740816000,\"exp\":1740902400}",
            "{\"sub\":\"\",\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":1740816000,\"exp\":1740902400}",
            "{\"sub\":\"v 42\",\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":1740816000,\"exp\":1740902400}",
            "{\"sub\":\"张三\",\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":1740816000,\"exp\":1740902400}",
            "{\"sub\":\"v-42\",\"cat\":\"rider\",\"iss\":\"\",\"iat\":1740816000,\"exp\":1740902400}",
            "{\"sub\":\"v-42\",\"cat\":\"rider\",\"iat\":1740816000,\"exp\":1740902400}",
            "{\"sub\":\"v-42\",\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":\"1740816000\",\"exp\":1740902400}",
            "{\"sub\":\"v-42\",\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":1740816000.5,\"exp\":1740902400}",
            "{\"sub\":\"v-42\",\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":1740816000,\"exp\":1e400}",
            "{\"sub\":\"v-42\",\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":1740816000,\"exp\":99999999999999999999999}",
            "{\"sub\":\"v-42\",\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":-1,\"exp\":1740902400}",
            "{\"sub\":\"v-42\",\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":1740816000}",
            "{\"sub\":\"v-42\",\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":1740816000,\"exp\":1740816000}",
            "{\"sub\":\"v-42\",\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":1740816000,\"exp\":1740902400,\"nbf\":\"soon\"}",
            "{\"sub\":\"v-42\",\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":1740816000,\"exp\":1740902400} {}",
    })
    void rejects_missing_or_ill_typed_claims(String claims) {
        // given a correctly signed pass with bad claims
        String token = CompactJws.sign(KEY.ed25519(), bytes(header()), bytes(claims));

        // when / then
        assertRejected(PassRejection.MALFORMED, "", verifier().verify(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"alg\":\"EdDSA\"}", "{\"alg\":\"EdDSA\",\"kid\":7}",
            "{\"alg\":\"EdDSA\",\"kid\":\"%s\",\"typ\":\"at+jwt\"}", "{\"alg\":\"EdDSA\",\"kid\":\"%s\",\"crit\":[\"b64\"],\"b64\":false}"})
    void rejects_headers_without_a_usable_kid_or_with_unsupported_parameters(String header) {
        String token = CompactJws.sign(KEY.ed25519(), bytes(header.formatted(KID)), bytes(validClaims()));

        assertRejected(PassRejection.MALFORMED, "", verifier().verify(token));
    }

    @Test
    void accepts_a_pass_without_typ_as_other_libraries_may_write_it() {
        String header = "{\"kid\":\"" + KID + "\",\"alg\":\"EdDSA\"}";
        String token = CompactJws.sign(KEY.ed25519(), bytes(header), bytes(validClaims()));

        assertInstanceOf(PassCheck.Valid.class, verifier().verify(token));
    }

    static String header() {
        return "{\"alg\":\"EdDSA\",\"kid\":\"" + KID + "\",\"typ\":\"JWT\"}";
    }

    static String validClaims() {
        long iat = NOW.getEpochSecond();
        return "{\"sub\":\"v-42\",\"cat\":\"rider\",\"iss\":\"demo\",\"iat\":" + iat + ",\"exp\":" + (iat + 86400) + "}";
    }

    static String issue() {
        return issuerAt(NOW).issue("v-42", VisitorCategory.RESIDENT, "demo", Duration.ofDays(30));
    }

    static PassIssuer issuerAt(Instant instant) {
        return new PassIssuer(KEY, fixed(instant));
    }

    static PassVerifier verifier() {
        return verifierAt(NOW);
    }

    static PassVerifier verifierAt(Instant instant) {
        return verifier(RevocationList.empty(), instant);
    }

    static PassVerifier verifier(RevocationList revoked) {
        return verifier(revoked, NOW);
    }

    static PassVerifier verifier(RevocationList revoked, Instant instant) {
        return new PassVerifier(KEY.trustedKeys(), revoked, fixed(instant), SKEW);
    }

    static Clock fixed(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(text));
    }

    static String decode(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }

    static void assertRejected(PassRejection reason, String detailFragment, PassCheck check) {
        PassCheck.Rejected rejected = assertInstanceOf(PassCheck.Rejected.class, check);
        assertEquals(reason, rejected.reason(), rejected.detail());
        assertTrue(rejected.detail().contains(detailFragment), () -> "detail '" + rejected.detail() + "' lacks '"
                + detailFragment + "'");
    }
}
