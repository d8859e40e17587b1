package org.yizhan.protocol.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yizhan.protocol.contract.ExampleMessages;
import org.yizhan.protocol.jose.CompactJws;
import org.yizhan.protocol.message.ProtocolJson;
import org.yizhan.protocol.topic.KioskId;

class CommandVerifierTest {

    private static final KioskId SELF = ExampleMessages.KIOSK;
    private static final Instant NOW = Instant.parse("2026-03-02T08:41:00Z");
    private static final CommandSigningKey FLEET = ExampleMessages.FLEET_KEY;

    private final ObjectMapper json = ProtocolJson.newMapper();
    private final RecentNonces nonces = new RecentNonces(Clock.fixed(NOW, ZoneOffset.UTC));
    private final CommandVerifier verifier = new CommandVerifier(FLEET.trusted(), SELF, nonces);

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] unbase64url(String text) {
        return Base64.getUrlDecoder().decode(text);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static Command command(CommandArgs args) {
        return Command.create(SELF, args, NOW.minusSeconds(30), Command.DEFAULT_VALIDITY);
    }

    /** Signs claims edited by hand, as a fleet with a bug (or an attacker holding the key) could. */
    private byte[] signedClaims(ObjectNode claims) throws Exception {
        byte[] header = ascii("{\"alg\":\"EdDSA\",\"kid\":\"" + FLEET.kid() + "\",\"typ\":\"yizhan-command\"}");
        return ascii(CompactJws.sign(FLEET.ed25519(), header, json.writeValueAsBytes(claims)));
    }

    private ObjectNode claimsOf(Command command) {
        return CommandClaims.toJson(json, command);
    }

    private Verification.Rejected rejected(String topicName, byte[] payload, RejectionReason reason) {
        Verification verification = verifier.verify(topicName, payload, NOW);
        Verification.Rejected rejected = assertInstanceOf(Verification.Rejected.class, verification);
        assertEquals(reason, rejected.reason(), rejected.detail());
        return rejected;
    }

    @Test
    void accepts_a_notice_signed_by_the_fleet_for_this_kiosk_in_time() {
        // given
        Command notice = ExampleMessages.notice();
        byte[] payload = ascii(FLEET.sign(notice));

        // when
        Verification verification = verifier.verify("notice", payload, Instant.parse("2026-03-02T08:40:30Z"));

        // then
        assertEquals(new Verification.Accepted(notice), verification);
    }

    @Test
    void accepts_every_command_with_its_arguments() {
        for (CommandArgs args : new CommandArgs[] {new CommandArgs.Restart(), new CommandArgs.Resync(),
            new CommandArgs.Diagnostics(50), new CommandArgs.Diagnostics(null),
            new CommandArgs.ConfigSet("checkin.result-timeout", "10s")}) {
            Command command = command(args);

            Verification verification = verifier.verify(command.name().code(), ascii(FLEET.sign(command)), NOW);

            assertEquals(new Verification.Accepted(command), verification);
        }
    }

    @Test
    void refuses_bare_json_as_unsigned_and_still_names_its_id_for_the_answer() {
        byte[] bare = ascii("{\"id\":\"01KJPV8JR0F8Y1TBHZ99DPRZCF\",\"name\":\"restart\",\"kiosk\":\"demo/kiosk-1\"}");

        Verification.Rejected rejected = rejected("restart", bare, RejectionReason.UNSIGNED);

        assertEquals("01KJPV8JR0F8Y1TBHZ99DPRZCF", rejected.commandId());
    }

    @Test
    void refuses_a_token_with_alg_none_or_no_signature_as_unsigned() {
        String signed = FLEET.sign(command(new CommandArgs.Restart()));
        String claims = signed.split("\\.")[1];
        String none = base64url(ascii("{\"alg\":\"none\",\"typ\":\"yizhan-command\"}"));

        rejected("restart", ascii(none + "." + claims + "."), RejectionReason.UNSIGNED);
        rejected("restart", ascii(signed.substring(0, signed.lastIndexOf('.') + 1)), RejectionReason.UNSIGNED);
    }

    @Test
    void refuses_claims_changed_after_signing() throws Exception {
        // given a restart for kiosk-2, re-addressed to this kiosk without re-signing
        String signed = FLEET.sign(Command.create(new KioskId("demo", "kiosk-2"), new CommandArgs.Restart(), NOW,
                Command.DEFAULT_VALIDITY));
        String[] parts = signed.split("\\.");
        ObjectNode claims = (ObjectNode) json.readTree(unbase64url(parts[1]));
        claims.put("kiosk", SELF.toString());
        String forged = parts[0] + "." + base64url(json.writeValueAsBytes(claims)) + "." + parts[2];

        // when, then
        rejected("restart", ascii(forged), RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void refuses_a_command_signed_by_a_key_it_does_not_trust() {
        CommandSigningKey stranger = CommandSigningKey.generate();

        rejected("restart", ascii(stranger.sign(command(new CommandArgs.Restart()))), RejectionReason.UNKNOWN_KEY);
    }

    @Test
    void refuses_a_signature_by_another_key_under_the_trusted_kid() {
        CommandSigningKey stranger = CommandSigningKey.generate();
        String forged = stranger.sign(command(new CommandArgs.Restart())).replaceFirst("^[^.]+",
                FLEET.sign(command(new CommandArgs.Restart())).split("\\.")[0]);

        rejected("restart", ascii(forged), RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void refuses_a_command_for_another_kiosk() {
        Command other = Command.create(new KioskId("demo", "kiosk-2"), new CommandArgs.Restart(), NOW,
                Command.DEFAULT_VALIDITY);

        Verification.Rejected rejected = rejected("restart", ascii(FLEET.sign(other)), RejectionReason.WRONG_KIOSK);

        assertEquals(other.id(), rejected.commandId());
    }

    @Test
    void refuses_a_command_sent_to_the_topic_of_another_command() {
        rejected("diagnostics", ascii(FLEET.sign(command(new CommandArgs.Restart()))), RejectionReason.WRONG_TOPIC);
    }

    @Test
    void refuses_a_command_at_or_after_its_not_after() {
        Command command = command(new CommandArgs.Restart());
        byte[] payload = ascii(FLEET.sign(command));

        Verification atEnd = verifier.verify("restart", payload, command.notAfter());

        Verification.Rejected rejected = assertInstanceOf(Verification.Rejected.class, atEnd);
        assertEquals(RejectionReason.EXPIRED, rejected.reason());
    }

    @Test
    void refuses_a_command_valid_for_longer_than_an_hour() throws Exception {
        ObjectNode claims = claimsOf(command(new CommandArgs.Restart()));
        claims.put("notAfter", NOW.plus(Duration.ofDays(30)).toString());

        rejected("restart", signedClaims(claims), RejectionReason.VALIDITY_TOO_LONG);
    }

    @Test
    void refuses_a_command_it_does_not_know() throws Exception {
        ObjectNode claims = claimsOf(command(new CommandArgs.Restart()));
        claims.put("name", "format-disk");

        rejected("format-disk", signedClaims(claims), RejectionReason.UNKNOWN_COMMAND);
    }

    @Test
    void refuses_a_setting_outside_the_safe_list() {
        Command command = command(new CommandArgs.ConfigSet("passes.trusted-keys", "/tmp/evil.jwks"));

        Verification.Rejected rejected = rejected("config-set", ascii(FLEET.sign(command)),
                RejectionReason.NOT_ALLOWED);

        assertTrue(rejected.detail().contains("checkin.result-timeout"), rejected.detail());
    }

    @Test
    void refuses_a_safe_setting_with_a_value_out_of_range() {
        Command command = command(new CommandArgs.ConfigSet("checkin.result-timeout", "2h"));

        Verification.Rejected rejected = rejected("config-set", ascii(FLEET.sign(command)),
                RejectionReason.BAD_ARGUMENTS);

        assertTrue(rejected.detail().contains("outside 2s to 1m"), rejected.detail());
    }

    @Test
    void refuses_arguments_it_does_not_understand() throws Exception {
        ObjectNode restartWithFlag = claimsOf(command(new CommandArgs.Restart()));
        ((ObjectNode) restartWithFlag.get("args")).put("wipeData", true);
        ObjectNode noticeWithoutText = claimsOf(command(new CommandArgs.Notice("闭", null, NOW)));
        ((ObjectNode) noticeWithoutText.get("args")).remove("zh");
        ObjectNode tooManyLines = claimsOf(command(new CommandArgs.Diagnostics(10)));
        ((ObjectNode) tooManyLines.get("args")).put("logLines", 1_000_000);

        rejected("restart", signedClaims(restartWithFlag), RejectionReason.BAD_ARGUMENTS);
        Verification.Rejected noText = rejected("notice", signedClaims(noticeWithoutText),
                RejectionReason.BAD_ARGUMENTS);
        assertTrue(noText.detail().contains("notice needs zh text"), noText.detail());
        rejected("diagnostics", signedClaims(tooManyLines), RejectionReason.BAD_ARGUMENTS);
    }

    @Test
    void refuses_the_same_command_the_second_time() {
        byte[] payload = ascii(FLEET.sign(command(new CommandArgs.Restart())));

        Verification first = verifier.verify("restart", payload, NOW);
        Verification second = verifier.verify("restart", payload, NOW);

        assertInstanceOf(Verification.Accepted.class, first);
        assertEquals(RejectionReason.REPLAYED_NONCE, assertInstanceOf(Verification.Rejected.class, second).reason());
    }

    @Test
    void a_refused_command_does_not_use_up_its_nonce() {
        Command command = command(new CommandArgs.Restart());
        byte[] payload = ascii(FLEET.sign(command));

        rejected("resync", payload, RejectionReason.WRONG_TOPIC);

        assertInstanceOf(Verification.Accepted.class, verifier.verify("restart", payload, NOW));
    }

    @Test
    void refuses_a_visitor_pass_or_other_jws_that_is_not_typed_as_a_command() throws Exception {
        byte[] header = ascii("{\"alg\":\"EdDSA\",\"kid\":\"" + FLEET.kid() + "\"}");
        byte[] pass = ascii(CompactJws.sign(FLEET.ed25519(), header, json.writeValueAsBytes(claimsOf(
                command(new CommandArgs.Restart())))));

        rejected("restart", pass, RejectionReason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "restart", "a.b", "a.b.c.d", "..", "e30.e30.", "!!!.???.###",
        "eyJhbGciOiJFZERTQSJ9.e30.AAAA", "bm90IGpzb24.e30.AAAA"})
    void refuses_anything_that_is_not_a_signed_command_as_malformed_or_unsigned(String text) {
        Verification verification = verifier.verify("restart", ascii(text), NOW);

        Verification.Rejected rejected = assertInstanceOf(Verification.Rejected.class, verification);
        assertTrue(rejected.reason() == RejectionReason.MALFORMED || rejected.reason() == RejectionReason.UNSIGNED,
                rejected.reason() + ": " + rejected.detail());
    }

    @Test
    void refuses_claims_that_are_signed_but_unreadable() throws Exception {
        ObjectNode noNonce = claimsOf(command(new CommandArgs.Restart()));
        noNonce.remove("nonce");
        ObjectNode badKiosk = claimsOf(command(new CommandArgs.Restart()));
        badKiosk.put("kiosk", "demo/KIOSK");
        ObjectNode numericTs = claimsOf(command(new CommandArgs.Restart()));
        numericTs.put("ts", 1772440800);

        assertTrue(rejected("restart", signedClaims(noNonce), RejectionReason.MALFORMED).detail().contains("nonce"));
        assertTrue(rejected("restart", signedClaims(badKiosk), RejectionReason.MALFORMED).detail().contains("kiosk"));
        assertTrue(rejected("restart", signedClaims(numericTs), RejectionReason.MALFORMED).detail().contains("ts"));
    }

    @Test
    void refuses_signed_claims_with_a_duplicate_member_that_parsers_could_read_differently() throws Exception {
        // given claims naming the kiosk twice: some JSON parsers keep the first, others the last
        String claims = json.writeValueAsString(claimsOf(command(new CommandArgs.Restart())))
                .replace("\"kiosk\":", "\"kiosk\":\"demo/kiosk-2\",\"kiosk\":");
        byte[] header = ascii("{\"alg\":\"EdDSA\",\"kid\":\"" + FLEET.kid() + "\",\"typ\":\"yizhan-command\"}");
        byte[] payload = ascii(CompactJws.sign(FLEET.ed25519(), header, claims.getBytes(StandardCharsets.UTF_8)));

        // when, then
        rejected("restart", payload, RejectionReason.MALFORMED);
    }

    @Test
    void refuses_critical_header_extensions_it_cannot_understand() throws Exception {
        byte[] header = ascii("{\"alg\":\"EdDSA\",\"kid\":\"" + FLEET.kid()
                + "\",\"typ\":\"yizhan-command\",\"crit\":[\"exp\"],\"exp\":0}");
        byte[] payload = ascii(CompactJws.sign(FLEET.ed25519(), header,
                json.writeValueAsBytes(claimsOf(command(new CommandArgs.Restart())))));

        rejected("restart", payload, RejectionReason.MALFORMED);
    }

    @Test
    void refuses_an_oversized_payload_before_reading_it() {
        byte[] huge = new byte[CommandVerifier.MAX_PAYLOAD_BYTES + 1];

        rejected("restart", huge, RejectionReason.MALFORMED);
        rejected("restart", null, RejectionReason.MALFORMED);
    }

    @Test
    void never_throws_on_mutated_commands() {
        // given a real signed command and a seeded stream of byte flips and cuts
        Random random = new Random(8037);
        byte[] original = ascii(FLEET.sign(command(new CommandArgs.Notice("通知", "Notice", NOW.plusSeconds(3600)))));
        int accepted = 0;
        for (int round = 0; round < 5000; round++) {
            byte[] bytes = original.clone();
            int at = random.nextInt(bytes.length);
            if (round % 2 == 0) {
                bytes[at] = (byte) random.nextInt(256);
            } else {
                bytes = java.util.Arrays.copyOf(bytes, at);
            }

            // when
            Verification verification = new CommandVerifier(FLEET.trusted(), SELF,
                    new RecentNonces(Clock.fixed(NOW, ZoneOffset.UTC))).verify("notice", bytes, NOW);

            // then it answered; only a flip that changed nothing (or a base64url digit's unused bits) passes
            if (verification instanceof Verification.Accepted) {
                accepted++;
            }
        }
        assertTrue(accepted < 50, "mutations accepted: " + accepted);
    }

    @Test
    void signs_exactly_the_ascii_of_header_dot_claims_as_sent() throws Exception {
        // given
        String token = FLEET.sign(ExampleMessages.notice());
        String[] parts = token.split("\\.");

        // when the signature is checked with nothing but the JDK and the public JWK
        java.security.Signature ed25519 = java.security.Signature.getInstance("Ed25519");
        // an Ed25519 SubjectPublicKeyInfo is this fixed DER prefix followed by the raw 32-byte x (RFC 8410)
        byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100"
                + HexFormat.of().formatHex(unbase64url("xW4Ayu-_O-JwLBcRMKpp560SvSXqolZHfpQtI1JOU1c")));
        ed25519.initVerify(java.security.KeyFactory.getInstance("Ed25519")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(spki)));
        ed25519.update(ascii(parts[0] + "." + parts[1]));

        // then
        assertTrue(ed25519.verify(unbase64url(parts[2])));
        assertEquals("{\"alg\":\"EdDSA\",\"kid\":\"ifp4cSopwPzimSD5\",\"typ\":\"yizhan-command\"}",
                new String(unbase64url(parts[0]), StandardCharsets.US_ASCII));
    }
}
