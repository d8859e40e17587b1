package org.yizhan.launcher.command;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.provisioning.cli.DurationConverter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code yizhan command notice --zh TEXT [--en TEXT] --until TIME|--for DURATION}: a notice on the kiosk's home
 * screen. {@code --for} counts from when the command is made.
 */
@Command(name = "notice", mixinStandardHelpOptions = true,
        description = {"Shows a notice on the kiosk's home screen until a time; a time already past removes it.",
            "Each text is at most " + CommandArgs.MAX_NOTICE_LENGTH + " characters."})
final class SendNotice implements Callable<Integer> {

    @ParentCommand
    private SendCommand send;

    @Spec
    private CommandSpec spec;

    @Option(names = "--zh", required = true, paramLabel = "TEXT", description = "The notice in Chinese, shown first.")
    private String zh;

    @Option(names = "--en", paramLabel = "TEXT", description = "The notice in English.")
    private String en;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Until until;

    static final class Until {
        @Option(names = "--until", paramLabel = "TIME", converter = InstantConverter.class,
                description = "When it disappears, with its offset: 2026-03-02T23:00+08:00 or 2026-03-02T15:00:00Z.")
        private Instant at;

        @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "How long it stays, e.g. 2h.")
        private Duration lasting;
    }

    @Override
    public Integer call() {
        check("--zh", zh);
        if (en != null) {
            check("--en", en);
        }
        Instant end = until.at != null ? until.at
                : Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(until.lasting);
        return send.send(new CommandArgs.Notice(zh, en, end), spec.commandLine());
    }

    private void check(String option, String text) {
        if (text.isBlank()) {
            throw new ParameterException(spec.commandLine(), option + ": the text is empty");
        }
        if (text.length() > CommandArgs.MAX_NOTICE_LENGTH) {
            throw new ParameterException(spec.commandLine(), option + ": " + text.length() + " characters; a notice"
                    + " is at most " + CommandArgs.MAX_NOTICE_LENGTH);
        }
    }

    /** An RFC 3339 time with its offset; a local time would mean different instants on different machines. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a time with an offset; write it like"
                        + " 2026-03-02T23:00+08:00 or 2026-03-02T15:00:00Z");
            }
        }
    }
}
