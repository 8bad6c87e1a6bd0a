package dev.relations.domain.room;

import dev.relations.domain.common.Username;

/** A member on the mute list until {@code expireAt} (ms epoch), or for good when it is {@link #PERMANENT}. */
public record Mute(Username user, long expireAt) {
    public static final long PERMANENT = -1L;

    public boolean permanent() {
        return expireAt == PERMANENT;
    }

    /** Whether the mute still holds at {@code now}; an expired entry waits for the expiry sweep. */
    public boolean activeAt(long now) {
        return permanent() || expireAt > now;
    }
}
