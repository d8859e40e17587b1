package org.yizhan.devices.qr.camera;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * A camera without a lens, for tests and the headless kiosk: it streams frames in the configured size and
 * format, paced at its frame interval, exactly as a camera program would on its standard output, so a
 * {@link CameraQrScanner} reading it goes through the same frame reading, decoding and filtering as on
 * the Pi.
 *
 * <p>It shows an empty room until told otherwise: {@link #show} renders a pass's QR code as a phone held
 * square to the camera ({@link HardFrames#steadyFrame}) and keeps showing it, {@link #showNothing} goes back to
 * the room, and {@link #play} streams given frames once each before going back to what was shown.
 * {@link #unplug} ends the open stream with an {@link IOException} and makes {@link #open} fail until
 * {@link #plug}. All methods are safe to call from any thread.
 */
public final class SimulatedCamera implements FrameSource {

    private final int width;
    private final int height;
    private final FrameFormat format;
    private final long intervalNanos;
    private final HardFrames renderer = new HardFrames(2026);
    private final Deque<byte[]> queued = new ArrayDeque<>();
    private byte[] steady;
    private int rendered;
    private boolean plugged = true;
    private int generation;

    public SimulatedCamera(int width, int height, FrameFormat format, Duration frameInterval) {
        if (frameInterval.isNegative() || frameInterval.isZero()) {
            throw new IllegalArgumentException("the frame interval must be positive, not " + frameInterval);
        }
        this.width = width;
        this.height = height;
        this.format = Objects.requireNonNull(format, "format");
        this.intervalNanos = frameInterval.toNanos();
        this.steady = frame(renderer.frame(HardFrames.Category.EMPTY, 0).luminance());
    }

    /** A camera of the scanner's size and format at its default frame rate. */
    public static SimulatedCamera matching(CameraScannerConfig config) {
        return new SimulatedCamera(config.width(), config.height(), config.format(),
                Duration.ofNanos(1_000_000_000L / CameraScannerConfig.DEFAULT_FRAME_RATE));
    }

    /** From the next frame on, a phone showing {@code text} as a QR code, until told otherwise. */
    public void show(String text) {
        byte[] frame = frame(renderer.steadyFrame(text, nextIndex()).luminance());
        synchronized (this) {
            steady = frame;
        }
    }

    /** From the next frame on, the empty room. */
    public void showNothing() {
        byte[] frame = frame(renderer.frame(HardFrames.Category.EMPTY, nextIndex()).luminance());
        synchronized (this) {
            steady = frame;
        }
    }

    /**
     * Streams {@code luminanceFrames} (each {@code width × height} bytes, or 640×480 to be resized) once each,
     * in order, then goes back to what was shown.
     */
    public void play(List<byte[]> luminanceFrames) {
        for (byte[] luminance : luminanceFrames) {
            byte[] frame = frame(luminance);
            synchronized (this) {
                queued.add(frame);
            }
        }
    }

    public synchronized void unplug() {
        plugged = false;
        generation++;
        notifyAll();
    }

    public synchronized void plug() {
        plugged = true;
        notifyAll();
    }

    @Override
    public synchronized InputStream open() throws IOException {
        if (!plugged) {
            throw new IOException("camera unplugged");
        }
        return new Stream(generation);
    }

    @Override
    public String describe() {
        return "simulated camera " + width + "×" + height + " " + format.key();
    }

    private synchronized int nextIndex() {
        return rendered++;
    }

    /** The raw camera frame for a luminance image: resized when needed, chroma planes neutral grey. */
    private byte[] frame(byte[] luminance) {
        byte[] y = luminance;
        if (luminance.length != width * height) {
            if (luminance.length != HardFrames.WIDTH * HardFrames.HEIGHT) {
                throw new IllegalArgumentException("a frame of " + luminance.length + " bytes is neither "
                        + width + "×" + height + " nor " + HardFrames.WIDTH + "×" + HardFrames.HEIGHT);
            }
            y = resize(luminance, HardFrames.WIDTH, HardFrames.HEIGHT, width, height);
        }
        byte[] frame = new byte[format.frameBytes(width, height)];
        System.arraycopy(y, 0, frame, 0, width * height);
        Arrays.fill(frame, width * height, frame.length, (byte) 128);
        return frame;
    }

    private static byte[] resize(byte[] source, int sourceWidth, int sourceHeight, int width, int height) {
        byte[] target = new byte[width * height];
        for (int y = 0; y < height; y++) {
            double sy = Math.max(0, (y + 0.5) * sourceHeight / height - 0.5);
            int y0 = Math.min(sourceHeight - 1, (int) sy);
            int y1 = Math.min(sourceHeight - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < width; x++) {
                double sx = Math.max(0, (x + 0.5) * sourceWidth / width - 0.5);
                int x0 = Math.min(sourceWidth - 1, (int) sx);
                int x1 = Math.min(sourceWidth - 1, x0 + 1);
                double fx = sx - x0;
                int row0 = y0 * sourceWidth;
                int row1 = y1 * sourceWidth;
                double top = (source[row0 + x0] & 0xff) * (1 - fx) + (source[row0 + x1] & 0xff) * fx;
                double bottom = (source[row1 + x0] & 0xff) * (1 - fx) + (source[row1 + x1] & 0xff) * fx;
                target[y * width + x] = (byte) Math.round(top * (1 - fy) + bottom * fy);
            }
        }
        return target;
    }

    /** Waits until the stream's next frame is due, then gives it; fails once the camera is unplugged. */
    private synchronized byte[] nextFrame(Stream stream) throws IOException {
        try {
            while (true) {
                if (stream.closed) {
                    throw new IOException("stream closed");
                }
                if (!plugged || stream.generation != generation) {
                    throw new IOException("camera unplugged");
                }
                long wait = stream.nextDue - System.nanoTime();
                if (wait <= 0) {
                    break;
                }
                wait(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a frame", e);
        }
        stream.nextDue = Math.max(stream.nextDue + intervalNanos, System.nanoTime());
        byte[] next = queued.poll();
        return next != null ? next : steady;
    }

    private synchronized void closed(Stream stream) {
        stream.closed = true;
        notifyAll();
    }

    private final class Stream extends InputStream {

        private final int generation;
        private boolean closed;
        private long nextDue = System.nanoTime();
        private byte[] current;
        private int position;

        Stream(int generation) {
            this.generation = generation;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            read(one, 0, 1);
            return one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (current == null || position == current.length) {
                current = nextFrame(this);
                position = 0;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            closed(this);
        }
    }
}
