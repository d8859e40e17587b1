package org.yizhan.devices.qr.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.qr.RecordingListener;
import org.yizhan.devices.qr.ScanFilter;
import org.yizhan.devices.qr.StatusRecorder;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * The real jSerialComm adapter on a Linux pseudo-terminal, whose other end a small Python program holds:
 * it writes what the test asks and, on "hangup", exits, which hangs the terminal up and removes its
 * node, as unplugging a USB serial scanner does. Skips itself without Linux or python3.
 */
@Tag("pty")
class JSerialCommLinkTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);
    private static final String OTHER_END = String.join("\n",
            "import os, pty, sys",
            "master, slave = pty.openpty()",
            "print(os.ttyname(slave), flush=True)",
            "for line in sys.stdin:",
            "    if line.strip() == 'hangup':",
            "        break",
            "    os.write(master, bytes.fromhex(line.strip()))");

    private Process otherEnd;
    private Writer toOtherEnd;
    private String port;

    @BeforeEach
    void open_a_pseudo_terminal() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "pseudo-terminals of this test are Linux's");
        try {
            otherEnd = new ProcessBuilder("python3", "-c", OTHER_END).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not available to hold the other end of a pseudo-terminal");
        }
        port = new BufferedReader(new InputStreamReader(otherEnd.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        assumeTrue(port != null && port.startsWith("/dev/"), "python3 could not open a pseudo-terminal");
        toOtherEnd = new OutputStreamWriter(otherEnd.getOutputStream(), StandardCharsets.US_ASCII);
    }

    @AfterEach
    void close_the_other_end() throws Exception {
        if (otherEnd != null) {
            otherEnd.destroy();
            otherEnd.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void reads_what_arrives_and_times_out_with_nothing() throws Exception {
        // given the port opened through jSerialComm
        JSerialCommLink link = new JSerialCommLink(port, 9600);
        link.open();
        try {
            // when the other end sends a code
            send("PASS-42\r".getBytes(StandardCharsets.US_ASCII));

            // then it is read, and a read with nothing to read returns 0
            assertEquals("PASS-42\r", new String(readAtLeast(link, 8), StandardCharsets.US_ASCII));
            assertEquals(0, link.read(new byte[64]));
        } finally {
            link.close();
        }
    }

    @Test
    void a_port_whose_device_hangs_up_fails_the_read_and_cannot_be_opened_again() throws Exception {
        // given an open port
        JSerialCommLink link = new JSerialCommLink(port, 9600);
        link.open();

        // when its device goes away
        hangUp();

        // then the read fails, and opening finds nothing there
        assertThrows(IOException.class, () -> readUntilFailure(link));
        link.close();
        assertThrows(NoSuchFileException.class, link::open);
    }

    @Test
    void a_port_that_does_not_exist_is_no_such_file() {
        JSerialCommLink link = new JSerialCommLink("/dev/serial/by-id/usb-Nobody_Scanner-if00", 9600);

        assertThrows(NoSuchFileException.class, link::open);
    }

    @Test
    void a_serial_scanner_on_the_real_adapter_scans_and_reports_the_device_leaving() throws Exception {
        // given a serial scanner on the pseudo-terminal, with its real link
        DeviceStatusBoard board = new DeviceStatusBoard(Clock.systemUTC());
        StatusRecorder statuses = new StatusRecorder(board, "scanner");
        RecordingListener heard = new RecordingListener();
        SerialScannerConfig config = new SerialScannerConfig("scanner", port, 115200, Terminator.CRLF,
                ScanFilter.DEFAULT_REPEAT_WINDOW, Duration.ofMillis(100));
        try (SerialQrScanner scanner = new SerialQrScanner(config, board)) {
            scanner.start(heard);
            statuses.await(DeviceState.CONNECTED, WITHIN);

            // when a code comes, then the device goes away
            send("驿站-PASS\r\n".getBytes(StandardCharsets.UTF_8));
            RecordingListener.Heard first = heard.next();
            hangUp();

            // then the code was scanned, and the scanner is absent
            assertEquals(new RecordingListener.Scanned("驿站-PASS"), first);
            DeviceStatus absent = statuses.await(DeviceState.ABSENT, WITHIN);
            assertNotNull(absent.lastError());
        }
    }

    private void send(byte[] bytes) throws IOException {
        toOtherEnd.write(HexFormat.of().formatHex(bytes) + "\n");
        toOtherEnd.flush();
    }

    private void hangUp() throws Exception {
        toOtherEnd.write("hangup\n");
        toOtherEnd.flush();
        if (!otherEnd.waitFor(WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("the other end did not exit");
        }
    }

    private static byte[] readAtLeast(JSerialCommLink link, int count) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[64];
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (read.size() < count && System.nanoTime() < deadline) {
            int n = link.read(buffer);
            read.write(buffer, 0, n);
        }
        return read.toByteArray();
    }

    private static void readUntilFailure(JSerialCommLink link) throws IOException {
        byte[] buffer = new byte[64];
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            link.read(buffer);
        }
        fail("reads went on for " + WITHIN + " after the hang-up");
    }
}
