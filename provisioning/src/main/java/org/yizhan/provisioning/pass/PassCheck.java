package org.yizhan.provisioning.pass;

import java.util.Objects;

/** The outcome of {@link PassVerifier#verify}: a pass that may be let in, or the reason it may not. */
public sealed interface PassCheck {

    record Valid(VisitorPass pass) implements PassCheck {
        public Valid {
            Objects.requireNonNull(pass, "pass");
        }
    }

    /**
     * @param reason what kind of failure, for counting and for choosing the message shown to the visitor
     * @param detail a short English explanation for logs; it may quote a sanitised excerpt of a header
     *               or claim, never the whole pass and never text that is not shaped like one
     */
    record Rejected(PassRejection reason, String detail) implements PassCheck {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
