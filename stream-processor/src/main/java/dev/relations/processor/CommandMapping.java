package dev.relations.processor;

import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;
import dev.relations.domain.contact.ContactCommand;
import dev.relations.domain.contact.ContactCommand.ReleaseReason;
import dev.relations.domain.contact.ContactCommand.RemoveReason;
import dev.relations.domain.user.UserCommand;
import dev.relations.schemas.AddContact;
import dev.relations.schemas.CompleteRemoveContact;
import dev.relations.schemas.ConfirmContact;
import dev.relations.schemas.DeleteUser;
import dev.relations.schemas.RegisterUser;
import dev.relations.schemas.ReleaseContact;
import dev.relations.schemas.RemoveContact;
import dev.relations.schemas.RemoveContactPeer;
import dev.relations.schemas.ReserveContactPeer;
import dev.relations.schemas.UserView;

import java.util.Optional;

/** Avro command bodies to domain commands and back; Avro stops here. */
public final class CommandMapping {
    private CommandMapping() {
    }

    /** A command body routed to the aggregate family that decides it. */
    public sealed interface Routed {
        record ToUser(UserCommand command) implements Routed {
        }

        record ToContacts(ContactCommand command) implements Routed {
        }
    }

    public static Routed toDomain(Object body) {
        return switch (body) {
            case RegisterUser r -> new Routed.ToUser(new UserCommand.RegisterUser(user(r.getUser()), r.getPasswordHash()));
            case DeleteUser d -> new Routed.ToUser(new UserCommand.DeleteUser(Username.of(d.getUsername())));
            case AddContact a -> new Routed.ToContacts(new ContactCommand.AddContact(
                    Username.of(a.getOwner()), Username.of(a.getFriend()), a.getSource(), a.getNotify()));
            case ReserveContactPeer p -> new Routed.ToContacts(new ContactCommand.ReserveContactPeer(
                    Username.of(p.getOwner()), Username.of(p.getFriend()), p.getSource(), p.getNotify()));
            case ConfirmContact c -> new Routed.ToContacts(new ContactCommand.ConfirmContact(
                    Username.of(c.getOwner()), Username.of(c.getFriend()), user(c.getFriendUser()), c.getSource(), c.getNotify()));
            case ReleaseContact r -> new Routed.ToContacts(new ContactCommand.ReleaseContact(
                    Username.of(r.getOwner()), Username.of(r.getFriend()), ReleaseReason.valueOf(r.getReason())));
            case RemoveContact r -> new Routed.ToContacts(new ContactCommand.RemoveContact(
                    Username.of(r.getOwner()), Username.of(r.getFriend())));
            case RemoveContactPeer r -> new Routed.ToContacts(new ContactCommand.RemoveContactPeer(
                    Username.of(r.getOwner()), Username.of(r.getFriend()), RemoveReason.valueOf(r.getReason())));
            case CompleteRemoveContact c -> new Routed.ToContacts(new ContactCommand.CompleteRemoveContact(
                    Username.of(c.getOwner()), Username.of(c.getFriend()), Optional.ofNullable(c.getFriendUser()).map(CommandMapping::user)));
            default -> throw new IllegalArgumentException("unknown command " + body.getClass().getName());
        };
    }

    /** Follow-up commands travel as Avro too; DropRoster never leaves its aggregate. */
    public static Object toAvro(ContactCommand command) {
        return switch (command) {
            case ContactCommand.AddContact a -> new AddContact(a.owner().value(), a.friend().value(), a.source(), a.notice());
            case ContactCommand.ReserveContactPeer p -> new ReserveContactPeer(p.owner().value(), p.friend().value(), p.source(), p.notice());
            case ContactCommand.ConfirmContact c -> new ConfirmContact(c.owner().value(), c.friend().value(), view(c.friendUser()), c.source(), c.notice());
            case ContactCommand.ReleaseContact r -> new ReleaseContact(r.owner().value(), r.friend().value(), r.reason().name());
            case ContactCommand.RemoveContact r -> new RemoveContact(r.owner().value(), r.friend().value());
            case ContactCommand.RemoveContactPeer r -> new RemoveContactPeer(r.owner().value(), r.friend().value(), r.reason().name());
            case ContactCommand.CompleteRemoveContact c -> new CompleteRemoveContact(c.owner().value(), c.friend().value(),
                    c.friendUser().map(CommandMapping::view).orElse(null));
            case ContactCommand.DropRoster d -> throw new IllegalArgumentException("DropRoster is local to its aggregate");
        };
    }

    public static User user(UserView v) {
        return new User(v.getUuid(), Username.of(v.getUsername()), v.getCreated(), v.getModified(), v.getActivated(),
                Optional.ofNullable(v.getNickname()));
    }

    public static UserView view(User u) {
        return new UserView(u.uuid(), u.username().value(), u.created(), u.modified(), u.activated(), u.nickname().orElse(null));
    }
}
