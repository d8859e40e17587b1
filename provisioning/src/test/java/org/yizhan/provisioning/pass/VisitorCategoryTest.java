package org.yizhan.provisioning.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class VisitorCategoryTest {

    @Test
    void writes_the_codes_passes_carry() {
        assertEquals(List.of("resident", "rider", "courier", "visitor", "staff"),
                Arrays.stream(VisitorCategory.values()).map(VisitorCategory::code).toList());
    }

    @Test
    void reads_back_every_code_it_writes() {
        for (VisitorCategory category : VisitorCategory.values()) {
            assertEquals(Optional.of(category), VisitorCategory.fromCode(category.code()));
        }
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "RESIDENT", "Resident", " resident", "walk-in", "admin"})
    void knows_nothing_but_the_exact_codes(String code) {
        assertTrue(VisitorCategory.fromCode(code).isEmpty());
    }
}
