package org.yizhan.devices.qr.camera;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where a camera scanner's frames come from: a camera started on {@link #open} whose raw frames, of the
 * scanner's configured size and format, follow each other on one byte stream.
 *
 * <p>The stream ends, by end-of-file or an {@link IOException} whose message says why, when the camera
 * goes away; closing it stops the camera. {@code open} may be called again after that, and throws an
 * {@link IOException} with a reason for a maintainer while the camera cannot be started.
 */
public interface FrameSource {

    InputStream open() throws IOException;

    /** What this source is, for log lines: the command it runs, or "simulated camera". */
    String describe();
}
