package org.yizhan.devices.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.time.Duration;
import java.util.Optional;

/**
 * A Pi4J context on the mock providers only, built explicitly, and the {@link GpioLines} on it: the lines
 * the Gpio* drivers claim in tests, read and driven by their configuration key.
 */
public final class MockGpio implements AutoCloseable {

    public static final Duration RETRY = Duration.ofSeconds(2);

    private final Context context = Pi4J.newContextBuilder()
            .noAutoDetect()
            .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
            .build();

    public GpioLines lines() {
        return lines(Optional.empty());
    }

    public GpioLines lines(Optional<String> releaseWarning) {
        return GpioLines.on(context, MockDigitalInputProvider.ID, MockDigitalOutputProvider.ID, RETRY,
                releaseWarning);
    }

    public Context context() {
        return context;
    }

    /** The claimed output called {@code key}. */
    public MockDigitalOutput output(String key) {
        return context.registry().get(key, MockDigitalOutput.class);
    }

    /** The claimed input called {@code key}. */
    public MockDigitalInput input(String key) {
        return context.registry().get(key, MockDigitalInput.class);
    }

    public boolean claimed(String key) {
        return context.registry().exists(key);
    }

    /** Drives the input called {@code key} as the wire would. */
    public void level(String key, boolean high) {
        input(key).mockState(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    /** Claims {@code bcm} for another owner, as a second process holding the pin would. */
    public void occupy(String owner, int bcm) {
        context.create(com.pi4j.io.gpio.digital.DigitalOutput.newConfigBuilder(context)
                .id(owner)
                .address(bcm)
                .initial(DigitalState.LOW)
                .provider(MockDigitalOutputProvider.ID)
                .build());
    }

    /** Lets go of a pin taken with {@link #occupy}. */
    public void free(String owner) {
        context.shutdown(owner);
    }

    @Override
    public void close() {
        context.shutdown();
    }
}
