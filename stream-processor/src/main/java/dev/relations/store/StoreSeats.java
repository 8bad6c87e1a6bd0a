package dev.relations.store;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;
import dev.relations.domain.seat.Seat;
import dev.relations.domain.seat.Seats;
import dev.relations.schemas.StoredSeat;
import org.apache.kafka.common.serialization.Serdes;

import java.util.ArrayList;
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

    public StoreSeats(Tenant tenant, Username user, UserStores stores) {
        this.tenant = tenant;
        this.user = user;
        this.stores = stores;
    }

    @Override
    public Optional<User> owner() {
        return stores.user(tenant, user);
    }

    @Override
    public int joinedCount() {
        return (int) stores.counter(tenant, user, SIZE);
    }

    @Override
    public Optional<Seat> seat(RoomId room) {
        return Optional.ofNullable(stores.seats.get(Keys.seat(tenant, user, room))).map(s -> toSeat(room, s));
    }

    @Override
    public List<Seat> seats() {
        var prefix = Keys.ownerPrefix(tenant, user);
        var all = new ArrayList<Seat>();
        try (var it = stores.seats.prefixScan(prefix, Serdes.String().serializer())) {
            it.forEachRemaining(kv -> all.add(toSeat(new RoomId(kv.key.substring(prefix.length())), kv.value)));
        }
        return all;
    }

    @Override
    public void put(Seat seat) {
        var key = Keys.seat(tenant, user, seat.room());
        var previous = stores.seats.get(key);
        if (previous == null) {
            stores.addToCounter(tenant, user, SIZE, 1);
        } else {
            stores.seatOrder.delete(Keys.order(tenant, user, previous.getSeq()));
        }
        stores.seats.put(key, new StoredSeat(seat.seq(), seat.taken()));
        stores.seatOrder.put(Keys.order(tenant, user, seat.seq()), seat.room().value());
    }

    @Override
    public void remove(RoomId room) {
        var previous = stores.seats.delete(Keys.seat(tenant, user, room));
        if (previous != null) {
            stores.seatOrder.delete(Keys.order(tenant, user, previous.getSeq()));
            stores.addToCounter(tenant, user, SIZE, -1);
        }
    }

    @Override
    public long nextSeq() {
        return stores.nextSeq(tenant, user, SEQ);
    }

    private static Seat toSeat(RoomId room, StoredSeat s) {
        return new Seat(room, s.getSeq(), s.getTaken());
    }
}
