package org.yizhan.protocol.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JwsHeaderTest {

    static final JwsHeader.Typ COMMAND = JwsHeader.Typ.exactly("yizhan-command");
    static final JwsHeader.Typ PASS = JwsHeader.Typ.absentOr("JWT");

    static JwsHeader header(String json) throws MalformedJwsException {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return CompactJws.split(encoded + ".e30.").orElseThrow().header();
    }

    @Test
    void gives_the_kid_of_an_eddsa_header() throws Exception {
        assertEquals("k1", header("{\"alg\":\"EdDSA\",\"kid\":\"k1\",\"typ\":\"yizhan-command\"}").requireEdDsa(COMMAND));
        assertEquals("k1", header("{\"kid\":\"k1\",\"alg\":\"EdDSA\"}").requireEdDsa(PASS));
    }

    @Test
    void recognises_an_unsecured_header() throws Exception {
        JwsHeader none = header("{\"alg\":\"none\",\"kid\":\"k1\"}");

        MalformedJwsException e = assertThrows(MalformedJwsException.class, () -> none.requireEdDsa(PASS));

        assertTrue(none.isUnsecured());
        assertEquals("alg 'none' is not EdDSA", e.getMessage());
        assertFalse(header("{\"alg\":\"EdDSA\"}").isUnsecured());
        assertFalse(header("{\"alg\":[\"none\"]}").isUnsecured());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            no alg                | {"kid":"k1"}                                            | header has no alg
            alg null              | {"alg":null,"kid":"k1"}                                 | alg is not a string
            alg in an array       | {"alg":["EdDSA"],"kid":"k1"}                            | alg is not a string
            another alg           | {"alg":"HS256","kid":"k1"}                              | alg 'HS256' is not EdDSA
            alg in lower case     | {"alg":"eddsa","kid":"k1"}                              | alg 'eddsa' is not EdDSA
            crit                  | {"alg":"EdDSA","kid":"k1","crit":["b64"],"b64":false}   | header has crit extensions
            crit null             | {"alg":"EdDSA","kid":"k1","crit":null}                  | header has crit extensions
            no kid                | {"alg":"EdDSA"}                                         | header has no kid
            a numeric kid         | {"alg":"EdDSA","kid":7}                                 | kid is not a string
            another typ           | {"alg":"EdDSA","kid":"k1","typ":"at+jwt"}               | typ is not JWT
            a numeric typ         | {"alg":"EdDSA","kid":"k1","typ":1}                      | typ is not a string
            """)
    void refuses_a_header_an_ed25519_key_cannot_be_checked_against(String what, String json, String problem)
            throws Exception {
        JwsHeader header = header(json);

        MalformedJwsException e = assertThrows(MalformedJwsException.class, () -> header.requireEdDsa(PASS));

        assertEquals(problem, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"alg\":\"EdDSA\",\"kid\":\"k1\"}", "{\"alg\":\"EdDSA\",\"kid\":\"k1\",\"typ\":\"JWT\"}",
        "{\"alg\":\"EdDSA\",\"kid\":\"k1\",\"typ\":\"YIZHAN-COMMAND\"}"})
    void demands_an_exact_typ_where_a_format_requires_one(String json) throws Exception {
        JwsHeader header = header(json);

        MalformedJwsException e = assertThrows(MalformedJwsException.class, () -> header.requireEdDsa(COMMAND));

        assertEquals("typ is not yizhan-command", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"alg\":\"EdDSA\",\"kid\":\"k1\"}", "{\"alg\":\"EdDSA\",\"kid\":\"k1\",\"typ\":\"JWT\"}",
        "{\"alg\":\"EdDSA\",\"kid\":\"k1\",\"typ\":\"jwt\"}"})
    void accepts_an_absent_typ_or_one_differing_only_in_case_where_a_format_allows_it(String json) throws Exception {
        assertEquals("k1", header(json).requireEdDsa(PASS));
    }

    @Test
    void refuses_a_header_that_names_alg_twice() {
        // given a header that says none first and EdDSA last: parsers differ on which one wins
        String json = "{\"alg\":\"none\",\"kid\":\"k1\",\"alg\":\"EdDSA\"}";

        // when
        MalformedJwsException e = assertThrows(MalformedJwsException.class, () -> header(json));

        // then
        assertTrue(e.getMessage().startsWith("header is not valid JSON (Duplicate field 'alg'"), e.getMessage());
    }
}
