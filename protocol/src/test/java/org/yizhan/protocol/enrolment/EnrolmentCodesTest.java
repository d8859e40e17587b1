package org.yizhan.protocol.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.protocol.enrolment.EnrolmentCodes.Reason;
import org.yizhan.protocol.topic.KioskId;

class EnrolmentCodesTest {

    private static final Instant ISSUED = Instant.parse("2026-11-23T08:00:00Z");
    private static final CommandSigningKey FLEET = CommandSigningKey.generate();
    private static final String PASS_KEYS = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"abc\","
            + "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}]}";

    private static EnrolmentCode code(Duration validity) {
        return new EnrolmentCode(new KioskId("pujin", "k-7q2m4x"), "浦锦 24h window 1", "浦锦社区服务中心",
                "tcp://mqtt.example:1883", "kiosk-pujin-k-7q2m4x", "s3cret-password", PASS_KEYS, null, ISSUED,
                ISSUED.plus(validity));
    }

    private static String signed() {
        return EnrolmentCodes.sign(code(EnrolmentCodes.DEFAULT_VALIDITY), FLEET);
    }

    @Test
    void a_code_signed_by_the_fleet_carries_everything_the_kiosk_needs_and_is_accepted_before_it_expires() {
        EnrolmentCodes.Verified verified = EnrolmentCodes.verify(signed(), FLEET.trusted(),
                ISSUED.plus(Duration.ofHours(23)));

        assertTrue(verified.accepted(), () -> String.valueOf(verified.refusal()));
        EnrolmentCode code = verified.code();
        assertEquals(new KioskId("pujin", "k-7q2m4x"), code.kiosk());
        assertEquals("浦锦 24h window 1", code.name());
        assertEquals("浦锦社区服务中心", code.siteName());
        assertEquals("tcp://mqtt.example:1883", code.brokerUrl());
        assertEquals("kiosk-pujin-k-7q2m4x", code.username());
        assertEquals("s3cret-password", code.password());
        assertTrue(code.passKeys().contains("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"));
        assertEquals(ISSUED.plus(Duration.ofHours(24)), code.expiresAt());
        assertFalse(code.toString().contains("s3cret"), "the password stays out of logs");
    }

    @Test
    void an_expired_code_is_refused_and_says_when_it_expired() {
        EnrolmentCodes.Verified verified = EnrolmentCodes.verify(signed(), FLEET.trusted(),
                ISSUED.plus(Duration.ofHours(24)));

        assertEquals(Reason.EXPIRED, verified.refusal().reason());
        assertTrue(verified.refusal().message().contains("2026-11-24T08:00:00Z"), verified.refusal().message());
        assertNull(verified.code());
    }

    @Test
    void a_code_from_a_clock_far_ahead_is_refused_but_small_skew_is_tolerated() {
        assertEquals(Reason.NOT_YET_VALID, EnrolmentCodes.verify(signed(), FLEET.trusted(),
                ISSUED.minus(Duration.ofMinutes(11))).refusal().reason());
        assertTrue(EnrolmentCodes.verify(signed(), FLEET.trusted(), ISSUED.minus(Duration.ofMinutes(9))).accepted());
    }

    @Test
    void a_code_signed_by_another_fleet_is_refused() {
        String stranger = EnrolmentCodes.sign(code(Duration.ofHours(1)), CommandSigningKey.generate());

        assertEquals(Reason.UNKNOWN_KEY, EnrolmentCodes.verify(stranger, FLEET.trusted(), ISSUED).refusal().reason());
    }

    @Test
    void an_unsigned_code_is_refused_as_unsigned() {
        String jws = signed().substring(EnrolmentCodes.PREFIX.length());
        String[] parts = jws.split("\\.");
        String none = b64("{\"alg\":\"none\",\"typ\":\"yizhan-enrolment\"}");

        assertEquals(Reason.UNSIGNED, EnrolmentCodes.verify(EnrolmentCodes.PREFIX + none + "." + parts[1] + ".",
                FLEET.trusted(), ISSUED).refusal().reason());
        assertEquals(Reason.UNSIGNED, EnrolmentCodes.verify(EnrolmentCodes.PREFIX + parts[0] + "." + parts[1] + ".",
                FLEET.trusted(), ISSUED).refusal().reason());
    }

    @Test
    void a_code_whose_content_was_changed_after_signing_is_refused() {
        String jws = signed().substring(EnrolmentCodes.PREFIX.length());
        String[] parts = jws.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("tcp://mqtt.example:1883", "tcp://evil.example:1883");

        assertEquals(Reason.BAD_SIGNATURE, EnrolmentCodes.verify(EnrolmentCodes.PREFIX + parts[0] + "." + b64(claims)
                + "." + parts[2], FLEET.trusted(), ISSUED).refusal().reason());
    }

    @Test
    void another_fleet_signed_format_does_not_pass_for_an_enrolment_code() {
        ObjectNode claims = JsonNodeFactory.instance.objectNode().put("v", 1);
        String other = EnrolmentCodes.PREFIX + FLEET.sign("yizhan-something-else", claims);

        assertEquals(Reason.MALFORMED, EnrolmentCodes.verify(other, FLEET.trusted(), ISSUED).refusal().reason());
        assertThrows(IllegalArgumentException.class, () -> FLEET.sign("yizhan-command", claims));
    }

    @Test
    void signed_claims_that_are_incomplete_are_refused_as_malformed() {
        ObjectNode claims = JsonNodeFactory.instance.objectNode().put("v", 1).put("site", "pujin");
        String partial = EnrolmentCodes.PREFIX + FLEET.sign(EnrolmentCodes.TYPE, claims);

        EnrolmentCodes.Refusal refusal = EnrolmentCodes.verify(partial, FLEET.trusted(), ISSUED).refusal();
        assertEquals(Reason.MALFORMED, refusal.reason());
        assertTrue(refusal.message().contains("kiosk"), refusal.message());
    }

    @Test
    void a_visitor_pass_or_junk_is_not_an_enrolment_code() {
        for (String text : new String[] {"eyJhbGciOiJFZERTQSJ9.e30.c2ln", "", "hello", "YZENROL:", "YZENROL:a.b"}) {
            EnrolmentCodes.Verified verified = EnrolmentCodes.verify(text, FLEET.trusted(), ISSUED);
            assertFalse(verified.accepted(), text);
        }
        assertEquals(Reason.NOT_AN_ENROLMENT_CODE,
                EnrolmentCodes.verify("eyJhbGciOiJFZERTQSJ9.e30.c2ln", FLEET.trusted(), ISSUED).refusal().reason());
        assertEquals(Reason.NOT_AN_ENROLMENT_CODE, EnrolmentCodes.verify(null, FLEET.trusted(), ISSUED).refusal().reason());
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
