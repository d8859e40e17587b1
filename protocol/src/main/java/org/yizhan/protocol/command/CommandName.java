package org.yizhan.protocol.command;

import java.util.Optional;

/** The commands a kiosk obeys, each with the shape of its arguments. The code is the last topic level. */
public enum CommandName {
    /** Restart the kiosk application (systemd starts it again). */
    RESTART("restart", CommandArgs.Restart.class),
    /** Publish birth and state again, e.g. for a console that lost its database. */
    RESYNC("resync", CommandArgs.Resync.class),
    /** Show a message on the home screen until a time. */
    NOTICE("notice", CommandArgs.Notice.class),
    /** Answer with a health snapshot and recent log lines. */
    DIAGNOSTICS("diagnostics", CommandArgs.Diagnostics.class),
    /** Change one setting of the {@link SafeConfigKey safe list}. */
    CONFIG_SET("config-set", CommandArgs.ConfigSet.class);

    private final String code;
    private final Class<? extends CommandArgs> argsType;

    CommandName(String code, Class<? extends CommandArgs> argsType) {
        this.code = code;
        this.argsType = argsType;
    }

    public String code() {
        return code;
    }

    Class<? extends CommandArgs> argsType() {
        return argsType;
    }

    public static Optional<CommandName> fromCode(String code) {
        for (CommandName name : values()) {
            if (name.code.equals(code)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    static CommandName of(CommandArgs args) {
        for (CommandName name : values()) {
            if (name.argsType.isInstance(args)) {
                return name;
            }
        }
        throw new IllegalArgumentException("no command takes " + args.getClass().getSimpleName());
    }
}
