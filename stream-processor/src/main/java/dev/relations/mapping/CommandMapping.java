package dev.relations.mapping;

import dev.relations.domain.app.AppCommand;
import dev.relations.domain.idempotency.KeyCommand;
import dev.relations.schemas.ClaimIdempotencyKey;
import dev.relations.schemas.SettleIdempotencyKey;
import dev.relations.schemas.AddSuperAdmin;
import dev.relations.schemas.CountRegistration;
import dev.relations.schemas.ForgetUser;
import dev.relations.schemas.GrantSuperAdmin;
import dev.relations.schemas.RegistrationGranted;
import dev.relations.schemas.RegistrationRefused;
import dev.relations.schemas.ReleaseRegistration;
import dev.relations.schemas.RemoveSuperAdmin;
import dev.relations.schemas.CountRoom;
import dev.relations.schemas.ReleaseRoom;
import dev.relations.schemas.ReserveRegistration;
import dev.relations.schemas.ReserveRoom;
import dev.relations.schemas.UncountRoom;
import dev.relations.schemas.SuperAdminGranted;
import dev.relations.domain.common.User;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Username;
import dev.relations.domain.contact.ContactCommand;
import dev.relations.domain.block.BlockCommand;
import dev.relations.domain.contact.ContactCommand.ProbePurpose;
import dev.relations.domain.contact.ContactCommand.ReleaseReason;
import dev.relations.domain.contact.ContactCommand.RemoveReason;
import dev.relations.domain.room.RoomCommand;
import dev.relations.domain.seat.SeatCommand;
import dev.relations.domain.user.UserCommand;
import dev.relations.schemas.ActivateUser;
import dev.relations.schemas.AddContact;
import dev.relations.schemas.CompleteRemoveContact;
import dev.relations.schemas.ConfirmContact;
import dev.relations.schemas.DeactivateUser;
import dev.relations.schemas.DeleteUser;
import dev.relations.schemas.RegisterUser;
import dev.relations.schemas.ReleaseContact;
import dev.relations.schemas.RemoveContact;
import dev.relations.schemas.RemoveContactPeer;
import dev.relations.schemas.ReserveContactPeer;
import dev.relations.schemas.UserView;
import dev.relations.schemas.SetRemark;
import dev.relations.schemas.ProbeUser;
import dev.relations.schemas.ProbeAnswer;
import dev.relations.schemas.ImportContacts;
import dev.relations.schemas.BlockUsers;
import dev.relations.schemas.RegisterBlocker;
import dev.relations.schemas.BlockerAnswer;
import dev.relations.schemas.UnblockUser;
import dev.relations.schemas.UnregisterBlocker;
import dev.relations.schemas.UnblockAnswer;
import dev.relations.schemas.RemoveBlockPeer;
import dev.relations.schemas.ExpireImport;
import dev.relations.schemas.ExpireBlockBatch;

import java.util.List;
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

        record ToBlocks(BlockCommand command) implements Routed {
        }

        record ToRoom(RoomCommand command) implements Routed {
        }

        record ToSeats(SeatCommand command) implements Routed {
        }

        record ToApp(AppCommand command) implements Routed {
        }

        record ToIdempotencyKey(KeyCommand command) implements Routed {
        }
    }

    public static Routed toDomain(Object body) {
        return switch (body) {
            case RegisterUser r -> new Routed.ToUser(new UserCommand.RegisterUser(user(r.getUser()), r.getPasswordHash()));
            case DeleteUser d -> new Routed.ToUser(new UserCommand.DeleteUser(Username.of(d.getUsername())));
            case DeactivateUser d -> new Routed.ToUser(new UserCommand.DeactivateUser(Username.of(d.getUsername())));
            case ActivateUser a -> new Routed.ToUser(new UserCommand.ActivateUser(Username.of(a.getUsername())));
            case RegistrationGranted g -> new Routed.ToUser(new UserCommand.RegistrationGranted(user(g.getUser()), g.getPasswordHash()));
            case RegistrationRefused r -> new Routed.ToUser(new UserCommand.RegistrationRefused(Username.of(r.getUsername())));
            case AddSuperAdmin a -> new Routed.ToUser(new UserCommand.AddSuperAdmin(Username.of(a.getUsername())));
            case SuperAdminGranted g -> new Routed.ToUser(new UserCommand.SuperAdminGranted(Username.of(g.getUsername())));
            case ReserveRegistration r -> new Routed.ToApp(new AppCommand.ReserveRegistration(user(r.getUser()), r.getPasswordHash()));
            case CountRegistration c -> new Routed.ToApp(new AppCommand.CountRegistration(Username.of(c.getUsername())));
            case ReleaseRegistration r -> new Routed.ToApp(new AppCommand.ReleaseRegistration(Username.of(r.getUsername())));
            case ForgetUser f -> new Routed.ToApp(new AppCommand.ForgetUser(Username.of(f.getUsername())));
            case GrantSuperAdmin g -> new Routed.ToApp(new AppCommand.GrantSuperAdmin(Username.of(g.getUsername())));
            case RemoveSuperAdmin r -> new Routed.ToApp(new AppCommand.RemoveSuperAdmin(Username.of(r.getUsername())));
            case ReserveRoom r -> new Routed.ToApp(new AppCommand.ReserveRoom(new RoomId(r.getRoom())));
            case ReleaseRoom r -> new Routed.ToApp(new AppCommand.ReleaseRoom(new RoomId(r.getRoom())));
            case CountRoom c -> new Routed.ToApp(new AppCommand.CountRoom(new RoomId(c.getRoom())));
            case UncountRoom u -> new Routed.ToApp(new AppCommand.UncountRoom(new RoomId(u.getRoom())));
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
                    Username.of(r.getOwner()), Username.of(r.getFriend()), RemoveReason.valueOf(r.getReason()), r.getNotify()));
            case CompleteRemoveContact c -> new Routed.ToContacts(new ContactCommand.CompleteRemoveContact(
                    Username.of(c.getOwner()), Username.of(c.getFriend()), Optional.ofNullable(c.getFriendUser()).map(CommandMapping::user)));
            case SetRemark r -> new Routed.ToContacts(new ContactCommand.SetRemark(
                    Username.of(r.getOwner()), Username.of(r.getFriend()), r.getRemark()));
            case ProbeUser p -> new Routed.ToContacts(new ContactCommand.ProbeUser(
                    Username.of(p.getAsker()), Username.of(p.getTarget()), ProbePurpose.valueOf(p.getPurpose())));
            case ProbeAnswer p -> new Routed.ToContacts(new ContactCommand.ProbeAnswer(
                    Username.of(p.getAsker()), Username.of(p.getTarget()), ProbePurpose.valueOf(p.getPurpose()), p.getExists()));
            case ImportContacts i -> new Routed.ToContacts(new ContactCommand.ImportContacts(
                    Username.of(i.getOwner()), names(i.getTargets()), i.getNotify()));
            case ExpireImport e -> new Routed.ToContacts(new ContactCommand.ExpireImport(Username.of(e.getOwner())));
            case BlockUsers b -> new Routed.ToBlocks(new BlockCommand.BlockUsers(Username.of(b.getOwner()), names(b.getTargets())));
            case RegisterBlocker r -> new Routed.ToBlocks(new BlockCommand.RegisterBlocker(
                    Username.of(r.getOwner()), Username.of(r.getTarget())));
            case BlockerAnswer a -> new Routed.ToBlocks(new BlockCommand.BlockerAnswer(
                    Username.of(a.getOwner()), Username.of(a.getTarget()), Optional.ofNullable(a.getTargetUser()).map(CommandMapping::user),
                    a.getFailed()));
            case UnblockUser u -> new Routed.ToBlocks(new BlockCommand.UnblockUser(Username.of(u.getOwner()), Username.of(u.getTarget())));
            case UnregisterBlocker u -> new Routed.ToBlocks(new BlockCommand.UnregisterBlocker(
                    Username.of(u.getOwner()), Username.of(u.getTarget()), u.getAnswer(), u.getForget()));
            case UnblockAnswer a -> new Routed.ToBlocks(new BlockCommand.UnblockAnswer(
                    Username.of(a.getOwner()), Username.of(a.getTarget()), Optional.ofNullable(a.getTargetUser()).map(CommandMapping::user)));
            case RemoveBlockPeer r -> new Routed.ToBlocks(new BlockCommand.RemoveBlockPeer(
                    Username.of(r.getOwner()), Username.of(r.getTarget())));
            case ClaimIdempotencyKey c -> new Routed.ToIdempotencyKey(new KeyCommand.Claim(c.getFingerprint(), c.getLeaseMs()));
            case SettleIdempotencyKey s -> new Routed.ToIdempotencyKey(new KeyCommand.Settle(s.getFingerprint()));
            case ExpireBlockBatch e -> new Routed.ToBlocks(new BlockCommand.ExpireBlocks(Username.of(e.getOwner())));
            default -> RoomCommandMapping.toDomain(body);
        };
    }

    /** Commands a user's side sends: the registered-user count and super admins at the app. */
    public static Object toAvro(AppCommand command) {
        return switch (command) {
            case AppCommand.ReserveRegistration r -> new ReserveRegistration(view(r.user()), r.passwordHash());
            case AppCommand.CountRegistration c -> new CountRegistration(c.user().value());
            case AppCommand.ReleaseRegistration r -> new ReleaseRegistration(r.user().value());
            case AppCommand.ForgetUser f -> new ForgetUser(f.user().value());
            case AppCommand.GrantSuperAdmin g -> new GrantSuperAdmin(g.user().value());
            case AppCommand.RemoveSuperAdmin r -> new RemoveSuperAdmin(r.user().value());
            case AppCommand.ReserveRoom r -> new ReserveRoom(r.room().value());
            case AppCommand.ReleaseRoom r -> new ReleaseRoom(r.room().value());
            case AppCommand.CountRoom c -> new CountRoom(c.room().value());
            case AppCommand.UncountRoom u -> new UncountRoom(u.room().value());
        };
    }

    /** The API's claim and settle of an Idempotency-Key. */
    public static Object toAvro(KeyCommand command) {
        return switch (command) {
            case KeyCommand.Claim c -> new ClaimIdempotencyKey(c.fingerprint(), c.leaseMillis());
            case KeyCommand.Settle s -> new SettleIdempotencyKey(s.fingerprint());
        };
    }

    /** Commands the app sends back to a user's side (and, for completeness, those the API sends). */
    public static Object toAvro(UserCommand command) {
        return switch (command) {
            case UserCommand.RegisterUser r -> new RegisterUser(view(r.user()), r.passwordHash());
            case UserCommand.DeleteUser d -> new DeleteUser(d.username().value());
            case UserCommand.DeactivateUser d -> new DeactivateUser(d.username().value());
            case UserCommand.ActivateUser a -> new ActivateUser(a.username().value());
            case UserCommand.RegistrationGranted g -> new RegistrationGranted(view(g.user()), g.passwordHash());
            case UserCommand.RegistrationRefused r -> new RegistrationRefused(r.username().value());
            case UserCommand.AddSuperAdmin a -> new AddSuperAdmin(a.username().value());
            case UserCommand.SuperAdminGranted g -> new SuperAdminGranted(g.username().value());
        };
    }

    public static Object toAvro(RoomCommand command) {
        return RoomCommandMapping.toAvro(command);
    }

    public static Object toAvro(SeatCommand command) {
        return RoomCommandMapping.toAvro(command);
    }

    /** Follow-up commands travel as Avro too; DropRoster never leaves its aggregate. */
    public static Object toAvro(ContactCommand command) {
        return switch (command) {
            case ContactCommand.AddContact a -> new AddContact(a.owner().value(), a.friend().value(), a.source(), a.notice());
            case ContactCommand.ReserveContactPeer p -> new ReserveContactPeer(p.owner().value(), p.friend().value(), p.source(), p.notice());
            case ContactCommand.ConfirmContact c -> new ConfirmContact(c.owner().value(), c.friend().value(), view(c.friendUser()), c.source(), c.notice());
            case ContactCommand.ReleaseContact r -> new ReleaseContact(r.owner().value(), r.friend().value(), r.reason().name());
            case ContactCommand.RemoveContact r -> new RemoveContact(r.owner().value(), r.friend().value());
            case ContactCommand.RemoveContactPeer r -> new RemoveContactPeer(r.owner().value(), r.friend().value(), r.reason().name(),
                    r.notice());
            case ContactCommand.CompleteRemoveContact c -> new CompleteRemoveContact(c.owner().value(), c.friend().value(),
                    c.friendUser().map(CommandMapping::view).orElse(null));
            case ContactCommand.SetRemark r -> new SetRemark(r.owner().value(), r.friend().value(), r.remark());
            case ContactCommand.ProbeUser p -> new ProbeUser(p.asker().value(), p.target().value(), p.purpose().name());
            case ContactCommand.ProbeAnswer p -> new ProbeAnswer(p.asker().value(), p.target().value(), p.purpose().name(), p.exists());
            case ContactCommand.ImportContacts i -> new ImportContacts(i.owner().value(), values(i.targets()), i.notice());
            case ContactCommand.ExpireImport e -> new ExpireImport(e.owner().value());
            case ContactCommand.DropRoster d -> throw new IllegalArgumentException("DropRoster is local to its aggregate");
        };
    }

    public static Object toAvro(BlockCommand command) {
        return switch (command) {
            case BlockCommand.BlockUsers b -> new BlockUsers(b.owner().value(), values(b.targets()));
            case BlockCommand.RegisterBlocker r -> new RegisterBlocker(r.owner().value(), r.target().value());
            case BlockCommand.BlockerAnswer a -> new BlockerAnswer(a.owner().value(), a.target().value(),
                    a.targetUser().map(CommandMapping::view).orElse(null), a.failed());
            case BlockCommand.UnblockUser u -> new UnblockUser(u.owner().value(), u.target().value());
            case BlockCommand.UnregisterBlocker u -> new UnregisterBlocker(u.owner().value(), u.target().value(), u.answer(), u.forget());
            case BlockCommand.UnblockAnswer a -> new UnblockAnswer(a.owner().value(), a.target().value(),
                    a.targetUser().map(CommandMapping::view).orElse(null));
            case BlockCommand.RemoveBlockPeer r -> new RemoveBlockPeer(r.owner().value(), r.target().value());
            case BlockCommand.ExpireBlocks e -> new ExpireBlockBatch(e.owner().value());
            case BlockCommand.DropBlocks d -> throw new IllegalArgumentException("DropBlocks is local to its aggregate");
        };
    }

    public static List<Username> names(List<String> values) {
        return values.stream().map(Username::of).toList();
    }

    public static List<String> values(List<Username> names) {
        return names.stream().map(Username::value).toList();
    }

    public static User user(UserView v) {
        return new User(v.getUuid(), Username.of(v.getUsername()), v.getCreated(), v.getModified(), v.getActivated(),
                Optional.ofNullable(v.getNickname()));
    }

    public static UserView view(User u) {
        return new UserView(u.uuid(), u.username().value(), u.created(), u.modified(), u.activated(), u.nickname().orElse(null));
    }
}
