package org.yizhan.protocol.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CompactJwsTest {

    static final Ed25519SigningKey KEY = Ed25519SigningKey.generate();
    static final String HEADER = "{\"alg\":\"EdDSA\",\"kid\":\"" + KEY.kid() + "\"}";

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static CompactJws signed(String header, String payload) {
        return CompactJws.split(CompactJws.sign(KEY, utf8(header), utf8(payload))).orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"e30.e30.AAAA", "e30.e30.", "e30..AAAA", "e30.."})
    void splits_anything_shaped_like_a_compact_jws_even_unsigned_or_without_payload(String text) {
        assertTrue(CompactJws.split(text).isPresent(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", ".e30.AAAA", "e30.e30", "e30.e30.AAAA.AAAA", "e30 .e30.AAAA",
        "e30.e30.AAAA=", "e30.e3+.AAAA", "https://yizhan.example/pass?id=42", "你好.世界.码"})
    void refuses_to_split_what_is_not_shaped_like_one(String text) {
        assertTrue(CompactJws.split(text).isEmpty(), text);
    }

    @Test
    void refuses_to_split_null_or_a_text_over_16_kib() {
        String huge = "e30." + "A".repeat(CompactJws.MAX_LENGTH) + ".AAAA";

        assertTrue(CompactJws.split(null).isEmpty());
        assertTrue(CompactJws.split(huge).isEmpty());
    }

    @Test
    void tells_an_unsigned_token_and_an_empty_payload_apart() {
        CompactJws unsigned = CompactJws.split("e30.e30.").orElseThrow();
        CompactJws noPayload = CompactJws.split("e30..AAAA").orElseThrow();

        assertFalse(unsigned.isSigned());
        assertTrue(unsigned.hasPayload());
        assertTrue(noPayload.isSigned());
        assertFalse(noPayload.hasPayload());
    }

    @Test
    void decodes_the_header_and_payload_it_signed() throws Exception {
        CompactJws jws = signed(HEADER, "{\"sub\":\"v-42\"}");

        ObjectNode payload = jws.payload();

        assertEquals(KEY.kid(), jws.header().requireEdDsa(JwsHeader.Typ.absentOr("JWT")));
        assertEquals("v-42", payload.get("sub").textValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a duplicate member      | {"sub":"a","sub":"b"}        | payload is not valid JSON (Duplicate field 'sub')
            an array                | [{"sub":"a"}]                | payload is not a JSON object
            trailing content        | {"sub":"a"} {}               | payload is not valid JSON
            a string                | `"sub"`                      | payload is not a JSON object
            nothing                 | ``                           | payload is not a JSON object
            """)
    void refuses_a_payload_that_is_not_one_strict_json_object(String what, String payload, String problem) {
        CompactJws jws = signed(HEADER, payload);

        MalformedJwsException e = assertThrows(MalformedJwsException.class, jws::payload);

        assertTrue(e.getMessage().startsWith(problem), e.getMessage());
    }

    @Test
    void refuses_a_header_in_malformed_utf_8_even_when_signed() {
        // given a header with an invalid UTF-8 sequence (0xC3 0x28) inside the kid, which a lenient decoder would
        // turn into U+FFFD
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.writeBytes(utf8("{\"alg\":\"EdDSA\",\"kid\":\""));
        header.write(0xC3);
        header.write(0x28);
        header.writeBytes(utf8("\"}"));
        CompactJws jws = CompactJws.split(CompactJws.sign(KEY, header.toByteArray(), utf8("{}"))).orElseThrow();

        // when
        MalformedJwsException e = assertThrows(MalformedJwsException.class, jws::header);

        // then
        assertEquals("header is not UTF-8", e.getMessage());
    }

    @Test
    void refuses_a_header_in_non_canonical_base64url() {
        // given the header "{}" with the unused bits of its last character set
        CompactJws jws = CompactJws.split("e31.e30.AAAA").orElseThrow();

        // when
        MalformedJwsException e = assertThrows(MalformedJwsException.class, jws::header);

        // then
        assertEquals("header is not canonical base64url", e.getMessage());
    }

    @Test
    void verifies_a_signature_only_with_the_key_that_made_it() {
        CompactJws jws = signed(HEADER, "{}");

        assertTrue(jws.isSignedBy(KEY.publicKey()));
        assertFalse(jws.isSignedBy(Ed25519SigningKey.generate().publicKey()));
    }

    @Test
    void refuses_a_signature_over_other_segments_a_bent_encoding_or_none() {
        // given
        String token = CompactJws.sign(KEY, utf8(HEADER), utf8("{\"cat\":\"rider\"}"));
        String[] parts = token.split("\\.", -1);
        String otherPayload = parts[0] + "." + encode(utf8("{\"cat\":\"staff\"}")) + "." + parts[2];
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        String bentSignature = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) + 1);
        String truncated = token.substring(0, token.length() - 3);
        String unsigned = parts[0] + "." + parts[1] + ".";

        // when / then
        for (String forged : new String[] {otherPayload, bentSignature, truncated, unsigned}) {
            assertFalse(CompactJws.split(forged).orElseThrow().isSignedBy(KEY.publicKey()), forged);
        }
    }

    @Test
    void keeps_the_token_out_of_its_string_form() {
        String token = CompactJws.sign(KEY, utf8(HEADER), utf8("{}"));

        assertFalse(CompactJws.split(token).orElseThrow().toString().contains(token.substring(0, 10)));
    }
}
