package org.yizhan.provisioning.pass;

import java.util.Locale;
import java.util.Optional;

/** Who a pass holder is, as the pass's {@code cat} claim names it. */
public enum VisitorCategory {
    RESIDENT, RIDER, COURIER, VISITOR, STAFF;

    /** The lower-case code written in passes, e.g. {@code resident}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category whose {@link #code()} is exactly {@code code}; empty for anything else, including null. */
    public static Optional<VisitorCategory> fromCode(String code) {
        for (VisitorCategory category : values()) {
            if (category.code().equals(code)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
