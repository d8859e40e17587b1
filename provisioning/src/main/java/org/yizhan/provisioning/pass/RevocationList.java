package org.yizhan.provisioning.pass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Passes that must no longer be accepted, by subject.
 *
 * <p>The file is UTF-8 text, one entry per line; blank lines and everything after {@code #} are ignored.
 * {@code SUBJECT} revokes every pass of that subject; {@code SUBJECT 2025-03-01T08:00:00Z} revokes the passes
 * of that subject issued at or before that instant, so a pass reissued afterwards is accepted. When a subject
 * has several entries, the widest wins. A bad line is an {@link IllegalArgumentException} naming the file and
 * line number; a missing file means nothing is revoked.
 *
 * <p>Immutable and thread-safe; to pick up changes, read the file again.
 */
public final class RevocationList {

    private static final RevocationList EMPTY = new RevocationList(Map.of());

    // Instant.MAX stands for "every pass of this subject"
    private final Map<String, Instant> revokedUpTo;

    private RevocationList(Map<String, Instant> revokedUpTo) {
        this.revokedUpTo = Map.copyOf(revokedUpTo);
    }

    public static RevocationList empty() {
        return EMPTY;
    }

    public static RevocationList read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return EMPTY;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, Instant> revokedUpTo = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                // editors on Windows like to start UTF-8 files with a byte order mark
                line = line.substring(1);
            }
            int comment = line.indexOf('#');
            String[] fields = (comment >= 0 ? line.substring(0, comment) : line).strip().split("\\s+");
            if (fields.length == 1 && fields[0].isEmpty()) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            if (fields.length > 2) {
                throw new IllegalArgumentException(where + "expected SUBJECT or SUBJECT ISO-INSTANT");
            }
            if (!PassFormat.isSubject(fields[0])) {
                throw new IllegalArgumentException(where + "'" + PassFormat.excerpt(fields[0])
                        + "' is not a subject (1 to 64 characters of A-Z a-z 0-9 . _ -)");
            }
            Instant upTo = Instant.MAX;
            if (fields.length == 2) {
                try {
                    upTo = Instant.parse(fields[1]);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(where + "'" + PassFormat.excerpt(fields[1])
                            + "' is not an instant like 2025-03-01T08:00:00Z", e);
                }
            }
            revokedUpTo.merge(fields[0], upTo, (a, b) -> a.isAfter(b) ? a : b);
        }
        return new RevocationList(revokedUpTo);
    }

    public boolean isRevoked(VisitorPass pass) {
        Objects.requireNonNull(pass, "pass");
        Instant upTo = revokedUpTo.get(pass.subject());
        return upTo != null && !pass.issuedAt().isAfter(upTo);
    }

    @Override
    public String toString() {
        return "RevocationList[" + revokedUpTo.size() + " subjects]";
    }
}
