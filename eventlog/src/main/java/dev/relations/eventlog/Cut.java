package dev.relations.eventlog;

import dev.relations.schemas.EventEnvelope;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Where history is cut: at a moment (events that occurred at or before it) or at offsets of the topic. */
sealed interface Cut {
    Pattern OFFSETS = Pattern.compile("\\d+:\\d+(,\\d+:\\d+)*");

    /** Every event whose {@code occurred_at} is at or before {@code millis}. */
    record AtTime(long millis) implements Cut {
    }

    /** Every event below the offset given for its partition; partitions not named are read to their end. */
    record AtOffsets(Map<Integer, Long> offsets) implements Cut {
    }

    /** Nothing cut: everything committed now. */
    record Now() implements Cut {
    }

    /** {@code now}, ms since the epoch, an ISO instant or date-time (UTC unless an offset is given), a date, or {@code P:O,P:O…}. */
    static Cut parse(String text) {
        var trimmed = text.strip();
        if (trimmed.equalsIgnoreCase("now")) {
            return new Now();
        }
        if (OFFSETS.matcher(trimmed).matches()) {
            var offsets = new TreeMap<Integer, Long>();
            for (var part : trimmed.split(",")) {
                var pair = part.split(":");
                offsets.put(Integer.parseInt(pair[0]), Long.parseLong(pair[1]));
            }
            return new AtOffsets(offsets);
        }
        return new AtTime(time(trimmed));
    }

    /** A moment in ms since the epoch, from the forms {@link #parse} takes for a time. */
    static long time(String text) {
        var trimmed = text.strip();
        if (trimmed.matches("\\d+")) {
            return Long.parseLong(trimmed);
        }
        try {
            return Instant.parse(trimmed).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // the next form
        }
        try {
            return OffsetDateTime.parse(trimmed).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // the next form
        }
        try {
            return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // the next form
        }
        try {
            return LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time or offsets: '" + text
                    + "' (give now, ms since the epoch, an ISO time such as 2026-12-03T17:00:00Z, or PARTITION:OFFSET,...)");
        }
    }

    /** Where each partition stops, given where it ends now. */
    default Map<Integer, Long> stops(Map<Integer, Long> ends) {
        var stops = new HashMap<>(ends);
        if (this instanceof AtOffsets(var offsets)) {
            offsets.forEach((partition, offset) -> {
                if (stops.containsKey(partition)) {
                    stops.put(partition, Math.min(offset, ends.get(partition)));
                }
            });
        }
        return stops;
    }

    default boolean includes(EventEnvelope event) {
        return !(this instanceof AtTime(long millis)) || event.getOccurredAt() <= millis;
    }

    /** The moment timed mutes are judged at: the cut's time, the newest event's for offsets, else now. */
    default long moment(long newestOccurredAt) {
        return switch (this) {
            case AtTime(long millis) -> millis;
            case AtOffsets ignored -> newestOccurredAt == Long.MIN_VALUE ? System.currentTimeMillis() : newestOccurredAt;
            case Now ignored -> System.currentTimeMillis();
        };
    }
}
