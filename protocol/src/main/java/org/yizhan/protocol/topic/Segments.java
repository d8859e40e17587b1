package org.yizhan.protocol.topic;

/** Quoting untrusted text in messages: short, and without control characters that would garble a log. */
final class Segments {

    private static final int MAX = 80;

    private Segments() {
    }

    static String excerpt(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > MAX ? out + "…" : out.toString();
    }
}
