package dev.relations.domain.room;

import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.Reply;
import dev.relations.domain.common.Reply.RoomField;
import dev.relations.domain.room.RoomCommand.UpdateRoom;
import dev.relations.domain.room.RoomEvent.RoomUpdated;
import dev.relations.domain.seat.SeatCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.relations.domain.room.RoomDecisions.accept;
import static dev.relations.domain.room.RoomDecisions.reject;

/** A room's own fields. Invariant: {@code maxusers} stays within the ceiling and never below the room's size. */
final class InfoRules {
    private InfoRules() {
    }

    static Decision<RoomEvent, SeatCommand> update(UpdateRoom update, Room room, RoomLimits limits) {
        if (update.name().isEmpty() && update.description().isEmpty() && update.maxUsers().isEmpty()) {
            return reject(Rejection.invalidParameter(RoomErrors.NO_FIELDS));
        }
        var invalid = invalidFields(update.name(), update.description(), update.maxUsers(), limits);
        if (invalid.isPresent()) {
            return reject(invalid.get());
        }
        if (room.info().isEmpty()) {
            return reject(RoomErrors.roomNotFound(update.room()));
        }
        // Pending places count: lowering below them would let in-flight joins overfill the room.
        if (update.maxUsers().filter(max -> max < room.memberCount()).isPresent()) {
            return reject(RoomErrors.maxUsersBelowSize(room.memberCount()));
        }
        var fields = new ArrayList<RoomField>();
        update.name().ifPresent(ignored -> fields.add(RoomField.NAME));
        update.description().ifPresent(ignored -> fields.add(RoomField.DESCRIPTION));
        update.maxUsers().ifPresent(ignored -> fields.add(RoomField.MAX_USERS));
        return accept(List.of(new RoomUpdated(update.room(), update.name(), update.description(), update.maxUsers())),
                new Reply.RoomUpdatedReply(fields));
    }

    /** The field limits shared by creation and update (SPEC D.3). */
    static Optional<Rejection> invalidFields(Optional<String> name, Optional<String> description,
                                             Optional<Integer> maxUsers, RoomLimits limits) {
        if (name.filter(n -> n.length() > limits.maxNameLength()).isPresent()) {
            return Optional.of(RoomErrors.titleTooLong(limits));
        }
        if (description.filter(d -> d.length() > limits.maxDescriptionLength()).isPresent()) {
            return Optional.of(RoomErrors.descriptionTooLong(limits));
        }
        if (maxUsers.filter(max -> max > limits.maxUsersCeiling()).isPresent()) {
            return Optional.of(RoomErrors.maxUsersTooHigh(limits));
        }
        if (maxUsers.filter(max -> max < 1).isPresent()) {
            return Optional.of(RoomErrors.maxUsersTooLow());
        }
        return Optional.empty();
    }
}
