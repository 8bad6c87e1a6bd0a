package dev.relations.domain.room;

import dev.relations.domain.room.RoomEvent.BatchStarted;
import dev.relations.domain.room.RoomEvent.MembersReleased;
import dev.relations.domain.room.RoomEvent.MutesAdded;
import dev.relations.domain.room.RoomEvent.RoomDeleted;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.room.RoomScenario.ROOM;
import static dev.relations.domain.room.RoomScenario.created;
import static dev.relations.domain.room.RoomScenario.given;
import static dev.relations.domain.room.RoomScenario.joined;
import static dev.relations.domain.room.RoomScenario.reserved;
import static org.assertj.core.api.Assertions.assertThat;

/** Folding events into the room view. */
class RoomEvolveTest {

    @Test
    void members_are_ordered_by_when_they_joined() {
        var room = given(created(ALICE, CAROL), joined(BOB)).room();

        assertThat(room.confirmedMembers()).containsExactly(ALICE, CAROL, BOB);
        assertThat(room.member(BOB).map(Member::seq)).contains(3L);
    }

    @Test
    void releasing_a_place_never_removes_a_confirmed_member() {
        var room = given(created(ALICE, BOB), new MembersReleased(ROOM, List.of(BOB))).room();

        assertThat(room.member(BOB).map(Member::confirmed)).contains(true);
    }

    @Test
    void a_deletion_keeps_joins_in_flight_so_their_answers_can_still_be_answered() {
        var room = given(created(ALICE), reserved("req-9", BOB),
                new BatchStarted(ROOM, "req-9", List.of(BOB), Optional.empty()),
                new RoomDeleted(ROOM)).room();

        assertThat(room.batch("req-9")).isPresent();
        assertThat(room.member(BOB)).isEmpty();
    }

    @Test
    void mutes_are_found_by_their_expiry_and_permanent_ones_never() {
        var room = given(created(ALICE), new MutesAdded(ROOM, List.of(BOB), 2_000L),
                new MutesAdded(ROOM, List.of(CAROL), Mute.PERMANENT)).room();

        assertThat(room.mutesExpiredBy(1_999L)).isEmpty();
        assertThat(room.mutesExpiredBy(2_000L)).containsExactly(new Mute(BOB, 2_000L));
        assertThat(room.mutesExpiredBy(Long.MAX_VALUE)).containsExactly(new Mute(BOB, 2_000L));
    }

    @Test
    void only_the_bookkeeping_of_joins_in_flight_is_unpublished() {
        assertThat(RoomEvent.published(reserved("req-1", BOB))).isFalse();
        assertThat(RoomEvent.published(new MembersReleased(ROOM, List.of(BOB)))).isFalse();
        assertThat(RoomEvent.published(joined(BOB))).isTrue();
        assertThat(RoomEvent.published(new RoomDeleted(ROOM))).isTrue();
    }
}
