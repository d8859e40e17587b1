package org.yizhan.devices.health.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.devices.health.FrameAssertions.assertDecimal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.health.Measurement;
import org.yizhan.devices.health.RecordingListener;
import org.yizhan.devices.health.StatusRecorder;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * The real jSerialComm adapter on a pseudo-terminal, which a small Python script holds open as the "cuff":
 * it writes each line the test gives it to the port, and closing it makes the port vanish the way an
 * unplugged USB adapter does. Skips itself where python3 is missing.
 */
class JSerialCommLinkTest {

    // Opens a pty, prints the port's path, then copies each stdin line to the port until "quit".
    private static final String FAKE_CUFF = String.join("\n",
            "import os, sys, tty",
            "master, port = os.openpty()",
            "tty.setraw(port)",
            "print(os.ttyname(port), flush=True)",
            "for line in sys.stdin:",
            "    if line.strip() == 'quit':",
            "        break",
            "    os.write(master, line.encode('ascii'))",
            "os.close(master)",
            "");

    private Process cuff;

    @AfterEach
    void stopCuff() throws InterruptedException {
        if (cuff != null) {
            cuff.destroy();
            cuff.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void opening_a_port_that_does_not_exist_names_it() {
        // given
        JSerialCommLink link = new JSerialCommLink("/dev/yizhan-no-such-port", 115_200, Duration.ofMillis(100));

        // when
        IOException e = assertThrows(IOException.class, link::open);

        // then
        assertEquals("/dev/yizhan-no-such-port does not exist (unplugged?)", e.getMessage());
    }

    @Test
    void reading_an_unopened_port_fails_instead_of_blocking() {
        // given
        JSerialCommLink link = new JSerialCommLink("/dev/ttyS99", 9600, Duration.ofMillis(100));

        // when
        IOException e = assertThrows(IOException.class, () -> link.read(new byte[16]));

        // then
        assertEquals("/dev/ttyS99 is not open", e.getMessage());
    }

    @Test
    @Tag("pty")
    void a_serial_device_on_a_real_port_delivers_and_notices_the_port_vanish() throws Exception {
        // given a pseudo-terminal held by the fake cuff, and a device on it
        String port = startFakeCuff();
        DeviceStatusBoard board = new DeviceStatusBoard(Clock.systemUTC());
        StatusRecorder statuses = new StatusRecorder(board);
        RecordingListener listener = new RecordingListener();
        SerialHealthDeviceConfig config = SerialHealthDeviceConfig.bridge("bp", port).withReopenInterval(Duration.ofMillis(100));
        JSerialCommLink link = new JSerialCommLink(port, config.baud(), config.readTimeout());
        try (SerialHealthDevice device = new SerialHealthDevice(config, link, board)) {
            device.start(listener);
            statuses.await("bp", DeviceState.CONNECTED);

            // when the cuff writes a bridge line
            tellCuff("2A35 04 78 00 50 00 5D 00 48 00");

            // then
            assertDecimal("120", listener.next(Measurement.BloodPressure.class).reading().systolicMmHg());

            // when the port goes away
            tellCuff("quit");

            // then
            DeviceStatus absent = statuses.await("bp", DeviceState.ABSENT);
            assertTrue(absent.lastError().startsWith(port + ": "), absent.lastError());
        }
    }

    private String startFakeCuff() throws IOException {
        try {
            cuff = new ProcessBuilder("python3", "-c", FAKE_CUFF).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is needed to make a pseudo-terminal: " + e.getMessage());
        }
        String port = new BufferedReader(new InputStreamReader(cuff.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        Assumptions.assumeTrue(port != null && port.startsWith("/dev/"), "python3 made no pseudo-terminal");
        return port;
    }

    private void tellCuff(String line) throws IOException {
        OutputStream input = cuff.getOutputStream();
        input.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        input.flush();
    }
}
