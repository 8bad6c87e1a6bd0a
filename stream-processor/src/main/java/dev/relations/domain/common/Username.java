package dev.relations.domain.common;

import java.util.Locale;
import java.util.regex.Pattern;

/** A user id; Easemob user ids are case-insensitive, so the value is always lower case. */
public record Username(String value) implements Comparable<Username> {
    private static final Pattern LEGAL = Pattern.compile("[a-z0-9_.\\-]{1,64}");

    public Username {
        value = value.toLowerCase(Locale.ROOT);
    }

    public static Username of(String raw) {
        return new Username(raw);
    }

    /** Easemob's documented charset: letters, digits, '_', '-', '.', at most 64 bytes. */
    public static boolean isLegal(String raw) {
        return raw != null && LEGAL.matcher(raw.toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    public int compareTo(Username o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
