package org.yizhan.kiosk.visitlog;

/** The visit log could not be read or written; the operation that threw did not take effect. */
public class VisitLogException extends RuntimeException {

    public VisitLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
