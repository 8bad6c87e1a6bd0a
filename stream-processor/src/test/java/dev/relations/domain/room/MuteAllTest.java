package dev.relations.domain.room;

import dev.relations.domain.common.Reply;
import dev.relations.domain.room.RoomCommand.SetMuteAll;
import dev.relations.domain.room.RoomEvent.MuteAllSet;
import org.junit.jupiter.api.Test;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.NOW;
import static dev.relations.domain.room.RoomScenario.ROOM;
import static dev.relations.domain.room.RoomScenario.created;
import static dev.relations.domain.room.RoomScenario.given;
import static dev.relations.domain.room.RoomScenario.muted;
import static dev.relations.domain.room.RoomScenario.noRoom;
import static org.assertj.core.api.Assertions.assertThat;

class MuteAllTest {

    @Test
    void muting_everyone_sets_the_flag() {
        var scenario = given(created(ALICE, BOB));

        scenario.when(new SetMuteAll(ROOM, true))
                .events(new MuteAllSet(ROOM, true))
                .accepted(new Reply.MuteAllReply(true));
        assertThat(scenario.room().info().map(RoomInfo::muteAll)).contains(true);
    }

    @Test
    void muting_everyone_again_succeeds_and_changes_nothing() {
        given(created(ALICE), new MuteAllSet(ROOM, true))
                .when(new SetMuteAll(ROOM, true))
                .noEvents()
                .accepted(new Reply.MuteAllReply(true));
    }

    @Test
    void lifting_mute_all_clears_the_flag() {
        var scenario = given(created(ALICE), new MuteAllSet(ROOM, true));

        scenario.when(new SetMuteAll(ROOM, false))
                .events(new MuteAllSet(ROOM, false))
                .accepted(new Reply.MuteAllReply(false));
        assertThat(scenario.room().info().map(RoomInfo::muteAll)).contains(false);
    }

    @Test
    void lifting_mute_all_when_it_is_off_succeeds_and_changes_nothing() {
        given(created(ALICE))
                .when(new SetMuteAll(ROOM, false))
                .noEvents()
                .accepted(new Reply.MuteAllReply(false));
    }

    @Test
    void mute_all_leaves_the_mute_list_alone() {
        var scenario = given(created(ALICE, BOB), muted(NOW + 1_000, BOB), new MuteAllSet(ROOM, true));

        scenario.when(new SetMuteAll(ROOM, false));
        assertThat(scenario.room().mute(BOB)).isPresent();
    }

    @Test
    void mute_all_in_a_missing_room_is_not_found() {
        noRoom()
                .when(new SetMuteAll(ROOM, true))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }
}
