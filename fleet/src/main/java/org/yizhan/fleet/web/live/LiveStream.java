package org.yizhan.fleet.web.live;

/**
 * One open event stream to a page, as {@link LiveUpdates} writes it. Only the writer thread calls these, so an
 * implementation need not be thread-safe; a failed write should throw, after which the stream is closed.
 */
public interface LiveStream {

    /** Sends an event of {@code name} with {@code data} (one line of JSON). */
    void send(String name, String data);

    /** Sends a comment, which a browser ignores: keeps proxies from closing a quiet stream. */
    void comment(String text);

    /** Ends the stream; {@code LiveUpdates} forgets it. */
    void close();
}
