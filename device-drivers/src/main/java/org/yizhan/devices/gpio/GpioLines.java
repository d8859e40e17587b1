package org.yizhan.devices.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.extension.Plugin;
import com.pi4j.extension.PluginService;
import com.pi4j.io.gpio.digital.Digital;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.platform.Platform;
import com.pi4j.provider.Provider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pi's GPIO lines as Pi4J provides them: a Pi4J context and the ids of its digital input and output
 * providers, chosen explicitly — the gpiod provider on the Pi, the mock provider in tests. Pi4J's
 * auto-detection is never used: with the mock plugin on the classpath it silently prefers the mock.
 *
 * <p>Claiming a line never throws anything but {@link GpioLineException}, whose message names the line
 * and gives Pi4J's reason; a context that could not be made (no gpiod plugin) fails every claim with the
 * reason, so the kiosk runs on with its GPIO devices absent.
 *
 * <p>Lines are claimed with the device off and set to go off when Pi4J shuts them down, on
 * {@link #close} and, for the gpiod context, from Pi4J's shutdown hook on SIGTERM. Pi4J's own debounce
 * is off: the drivers debounce with {@link Debouncer}, the same on the Pi and in simulation.
 *
 * <p>Threading: safe to call from any thread.
 */
public final class GpioLines implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GpioLines.class);
    private static final String GPIOD_PLUGIN = "com.pi4j.plugin.gpiod.GpioDPlugin";
    private static final String GPIOD_INPUT = "gpiod-digital-input";
    private static final String GPIOD_OUTPUT = "gpiod-digital-output";

    private final Context context;
    private final String unavailable;
    private final String inputProvider;
    private final String outputProvider;
    private final Duration retry;
    private final Optional<String> releaseWarning;
    private final boolean ownsContext;

    private GpioLines(Context context, String unavailable, String inputProvider, String outputProvider,
            Duration retry, Optional<String> releaseWarning, boolean ownsContext) {
        this.context = context;
        this.unavailable = unavailable;
        this.inputProvider = inputProvider;
        this.outputProvider = outputProvider;
        this.retry = Objects.requireNonNull(retry, "retry");
        this.releaseWarning = Objects.requireNonNull(releaseWarning, "releaseWarning");
        this.ownsContext = ownsContext;
    }

    /**
     * The Pi's lines through the Pi4J gpiod plugin (found on the classpath through its service entry), and
     * whether the kernel keeps released outputs driven, from {@code /sys/module}.
     */
    public static GpioLines gpiod(Duration retry) {
        Optional<String> releaseWarning = OutputPersistence.check(Path.of("/sys/module"));
        List<Provider<?, ?, ?>> providers = new ArrayList<>();
        try {
            for (Plugin plugin : ServiceLoader.load(Plugin.class)) {
                if (plugin.getClass().getName().equals(GPIOD_PLUGIN)) {
                    plugin.initialize(new Collector(providers));
                }
            }
        } catch (ServiceConfigurationError | RuntimeException e) {
            return unavailable("the Pi4J gpiod plugin failed to start: " + reason(e), retry, releaseWarning);
        }
        if (providers.isEmpty()) {
            return unavailable("the Pi4J gpiod plugin (pi4j-plugin-gpiod) is not on the classpath", retry,
                    releaseWarning);
        }
        try {
            Context context = Pi4J.newContextBuilder()
                    .noAutoDetect()
                    .add(providers.toArray(new Provider<?, ?, ?>[0]))
                    .enableShutdownHook()
                    .build();
            return new GpioLines(context, null, GPIOD_INPUT, GPIOD_OUTPUT, retry, releaseWarning, true);
        } catch (RuntimeException | LinkageError e) {
            return unavailable("the Pi4J gpiod context could not be made: " + reason(e), retry, releaseWarning);
        }
    }

    /**
     * Lines of a context the caller built and shuts down, e.g. one with Pi4J's mock providers:
     * {@code GpioLines.on(context, MockDigitalInputProvider.ID, MockDigitalOutputProvider.ID, …)}.
     *
     * @param releaseWarning what {@link #releaseWarning()} says (see {@link OutputPersistence})
     */
    public static GpioLines on(Context context, String inputProviderId, String outputProviderId, Duration retry,
            Optional<String> releaseWarning) {
        return new GpioLines(Objects.requireNonNull(context, "context"), null, inputProviderId, outputProviderId,
                retry, releaseWarning, false);
    }

    private static GpioLines unavailable(String reason, Duration retry, Optional<String> releaseWarning) {
        log.error("GPIO unavailable: {}", reason);
        return new GpioLines(null, reason, null, null, retry, releaseWarning, false);
    }

    /** How often a driver tries again to claim a line it could not. */
    public Duration retry() {
        return retry;
    }

    /** Set when a released output keeps its level, so a dead kiosk leaves the door as it was. */
    public Optional<String> releaseWarning() {
        return releaseWarning;
    }

    /** Claims {@code pin} as an output with the device off. */
    public DigitalOutput output(OutputPin pin) throws GpioLineException {
        Context pi4j = require(pin.key(), pin.bcm());
        DigitalState off = DigitalState.getState(pin.level(false));
        try {
            return pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                    .id(pin.key())
                    .name(pin.key())
                    .address(pin.bcm())
                    .initial(off)
                    .shutdown(off)
                    .provider(outputProvider)
                    .build());
        } catch (RuntimeException | LinkageError e) {
            throw new GpioLineException(describe(pin.key(), pin.bcm()) + ": " + reason(e));
        }
    }

    /** Claims {@code pin} as an input with its pull resistor. */
    public DigitalInput input(InputPin pin) throws GpioLineException {
        Context pi4j = require(pin.key(), pin.bcm());
        try {
            return pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                    .id(pin.key())
                    .name(pin.key())
                    .address(pin.bcm())
                    .pull(switch (pin.pull()) {
                        case UP -> PullResistance.PULL_UP;
                        case DOWN -> PullResistance.PULL_DOWN;
                        case OFF -> PullResistance.OFF;
                    })
                    .debounce(0L)
                    .provider(inputProvider)
                    .build());
        } catch (RuntimeException | LinkageError e) {
            throw new GpioLineException(describe(pin.key(), pin.bcm()) + ": " + reason(e));
        }
    }

    /** Gives a claimed line back; an output goes to its off level first. Never throws. */
    public void release(Digital<?, ?, ?> line) {
        if (context == null || context.isShutdown()) {
            return;
        }
        try {
            context.shutdown(line.id());
        } catch (RuntimeException e) {
            log.warn("could not release GPIO line {}: {}", line.id(), reason(e));
        }
    }

    /** Shuts the gpiod context down; a context passed to {@link #on} is left to its owner. */
    @Override
    public void close() {
        if (ownsContext && !context.isShutdown()) {
            try {
                context.shutdown();
            } catch (RuntimeException e) {
                log.warn("Pi4J context did not shut down cleanly: {}", reason(e));
            }
        }
    }

    private Context require(String key, int bcm) throws GpioLineException {
        if (context == null) {
            throw new GpioLineException(describe(key, bcm) + ": " + unavailable);
        }
        return context;
    }

    private static String describe(String key, int bcm) {
        return key + " (BCM " + bcm + ") could not be claimed";
    }

    /** The distinct messages down the cause chain: Pi4J wraps the gpiod error ("Device or resource busy"). */
    static String reason(Throwable error) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable cause = error; cause != null && messages.size() < 4; cause = cause.getCause()) {
            String message = cause.getMessage();
            messages.add(message == null || message.isBlank() ? cause.getClass().getSimpleName() : message);
        }
        return String.join(": ", messages);
    }

    /** Takes the providers a plugin registers, without a context: the gpiod plugin needs none to register. */
    private static final class Collector implements PluginService {
        private final List<Provider<?, ?, ?>> providers;

        Collector(List<Provider<?, ?, ?>> providers) {
            this.providers = providers;
        }

        @Override
        public Context context() {
            return null;
        }

        // Pi4J declares the parameter raw.
        @SuppressWarnings("rawtypes")
        @Override
        public PluginService register(Provider... registered) {
            for (Provider provider : registered) {
                providers.add(provider);
            }
            return this;
        }

        @Override
        public PluginService register(Platform... platforms) {
            return this;
        }
    }
}
