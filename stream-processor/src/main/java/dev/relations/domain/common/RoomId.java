package dev.relations.domain.common;

/** A chatroom id: a numeric string assigned at creation (Easemob: {@code ^[1-9][0-9]{1,17}$}). */
public record RoomId(String value) {
    public RoomId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("room id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
