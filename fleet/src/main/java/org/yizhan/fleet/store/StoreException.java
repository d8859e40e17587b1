package org.yizhan.fleet.store;

/** The fleet's store failed; the message names the operation and the database's reason in one line. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
