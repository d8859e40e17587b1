package org.yizhan.fleetsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yizhan.protocol.topic.KioskId;

class FleetLayoutTest {

    @Test
    void spreads_kiosks_over_sites_in_order_the_first_sites_taking_the_remainder() {
        // when
        List<KioskId> kiosks = FleetLayout.kiosks("sim", 25, 3);

        // then
        assertEquals(25, kiosks.size());
        assertEquals(KioskId.parse("sim-001/kiosk-01"), kiosks.get(0));
        assertEquals(KioskId.parse("sim-001/kiosk-09"), kiosks.get(8));
        assertEquals(KioskId.parse("sim-002/kiosk-01"), kiosks.get(9));
        assertEquals(KioskId.parse("sim-003/kiosk-08"), kiosks.get(24));
        Map<String, Long> perSite = kiosks.stream().collect(Collectors.groupingBy(KioskId::site,
                Collectors.counting()));
        assertEquals(Map.of("sim-001", 9L, "sim-002", 8L, "sim-003", 8L), perSite);
    }

    @Test
    void pads_numbers_to_the_widest_so_that_ids_sort_as_they_are_numbered() {
        // when
        List<KioskId> kiosks = FleetLayout.kiosks("bench", 12_600, 1_260);

        // then
        assertEquals(KioskId.parse("bench-0001/kiosk-01"), kiosks.get(0));
        assertEquals(KioskId.parse("bench-1260/kiosk-10"), kiosks.get(12_599));
        assertEquals(12_600, kiosks.stream().collect(Collectors.toMap(Function.identity(), k -> 1)).size());
        assertEquals(kiosks, kiosks.stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList());
    }

    @Test
    void fills_a_credential_template_with_the_kiosks_site_and_name() {
        KioskId kiosk = KioskId.parse("sim-004/kiosk-07");

        assertEquals("sim-004.kiosk-07", FleetLayout.fill("{site}.{kiosk}", kiosk));
        assertEquals("same-for-all", FleetLayout.fill("same-for-all", kiosk));
        assertNull(FleetLayout.fill(null, kiosk));
    }
}
