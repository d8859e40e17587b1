package org.yizhan.provisioning.pass;

import java.util.regex.Pattern;

/** The rules of the pass format that the issuer and the verifier must agree on. */
final class PassFormat {

    static final String ALGORITHM = "EdDSA";
    static final String TYPE = "JWT";

    /** Longer texts are refused before any decoding; a pass is about 250 to 300 characters. */
    static final int MAX_TEXT_LENGTH = 4096;

    static final int MAX_SITE_LENGTH = 64;

    /** 9999-12-31T23:59:59Z: NumericDates beyond it are refused, which keeps all date arithmetic in range. */
    static final long MAX_NUMERIC_DATE = 253_402_300_799L;

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int EXCERPT_LENGTH = 40;

    private PassFormat() {
    }

    static boolean isSubject(String subject) {
        return subject != null && SUBJECT.matcher(subject).matches();
    }

    /** A site id is free text within limits: 1 to 64 characters, not blank, no control characters. */
    static boolean isSite(String site) {
        return site != null && !site.isBlank() && site.length() <= MAX_SITE_LENGTH && !hasControlCharacter(site);
    }

    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A piece of untrusted text made safe to put in a log line: printable ASCII only, at most 40 characters.
     */
    static String excerpt(String untrusted) {
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < untrusted.length() && safe.length() < EXCERPT_LENGTH; i++) {
            char c = untrusted.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (untrusted.length() > EXCERPT_LENGTH) {
            safe.append('…');
        }
        return safe.toString();
    }
}
