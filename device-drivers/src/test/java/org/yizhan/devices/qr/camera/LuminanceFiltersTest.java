package org.yizhan.devices.qr.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LuminanceFiltersTest {

    private static int at(byte[] pixels, int i) {
        return pixels[i] & 0xff;
    }

    @Test
    void inverting_turns_dark_into_light() {
        byte[] source = {0, (byte) 200, (byte) 255, 10};
        byte[] target = new byte[4];

        LuminanceFilters.invert(source, 2, 2, target);

        assertEquals(255, at(target, 0));
        assertEquals(55, at(target, 1));
        assertEquals(0, at(target, 2));
        assertEquals(245, at(target, 3));
    }

    @Test
    void stretching_spreads_a_dim_screen_over_the_full_range() {
        // given a frame whose grey levels all lie between 100 and 139
        int width = 100;
        int height = 40;
        byte[] source = new byte[width * height];
        for (int i = 0; i < source.length; i++) {
            source[i] = (byte) (100 + i % 40);
        }
        byte[] target = new byte[source.length];

        // when it is stretched
        LuminanceFilters.stretch(source, width, height, target);

        // then its darkest level is black, its lightest white, and the order of levels is kept
        assertEquals(0, at(target, 0));
        assertEquals(255, at(target, 39));
        for (int i = 1; i < 40; i++) {
            assertTrue(at(target, i) >= at(target, i - 1));
        }
    }

    @Test
    void sharpening_steepens_an_edge_and_leaves_flat_areas_alone() {
        // given a soft vertical edge from 100 to 160
        int width = 40;
        int height = 10;
        byte[] source = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                source[y * width + x] = (byte) (x < 19 ? 100 : x > 20 ? 160 : 130);
            }
        }
        byte[] target = new byte[source.length];

        // when it is sharpened
        LuminanceFilters.sharpen(source, width, height, new int[source.length], target);

        // then the dark side by the edge is darker, the light side lighter, and far from it nothing changed
        int row = 5 * width;
        assertTrue(at(target, row + 18) < 100, "dark side " + at(target, row + 18));
        assertTrue(at(target, row + 21) > 160, "light side " + at(target, row + 21));
        assertEquals(100, at(target, row + 5));
        assertEquals(160, at(target, row + 35));
    }
}
