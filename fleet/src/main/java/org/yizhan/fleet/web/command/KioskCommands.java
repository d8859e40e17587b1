package org.yizhan.fleet.web.command;

import java.time.Duration;
import org.yizhan.fleet.command.PendingCommand;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.topic.KioskId;

/**
 * Sends a signed command to one kiosk: {@code CommandSender::send}, the same code {@code yizhan command} uses.
 * An interface so that the console can be started without a broker (then commands are refused) and tested.
 */
@FunctionalInterface
public interface KioskCommands {

    /** See {@link org.yizhan.fleet.command.CommandSender#send}. */
    PendingCommand send(KioskId kiosk, CommandArgs args, Duration validity, Duration wait);
}
