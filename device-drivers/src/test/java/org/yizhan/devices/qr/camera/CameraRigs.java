package org.yizhan.devices.qr.camera;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * Camera scanners with a camera the test controls: the simulated camera, and the real scanner with
 * {@link ProcessFrameSource} running a shell script in place of {@code rpicam-vid}.
 */
final class CameraRigs {

    /**
     * Writes the current YUV420 frame file to standard output twenty times a second and, like
     * {@code rpicam-vid} without a camera, exits with an error line once the camera is "unplugged" (a
     * marker file exists): at once, and on every restart until the marker is gone.
     */
    private static final String FAKE_RPICAM = """
            while true; do
              if [ -e "$1/unplugged" ]; then echo 'ERROR: *** no cameras available ***' >&2; exit 255; fi
              cat "$1/frame.yuv"
              sleep 0.05
            done
            """;

    private CameraRigs() {
    }

    /** 640×480 frames in {@code format}, with recovery timings in milliseconds so that tests are quick. */
    static CameraScannerConfig fastConfig(String name, FrameFormat format) {
        return CameraScannerConfig.defaults(name)
                .withFrame(HardFrames.WIDTH, HardFrames.HEIGHT, format)
                .withTimings(Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofMillis(200));
    }

    /** The scanner on a simulated camera streaming 100 gray frames a second. */
    static CameraScannerContract.Rig simulated(String name, DeviceStatusBoard board, Clock clock) {
        CameraScannerConfig config = fastConfig(name, FrameFormat.GRAY);
        SimulatedCamera camera = new SimulatedCamera(config.width(), config.height(), config.format(),
                Duration.ofMillis(10));
        CameraQrScanner scanner = CameraQrScanner.simulated(config, camera, board, clock);
        return new CameraScannerContract.Rig() {
            @Override
            public CameraQrScanner scanner() {
                return scanner;
            }

            @Override
            public void show(String text) {
                camera.show(text);
            }

            @Override
            public void showNothing() {
                camera.showNothing();
            }

            @Override
            public void unplug() {
                camera.unplug();
            }

            @Override
            public void plug() {
                camera.plug();
            }

            @Override
            public void close() {
                scanner.close();
            }
        };
    }

    /** The real scanner running the fake {@code rpicam-vid} on frame files in {@code dir}, showing an empty room. */
    static CameraScannerContract.Rig process(String name, Path dir, DeviceStatusBoard board, Clock clock)
            throws Exception {
        CameraScannerConfig config = fastConfig(name, FrameFormat.YUV420)
                .withCommand(List.of("sh", "-c", FAKE_RPICAM, "fake-rpicam-vid", dir.toString()));
        CameraQrScanner scanner = CameraQrScanner.real(config, board, clock);
        HardFrames frames = new HardFrames(11);
        CameraScannerContract.Rig rig = new CameraScannerContract.Rig() {
            private int shown;

            @Override
            public CameraQrScanner scanner() {
                return scanner;
            }

            @Override
            public void show(String text) throws Exception {
                write(frames.steadyFrame(text, shown++));
            }

            @Override
            public void showNothing() throws Exception {
                write(frames.frame(HardFrames.Category.EMPTY, shown++));
            }

            private void write(HardFrames.HardFrame frame) throws Exception {
                byte[] yuv = new byte[FrameFormat.YUV420.frameBytes(frame.width(), frame.height())];
                System.arraycopy(frame.luminance(), 0, yuv, 0, frame.width() * frame.height());
                Arrays.fill(yuv, frame.width() * frame.height(), yuv.length, (byte) 128);
                // Renamed into place, so that the script never sends half a frame.
                Path next = Files.write(dir.resolve("frame.next"), yuv);
                Files.move(next, dir.resolve("frame.yuv"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }

            @Override
            public void unplug() throws Exception {
                Files.writeString(dir.resolve("unplugged"), "");
            }

            @Override
            public void plug() throws Exception {
                Files.delete(dir.resolve("unplugged"));
            }

            @Override
            public void close() {
                scanner.close();
            }
        };
        rig.showNothing();
        return rig;
    }
}
