package org.yizhan.fleet.web.footfall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FootfallCsvTest {

    @Test
    void plain_fields_are_written_as_they_are() {
        assertEquals("浦锦 24h window", FootfallCsv.field("浦锦 24h window"));
        assertEquals("42", FootfallCsv.field("42"));
        assertEquals("-3", FootfallCsv.field("-3"));
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted_as_rfc_4180_says() {
        assertEquals("\"a,b\"", FootfallCsv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", FootfallCsv.field("say \"hi\""));
        assertEquals("\"two\r\nlines\"", FootfallCsv.field("two\r\nlines"));
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assertEquals("'=1+2", FootfallCsv.field("=1+2"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", FootfallCsv.field("=HYPERLINK(\"x\")"));
        assertEquals("'+1", FootfallCsv.field("+1"));
        assertEquals("'@sum", FootfallCsv.field("@sum"));
    }
}
