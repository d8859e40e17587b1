package org.yizhan.launcher.command;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.command.SafeConfigKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code yizhan command config-set KEY VALUE}: one setting of the {@link SafeConfigKey safe list}. Key and value
 * are checked here as the kiosk will check them, so a typo is a usage error listing the keys rather than a
 * refusal from the kiosk.
 */
@Command(name = "config-set", mixinStandardHelpOptions = true,
        description = "Changes one setting of the safe list on the kiosk, as written in its configuration file.")
final class SendConfigSet implements Callable<Integer> {

    @ParentCommand
    private SendCommand send;

    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "The setting, e.g. ui.large-text.")
    private String key;

    @Parameters(index = "1", paramLabel = "VALUE", description = "Its new value, e.g. true.")
    private String value;

    /** Lists the keys a command may change, with what each accepts, below the usage help. */
    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
        StringBuilder footer = new StringBuilder("%nThe settings a command may change:%n");
        for (SafeConfigKey safe : SafeConfigKey.values()) {
            footer.append(String.format("  %-26s %s%%n", safe.key(), safe.description()));
        }
        spec.usageMessage().footer(footer.toString());
    }

    @Override
    public Integer call() {
        Optional<SafeConfigKey> safe = SafeConfigKey.of(key);
        if (safe.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "KEY: '" + key + "' is not a setting a command may"
                    + " change; the settings are " + String.join(", ", SafeConfigKey.KEYS));
        }
        safe.get().problemWith(value).ifPresent(problem -> {
            throw new ParameterException(spec.commandLine(), "VALUE: " + key + ": " + problem);
        });
        return send.send(new CommandArgs.ConfigSet(key, value), spec.commandLine());
    }
}
