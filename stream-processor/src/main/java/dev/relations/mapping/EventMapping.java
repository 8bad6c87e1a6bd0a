package dev.relations.mapping;

import dev.relations.domain.app.AppEvent;
import dev.relations.domain.block.BlockEvent;
import dev.relations.domain.contact.ContactEvent;
import dev.relations.schemas.ContactRemarkSet;
import dev.relations.schemas.UserUnblocked;
import dev.relations.schemas.UsersBlocked;
import dev.relations.domain.user.UserEvent;
import dev.relations.schemas.ContactAdded;
import dev.relations.schemas.ContactRemoved;
import dev.relations.schemas.RoomSuperAdminsAdded;
import dev.relations.schemas.RoomSuperAdminsRemoved;
import dev.relations.schemas.UserActivated;
import dev.relations.schemas.UserDeactivated;
import dev.relations.schemas.UserDeleted;
import dev.relations.schemas.UserRegistered;

import java.util.List;

/** Domain events to the published event payloads and their type names. */
public final class EventMapping {
    private EventMapping() {
    }

    public record Published(String type, Object payload) {
    }

    public static Published of(UserEvent event) {
        return switch (event) {
            case UserEvent.UserRegistered r -> new Published("user.registered", new UserRegistered(CommandMapping.view(r.user())));
            case UserEvent.UserDeleted d -> new Published("user.deleted", new UserDeleted(d.user().username().value()));
            case UserEvent.UserDeactivated d -> new Published("user.deactivated", new UserDeactivated(d.user().username().value()));
            case UserEvent.UserActivated a -> new Published("user.activated", new UserActivated(a.user().username().value()));
        };
    }

    /** Null for internal events that consumers never see. */
    public static Published of(AppEvent event) {
        return switch (event) {
            case AppEvent.RegistrationCounted ignored -> null;
            case AppEvent.RegistrationReleased ignored -> null;
            case AppEvent.RoomReserved ignored -> null;
            case AppEvent.RoomReservationDropped ignored -> null;
            case AppEvent.RoomCounted ignored -> null;
            case AppEvent.RoomUncounted ignored -> null;
            case AppEvent.SuperAdminAdded a -> new Published("app.room_super_admins.added",
                    new RoomSuperAdminsAdded(List.of(a.user().value())));
            case AppEvent.SuperAdminRemoved r -> new Published("app.room_super_admins.removed",
                    new RoomSuperAdminsRemoved(List.of(r.user().value())));
        };
    }

    /** Null for internal events that consumers never see. */
    public static Published of(ContactEvent event) {
        return switch (event) {
            case ContactEvent.ContactReserved ignored -> null;
            case ContactEvent.ReservationReleased ignored -> null;
            case ContactEvent.ContactAdded a -> new Published("contact.added",
                    new ContactAdded(a.owner().value(), a.friend().value(), true, a.source(), a.notice(),
                            a.initiator().value()));
            case ContactEvent.ContactRemoved r -> new Published("contact.removed",
                    new ContactRemoved(r.owner().value(), r.friend().value(), r.reason().name(),
                            r.initiator().value(), r.notice()));
            case ContactEvent.ContactRemarkSet r -> new Published("contact.remark_set",
                    new ContactRemarkSet(r.owner().value(), r.friend().value(), r.remark()));
            case ContactEvent.ImportStarted ignored -> null;
            case ContactEvent.ImportAnswered ignored -> null;
            case ContactEvent.ImportAskedNext ignored -> null;
            case ContactEvent.ImportExpired ignored -> null;
            case ContactEvent.ImportFinished ignored -> null;
        };
    }

    /** Null for internal events that consumers never see. */
    public static Published of(BlockEvent event) {
        return switch (event) {
            case BlockEvent.BlocksReserved ignored -> null;
            case BlockEvent.BlockerAnswered ignored -> null;
            case BlockEvent.BlocksExpired ignored -> null;
            case BlockEvent.BlocksReleased ignored -> null;
            case BlockEvent.BlockerRegistered ignored -> null;
            case BlockEvent.BlockerUnregistered ignored -> null;
            case BlockEvent.UsersBlocked b -> b.pending().isEmpty() ? null : new Published("block.added",
                    new UsersBlocked(b.owner().value(), CommandMapping.values(b.pending())));
            case BlockEvent.UserUnblocked u -> new Published("block.removed",
                    new UserUnblocked(u.owner().value(), u.target().value(), u.reason().name()));
        };
    }
}
