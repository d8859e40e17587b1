package org.yizhan.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalsTest {

    private record Item(int index, String text) {
    }

    private final Arrivals<Item> arrivals = new Arrivals<>(Item::text);

    @Test
    void takes_each_item_once_in_arrival_order_and_leaves_the_rest() throws Exception {
        // given
        add("state online", "birth", "state offline");

        // when
        Item first = arrivals.take(i -> i.text().startsWith("state"), Duration.ofSeconds(1), "a state");
        Item second = arrivals.take(i -> i.text().startsWith("state"), Duration.ofSeconds(1), "a state");

        // then
        assertEquals("state online", first.text());
        assertEquals("state offline", second.text());
        assertEquals(List.of(new Item(1, "birth")), arrivals.takeRest());
        assertEquals(List.of(), arrivals.takeRest());
    }

    @Test
    void taking_does_not_hide_items_from_the_waits_by_index() throws Exception {
        // given
        add("a", "b");
        int from = arrivals.mark();
        add("c");
        arrivals.takeRest();

        // then
        assertEquals(new Item(2, "c"), arrivals.await(from, i -> true, Duration.ofSeconds(1), "c"));
        assertEquals(List.of(new Item(0, "a"), new Item(1, "b")), arrivals.since(0, i -> !i.text().equals("c")));
    }

    @Test
    void a_wait_that_runs_out_lists_what_arrived_instead() {
        // given
        add("birth");

        // when
        AssertionError e = assertThrows(AssertionError.class,
                () -> arrivals.take(i -> i.text().equals("state"), Duration.ofMillis(50), "the state"));

        // then
        assertTrue(e.getMessage().startsWith("no the state within PT0.05S; the last of 1 received:\n  birth"),
                e.getMessage());
    }

    @Test
    void an_item_added_from_another_thread_ends_the_wait() throws Exception {
        // given
        Thread later = new Thread(() -> {
            sleep(100);
            add("late");
        });

        // when
        later.start();
        Item late = arrivals.take(i -> true, Duration.ofSeconds(5), "the late item");

        // then
        assertEquals("late", late.text());
        later.join();
    }

    private void add(String... texts) {
        for (String text : texts) {
            arrivals.add(index -> new Item(index, text));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
