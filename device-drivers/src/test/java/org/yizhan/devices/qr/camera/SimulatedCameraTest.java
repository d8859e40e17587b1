package org.yizhan.devices.qr.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulatedCameraTest {

    @Test
    void streams_frames_of_its_format_with_neutral_chroma() throws Exception {
        SimulatedCamera camera = new SimulatedCamera(320, 240, FrameFormat.YUV420, Duration.ofMillis(1));

        try (InputStream stream = camera.open()) {
            byte[] frame = stream.readNBytes(FrameFormat.YUV420.frameBytes(320, 240));

            byte[] chroma = Arrays.copyOfRange(frame, 320 * 240, frame.length);
            byte[] grey = new byte[chroma.length];
            Arrays.fill(grey, (byte) 128);
            assertArrayEquals(grey, chroma);
        }
    }

    @Test
    void plays_given_frames_once_each_in_order() throws Exception {
        SimulatedCamera camera = new SimulatedCamera(4, 2, FrameFormat.GRAY, Duration.ofMillis(1));
        byte[] first = {1, 1, 1, 1, 1, 1, 1, 1};
        byte[] second = {2, 2, 2, 2, 2, 2, 2, 2};
        camera.play(List.of(first, second));

        try (InputStream stream = camera.open()) {
            assertArrayEquals(first, stream.readNBytes(8));
            assertArrayEquals(second, stream.readNBytes(8));
        }
    }

    @Test
    void a_code_shown_is_in_every_frame_until_taken_away() throws Exception {
        SimulatedCamera camera = new SimulatedCamera(640, 480, FrameFormat.GRAY, Duration.ofMillis(1));
        QrFrameDecoder decoder = new QrFrameDecoder(Duration.ofSeconds(30));
        camera.show("PASS-42");

        try (InputStream stream = camera.open()) {
            for (int i = 0; i < 3; i++) {
                byte[] frame = stream.readNBytes(640 * 480);
                assertEquals("PASS-42", decoder.decode(frame, 640, 480).orElseThrow().text());
            }
            camera.showNothing();
            assertEquals(java.util.Optional.empty(), decoder.decode(stream.readNBytes(640 * 480), 640, 480));
        }
    }

    @Test
    void unplugging_ends_the_open_stream_and_refuses_to_open_until_plugged() throws Exception {
        // given a reader waiting for the next frame of a slow camera
        SimulatedCamera camera = new SimulatedCamera(4, 2, FrameFormat.GRAY, Duration.ofSeconds(30));
        InputStream stream = camera.open();
        stream.readNBytes(8);
        CompletableFuture<byte[]> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return stream.readNBytes(8);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });

        // when the camera is unplugged
        camera.unplug();

        // then the waiting read fails at once, and so does opening, until it is plugged back
        ExecutionException failed = assertThrows(ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS));
        assertEquals("camera unplugged", failed.getCause().getMessage());
        assertEquals("camera unplugged", assertThrows(IOException.class, camera::open).getMessage());
        camera.plug();
        try (InputStream again = camera.open()) {
            assertEquals(8, again.readNBytes(8).length);
        }
    }
}
