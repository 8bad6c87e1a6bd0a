package dev.relations.domain.room;

import dev.relations.domain.common.Username;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.NOW;
import static dev.relations.domain.room.RoomScenario.info;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may send in a room: the precedence SPEC G-22 resolves (mute list, then mute-all with its exemptions). */
class SendRuleTest {
    private static final RoomInfo OPEN = info(ALICE, 200);
    private static final RoomInfo MUTED_ALL = new RoomInfo(OPEN.id(), OPEN.name(), OPEN.description(), OPEN.maxUsers(),
            OPEN.owner(), OPEN.custom(), OPEN.created(), true);

    private static Optional<Member> as(Username user, Role role) {
        return Optional.of(new Member(user, role, 1L, NOW - 1_000, false, Optional.empty()));
    }

    private static Optional<Mute> mutedUntil(long expireAt) {
        return Optional.of(new Mute(BOB, expireAt));
    }

    @Test
    void a_member_may_send_in_an_open_room() {
        assertThat(SendRule.canSend(OPEN, as(BOB, Role.MEMBER), Optional.empty(), false, NOW)).isTrue();
    }

    @Test
    void a_non_member_may_not_send() {
        assertThat(SendRule.canSend(OPEN, Optional.empty(), Optional.empty(), true, NOW)).isFalse();
    }

    @Test
    void a_member_still_being_added_may_not_send() {
        var pending = Optional.of(new Member(BOB, Role.MEMBER, 0L, NOW, true, Optional.of("req-0")));
        assertThat(SendRule.canSend(OPEN, pending, Optional.empty(), false, NOW)).isFalse();
    }

    @Test
    void g22_an_active_mute_denies_even_an_allowlisted_admin() {
        assertThat(SendRule.canSend(OPEN, as(BOB, Role.ADMIN), mutedUntil(Mute.PERMANENT), true, NOW)).isFalse();
        assertThat(SendRule.canSend(OPEN, as(BOB, Role.MEMBER), mutedUntil(NOW + 1), true, NOW)).isFalse();
    }

    @Test
    void an_expired_mute_no_longer_denies() {
        assertThat(SendRule.canSend(OPEN, as(BOB, Role.MEMBER), mutedUntil(NOW), false, NOW)).isTrue();
    }

    @Test
    void g22_mute_all_lets_only_the_owner_admins_and_the_allowlist_send() {
        assertThat(SendRule.canSend(MUTED_ALL, as(ALICE, Role.OWNER), Optional.empty(), false, NOW)).isTrue();
        assertThat(SendRule.canSend(MUTED_ALL, as(BOB, Role.ADMIN), Optional.empty(), false, NOW)).isTrue();
        assertThat(SendRule.canSend(MUTED_ALL, as(BOB, Role.MEMBER), Optional.empty(), true, NOW)).isTrue();
        assertThat(SendRule.canSend(MUTED_ALL, as(BOB, Role.MEMBER), Optional.empty(), false, NOW)).isFalse();
    }
}
