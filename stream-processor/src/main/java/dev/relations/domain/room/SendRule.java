package dev.relations.domain.room;

import java.util.Optional;

/**
 * Who may send messages in a chatroom (SPEC G-22), for the message path and the "can send"
 * read: only members; an active mute denies, whatever else holds (the allowlist does not
 * override the mute list); while mute-all is on only the owner, admins and allowlisted
 * members may send; otherwise every member may.
 */
public final class SendRule {
    private SendRule() {
    }

    public static boolean canSend(RoomInfo room, Optional<Member> member, Optional<Mute> mute, boolean allowlisted, long now) {
        if (member.filter(Member::confirmed).isEmpty()) {
            return false;
        }
        if (mute.filter(m -> m.activeAt(now)).isPresent()) {
            return false;
        }
        if (!room.muteAll()) {
            return true;
        }
        return member.get().role() != Role.MEMBER || allowlisted;
    }
}
