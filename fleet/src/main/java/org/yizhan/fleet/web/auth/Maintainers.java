package org.yizhan.fleet.web.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The maintainers who may log in to the console, from the fleet's users file: one {@code name:hash} line each,
 * the hash as {@link PasswordHash} writes it; blank lines and lines starting with {@code #} are ignored. Names
 * are 1–64 of {@code a-z}, {@code A-Z}, {@code 0-9}, {@code .}, {@code _} and {@code -}. A malformed line,
 * or a name given twice, makes the whole file refused with a message naming the file and line (never the hash).
 * Immutable and thread-safe.
 */
public final class Maintainers {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Compared against when the name is unknown, so an unknown name costs as much time as a wrong password. */
    private static final PasswordHash DECOY = PasswordHash.create("decoy".toCharArray());

    private final Map<String, PasswordHash> hashes;

    private Maintainers(Map<String, PasswordHash> hashes) {
        this.hashes = Collections.unmodifiableMap(new LinkedHashMap<>(hashes));
    }

    public static Maintainers of(Map<String, PasswordHash> hashes) {
        hashes.keySet().forEach(name -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("maintainer name '" + name + "' is not 1-64 of A-Z, a-z, 0-9, ._-");
            }
        });
        return new Maintainers(hashes);
    }

    /** Reads the users file; its problems name the file. */
    public static Maintainers read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * @param source how to name the text in messages, e.g. its path
     * @throws IllegalArgumentException naming the source and line of the first problem
     */
    public static Maintainers parse(String text, String source) {
        Map<String, PasswordHash> hashes = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1) + ": ";
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(where + "write name:hash");
            }
            String name = line.substring(0, colon).strip();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(where + "the name is not 1-64 of A-Z, a-z, 0-9, '.', '_', '-'");
            }
            PasswordHash hash;
            try {
                hash = PasswordHash.parse(line.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
            if (hashes.putIfAbsent(name, hash) != null) {
                throw new IllegalArgumentException(where + "maintainer " + name + " is given twice");
            }
        }
        return new Maintainers(hashes);
    }

    /** True when {@code name} is a maintainer and {@code password} is theirs. */
    public boolean verify(String name, char[] password) {
        Objects.requireNonNull(password, "password");
        PasswordHash hash = name == null ? null : hashes.get(name);
        if (hash == null || password.length == 0) {
            DECOY.matches("not the decoy".toCharArray());
            return false;
        }
        return hash.matches(password);
    }

    /** These maintainers with {@code name} added, or given a new password hash. */
    public Maintainers with(String name, PasswordHash hash) {
        Map<String, PasswordHash> changed = new LinkedHashMap<>(hashes);
        changed.put(name, Objects.requireNonNull(hash, "hash"));
        return of(changed);
    }

    public Set<String> names() {
        return hashes.keySet();
    }

    /** The lines of a users file holding these maintainers. */
    public String toFileText() {
        StringBuilder text = new StringBuilder();
        hashes.forEach((name, hash) -> text.append(name).append(':').append(hash).append('\n'));
        return text.toString();
    }
}
