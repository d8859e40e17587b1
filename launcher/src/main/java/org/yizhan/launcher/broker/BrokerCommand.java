package org.yizhan.launcher.broker;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.yizhan.launcher.StopSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yizhan broker}: runs the demo's MQTT broker ({@link EmbeddedBroker}) in the foreground. Prints one line,
 * {@code broker listening on tcp://127.0.0.1:1883}, once clients can connect, and runs until SIGINT (Ctrl-C)
 * or SIGTERM, on which it stops the broker (about four seconds) and deletes its files before the JVM exits,
 * also when the signal comes while the broker is still starting. Exit status: the JVM's after a signal (130
 * for SIGINT, 143 for SIGTERM), 0 after {@link #stop()}, 1 when the port is taken or the broker did not start
 * (one line on stderr saying why).
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Runs an MQTT 5 broker for the demo: embedded HiveMQ CE on 127.0.0.1, in memory,",
            "until Ctrl-C or SIGTERM. Point a kiosk at it with mqtt.url = tcp://127.0.0.1:PORT."})
public final class BrokerCommand implements Callable<Integer> {

    /** How long a signal waits for the broker to stop before the JVM exits anyway. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private volatile StopSignal signal;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + EmbeddedBroker.DEFAULT_PORT,
            description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 for any free port).")
    private int port;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        // Installed before the start, so a Ctrl-C while the broker starts still stops it and deletes its files.
        try (StopSignal signal = StopSignal.install("yizhan-broker-stop", STOP_WAIT)) {
            this.signal = signal;
            EmbeddedBroker broker;
            try {
                broker = EmbeddedBroker.start(port);
            } catch (IllegalArgumentException | IllegalStateException e) {
                err.println("broker: " + e.getMessage());
                err.flush();
                return 1;
            }
            try {
                if (!signal.requested()) {
                    PrintWriter out = spec.commandLine().getOut();
                    out.println("broker listening on " + broker.url());
                    out.flush();
                }
                signal.await();
            } finally {
                broker.close();
            }
            return 0;
        }
    }

    /** Stops a running broker as a signal would; returns at once. */
    void stop() {
        StopSignal current = signal;
        if (current != null) {
            current.request();
        }
    }
}
