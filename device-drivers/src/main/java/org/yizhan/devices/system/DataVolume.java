package org.yizhan.devices.system;

import java.io.IOException;
import java.time.Instant;

/**
 * The file system under the kiosk's data directory, as far as writing to it goes: how much space is
 * left, and whether a write really lands. Safe from any thread.
 */
public interface DataVolume {

    /** Size and usable space of the file system holding the data directory. */
    DiskSpace space() throws IOException;

    /** Writes, syncs, reads back and deletes a small file in the data directory; never throws. */
    WriteCheck writeCheck(Instant now);
}
