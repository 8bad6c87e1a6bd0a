package dev.relations.engine;

import java.util.List;

/** Every topic the service reads or writes; names are defined here only. */
public final class Topics {
    public static final String COMMANDS = "relations.commands";
    public static final String OUTCOMES = "relations.outcomes";
    public static final String EVENTS = "relations.events";
    public static final String NOTIFICATIONS = "relations.notifications";

    public static final List<String> ALL = List.of(COMMANDS, OUTCOMES, EVENTS, NOTIFICATIONS);

    /**
     * Unreadable commands of one deployment, with their origin in headers: named after the
     * Streams application id like Kafka Streams' own internal topics.
     */
    public static String deadLetters(String applicationId) {
        return applicationId + "-dlq";
    }

    private Topics() {
    }
}
