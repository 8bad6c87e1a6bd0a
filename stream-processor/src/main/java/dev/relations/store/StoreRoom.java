package dev.relations.store;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.domain.room.Member;
import dev.relations.domain.room.Mute;
import dev.relations.domain.room.Role;
import dev.relations.domain.room.Room;
import dev.relations.domain.room.RoomBatch;
import dev.relations.domain.room.RoomInfo;
import dev.relations.schemas.StoredMember;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One chatroom over the state stores. The member order index, the member and admin counters
 * and the mute expiry index are kept in step with the entries here, so every point change
 * touches a fixed number of entries.
 */
public final class StoreRoom implements Room {
    private final Tenant tenant;
    private final RoomId id;
    private final RoomStores stores;
    private final String prefix;
    private final OrderedEdges<StoredMember> members;

    public StoreRoom(Tenant tenant, RoomId id, RoomStores stores) {
        this.tenant = tenant;
        this.id = id;
        this.stores = stores;
        this.prefix = Keys.roomPrefix(tenant, id);
        this.members = new OrderedEdges<>(stores.members, stores.memberOrder, stores.counted, RoomStores.MEMBERS,
                member -> !member.getPending(), StoredMember::getSeq);
    }

    @Override
    public Optional<RoomInfo> info() {
        return Optional.ofNullable(stores.rooms.get(Keys.roomEntry(tenant, id))).map(r -> RoomMapping.info(id, r));
    }

    @Override
    public Optional<Member> member(Username user) {
        return Optional.ofNullable(members.get(prefix, user.value())).map(m -> RoomMapping.member(user, m));
    }

    @Override
    public int memberCount() {
        return members.size(prefix);
    }

    @Override
    public int adminCount() {
        return (int) stores.counted.get(prefix, RoomStores.ADMINS);
    }

    @Override
    public boolean blocked(Username user) {
        return stores.blocks.get(Keys.roomMember(tenant, id, user)) != null;
    }

    @Override
    public boolean allowed(Username user) {
        return stores.allows.get(Keys.roomMember(tenant, id, user)) != null;
    }

    @Override
    public Optional<Mute> mute(Username user) {
        return Optional.ofNullable(stores.mutes.get(Keys.roomMember(tenant, id, user))).map(expiry -> new Mute(user, expiry));
    }

    /** A scan of this room's mute entries: the sweep only asks for rooms the expiry index names as due. */
    @Override
    public List<Mute> mutesExpiredBy(long now) {
        return mutes().stream()
                .filter(m -> !m.permanent() && m.expireAt() <= now)
                .sorted(Comparator.comparingLong(Mute::expireAt).thenComparing(Mute::user))
                .toList();
    }

    @Override
    public List<Member> members() {
        return RoomStores.scan(stores.members, tenant, id, (user, m) -> RoomMapping.member(Username.of(user), m));
    }

    @Override
    public List<Username> blocks() {
        return RoomStores.scan(stores.blocks, tenant, id, (user, ignored) -> Username.of(user));
    }

    @Override
    public List<Username> allows() {
        return RoomStores.scan(stores.allows, tenant, id, (user, ignored) -> Username.of(user));
    }

    @Override
    public List<Mute> mutes() {
        return RoomStores.scan(stores.mutes, tenant, id, (user, expiry) -> new Mute(Username.of(user), expiry));
    }

    @Override
    public Optional<RoomBatch> batch(String requestId) {
        return Optional.ofNullable(stores.batches.get(Keys.roomBatch(tenant, id, requestId)))
                .map(b -> RoomMapping.batch(requestId, b, id));
    }

    @Override
    public void putInfo(RoomInfo info) {
        stores.rooms.put(Keys.roomEntry(tenant, id), RoomMapping.stored(info));
    }

    @Override
    public void removeInfo() {
        stores.rooms.delete(Keys.roomEntry(tenant, id));
    }

    @Override
    public void putMember(Member member) {
        var previous = members.put(prefix, member.user().value(), RoomMapping.stored(member));
        int admins = (isAdmin(previous) ? -1 : 0) + (member.role() == Role.ADMIN ? 1 : 0);
        if (admins != 0) {
            stores.counted.add(prefix, RoomStores.ADMINS, admins);
        }
    }

    @Override
    public void removeMember(Username user) {
        if (isAdmin(members.remove(prefix, user.value()))) {
            stores.counted.add(prefix, RoomStores.ADMINS, -1);
        }
    }

    private static boolean isAdmin(StoredMember member) {
        return member != null && Role.ADMIN.name().equals(member.getRole());
    }

    @Override
    public void putBlock(Username user) {
        stores.blocks.put(Keys.roomMember(tenant, id, user), user.value());
    }

    @Override
    public void removeBlock(Username user) {
        stores.blocks.delete(Keys.roomMember(tenant, id, user));
    }

    @Override
    public void putAllow(Username user) {
        stores.allows.put(Keys.roomMember(tenant, id, user), user.value());
    }

    @Override
    public void removeAllow(Username user) {
        stores.allows.delete(Keys.roomMember(tenant, id, user));
    }

    @Override
    public void putMute(Mute mute) {
        removeMute(mute.user());
        stores.mutes.put(Keys.roomMember(tenant, id, mute.user()), mute.expireAt());
        if (!mute.permanent()) {
            stores.muteExpiry.put(Keys.muteExpiry(mute.expireAt(), tenant, id, mute.user()), mute.user().value());
        }
    }

    @Override
    public void removeMute(Username user) {
        var previous = stores.mutes.delete(Keys.roomMember(tenant, id, user));
        if (previous != null && previous != Mute.PERMANENT) {
            stores.muteExpiry.delete(Keys.muteExpiry(previous, tenant, id, user));
        }
    }

    @Override
    public void putBatch(RoomBatch batch) {
        stores.batches.put(Keys.roomBatch(tenant, id, batch.requestId()), RoomMapping.stored(batch));
    }

    @Override
    public void removeBatch(String requestId) {
        stores.batches.delete(Keys.roomBatch(tenant, id, requestId));
    }

    @Override
    public long nextSeq() {
        return stores.nextSeq(tenant, id, RoomStores.SEQ);
    }
}
