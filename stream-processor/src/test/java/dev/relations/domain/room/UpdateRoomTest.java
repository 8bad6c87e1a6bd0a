package dev.relations.domain.room;

import dev.relations.domain.common.Reply;
import dev.relations.domain.common.Reply.RoomField;
import dev.relations.domain.room.RoomCommand.UpdateRoom;
import dev.relations.domain.room.RoomEvent.RoomUpdated;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.room.RoomScenario.ROOM;
import static dev.relations.domain.room.RoomScenario.created;
import static dev.relations.domain.room.RoomScenario.given;
import static dev.relations.domain.room.RoomScenario.noRoom;
import static dev.relations.domain.room.RoomScenario.reserved;
import static org.assertj.core.api.Assertions.assertThat;

class UpdateRoomTest {

    private static UpdateRoom update(Optional<String> name, Optional<String> description, Optional<Integer> maxUsers) {
        return new UpdateRoom(ROOM, name, description, maxUsers);
    }

    @Test
    void updating_every_field_answers_each_as_changed() {
        var scenario = given(created(ALICE));

        scenario.when(update(Optional.of("hall"), Optional.of("bigger"), Optional.of(500)))
                .events(new RoomUpdated(ROOM, Optional.of("hall"), Optional.of("bigger"), Optional.of(500)))
                .accepted(new Reply.RoomUpdatedReply(List.of(RoomField.NAME, RoomField.DESCRIPTION, RoomField.MAX_USERS)));
        var info = scenario.room().info().orElseThrow();
        assertThat(info.name()).isEqualTo("hall");
        assertThat(info.description()).isEqualTo("bigger");
        assertThat(info.maxUsers()).isEqualTo(500);
    }

    @Test
    void only_the_supplied_fields_change() {
        var scenario = given(created(ALICE));

        scenario.when(update(Optional.empty(), Optional.of("quiet"), Optional.empty()))
                .events(new RoomUpdated(ROOM, Optional.empty(), Optional.of("quiet"), Optional.empty()))
                .accepted(new Reply.RoomUpdatedReply(List.of(RoomField.DESCRIPTION)));
        assertThat(scenario.room().info().map(RoomInfo::name)).contains("lobby");
    }

    @Test
    void an_update_with_no_field_is_an_invalid_parameter() {
        given(created(ALICE))
                .when(update(Optional.empty(), Optional.empty(), Optional.empty()))
                .rejected(400, "invalid_parameter", "name, description or maxusers must be provided");
    }

    @Test
    void a_name_longer_than_128_characters_is_rejected() {
        given(created(ALICE))
                .when(update(Optional.of("n".repeat(129)), Optional.empty(), Optional.empty()))
                .noEvents()
                .rejected(403, "exceed_limit", "title cannot exceed to 128");
    }

    @Test
    void a_description_longer_than_512_characters_is_rejected() {
        given(created(ALICE))
                .when(update(Optional.empty(), Optional.of("d".repeat(513)), Optional.empty()))
                .rejected(403, "exceed_limit", "desc cannot exceed to 512");
    }

    @Test
    void maxusers_above_the_ceiling_is_rejected() {
        given(created(ALICE))
                .when(update(Optional.empty(), Optional.empty(), Optional.of(10_001)))
                .rejected(403, "exceed_limit", "maxUsers cannot exceed 10000");
    }

    @Test
    void maxusers_below_the_current_size_is_an_invalid_parameter() {
        given(created(ALICE, BOB, CAROL))
                .when(update(Optional.empty(), Optional.empty(), Optional.of(2)))
                .noEvents()
                .rejected(400, "invalid_parameter", "maxusers cannot be less than the current number of members : 3");
    }

    @Test
    void places_reserved_by_adds_in_flight_count_as_the_size() {
        given(created(ALICE, BOB), reserved("req-0", CAROL))
                .when(update(Optional.empty(), Optional.empty(), Optional.of(2)))
                .rejected(400, "invalid_parameter", "maxusers cannot be less than the current number of members : 3");
    }

    @Test
    void maxusers_equal_to_the_current_size_is_accepted() {
        given(created(ALICE, BOB))
                .when(update(Optional.empty(), Optional.empty(), Optional.of(2)))
                .events(new RoomUpdated(ROOM, Optional.empty(), Optional.empty(), Optional.of(2)));
    }

    @Test
    void maxusers_below_one_is_an_invalid_parameter() {
        given(created(ALICE))
                .when(update(Optional.empty(), Optional.empty(), Optional.of(0)))
                .rejected(400, "invalid_parameter", "maxusers must be at least 1");
    }

    @Test
    void updating_a_missing_room_is_not_found() {
        noRoom()
                .when(update(Optional.of("hall"), Optional.empty(), Optional.empty()))
                .rejected(404, "resource_not_found", "grpID 66000033 does not exist!");
    }
}
