package org.yizhan.devices.system;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** A data volume with fixed numbers and a write check that passes or fails as told. */
final class FakeDataVolume implements DataVolume {

    static final long GIB = 1024L * 1024 * 1024;
    static final String READ_ONLY =
            "FileSystemException: /var/lib/yizhan/.yizhan-write-check: Read-only file system";

    volatile DiskSpace space = new DiskSpace(58 * GIB, 41 * GIB);
    volatile IOException spaceFailure;
    volatile RuntimeException spaceBug;
    volatile String writeFailure;
    final AtomicInteger writeChecks = new AtomicInteger();

    static FakeDataVolume healthy() {
        return new FakeDataVolume();
    }

    static FakeDataVolume readOnly() {
        FakeDataVolume volume = new FakeDataVolume();
        volume.writeFailure = READ_ONLY;
        return volume;
    }

    @Override
    public DiskSpace space() throws IOException {
        if (spaceFailure != null) {
            throw spaceFailure;
        }
        if (spaceBug != null) {
            throw spaceBug;
        }
        return space;
    }

    @Override
    public WriteCheck writeCheck(Instant now) {
        writeChecks.incrementAndGet();
        String failure = writeFailure;
        return failure == null ? WriteCheck.passed(now) : WriteCheck.failed(failure, now);
    }
}
