package dev.relations.store;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;
import dev.relations.domain.seat.Seat;
import dev.relations.domain.seat.Seats;
import dev.relations.schemas.StoredSeat;

import java.util.List;
import java.util.Optional;

/** One user's chatroom seats over the state stores: the seat entries, their join order and the joined-rooms counter, kept in step. */
public final class StoreSeats implements Seats {
    /** Counter names in {@link StoreNames#COUNTERS}, read by the query side too. */
    public static final String SIZE = "seats";
    static final String SEQ = "seat-seq";

    private final Tenant tenant;
    private final Username user;
    private final UserStores stores;
    private final String prefix;
    private final OrderedEdges<StoredSeat> seats;

    public StoreSeats(Tenant tenant, Username user, UserStores stores) {
        this.tenant = tenant;
        this.user = user;
        this.stores = stores;
        this.prefix = Keys.ownerPrefix(tenant, user);
        this.seats = new OrderedEdges<>(stores.seats, stores.seatOrder, stores.counted, SIZE, seat -> true, StoredSeat::getSeq);
    }

    @Override
    public Optional<User> owner() {
        return stores.user(tenant, user);
    }

    @Override
    public int joinedCount() {
        return seats.size(prefix);
    }

    @Override
    public Optional<Seat> seat(RoomId room) {
        return Optional.ofNullable(seats.get(prefix, room.value())).map(s -> toSeat(room, s));
    }

    @Override
    public List<Seat> seats() {
        return stores.seats.scan(prefix, (room, seat) -> toSeat(new RoomId(room), seat));
    }

    @Override
    public void put(Seat seat) {
        seats.put(prefix, seat.room().value(), new StoredSeat(seat.seq(), seat.taken()));
    }

    @Override
    public void remove(RoomId room) {
        seats.remove(prefix, room.value());
    }

    @Override
    public List<RoomId> noted() {
        return stores.roomEntryNotes.scan(prefix, (room, value) -> new RoomId(room));
    }

    @Override
    public void note(RoomId room) {
        stores.roomEntryNotes.put(prefix + room.value(), room.value());
    }

    @Override
    public void forget(RoomId room) {
        stores.roomEntryNotes.delete(prefix + room.value());
    }

    @Override
    public long nextSeq() {
        return stores.nextSeq(tenant, user, SEQ);
    }

    private static Seat toSeat(RoomId room, StoredSeat s) {
        return new Seat(room, s.getSeq(), s.getTaken());
    }
}
