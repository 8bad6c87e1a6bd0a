package dev.relations.domain.seat;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.User;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** A user's seats over a map; the owner can be deleted, as the user registry would. Public for the cross-aggregate tests. */
public final class InMemorySeats implements Seats {
    private Optional<User> owner;
    private final SortedMap<String, Seat> seats = new TreeMap<>();
    private final SortedSet<String> noted = new TreeSet<>();
    private long seq;

    private InMemorySeats(Optional<User> owner) {
        this.owner = owner;
    }

    public static InMemorySeats of(User owner) {
        return new InMemorySeats(Optional.of(owner));
    }

    /** The seats of a username nobody registered. */
    public static InMemorySeats unregistered() {
        return new InMemorySeats(Optional.empty());
    }

    /** The registry deleted the user. */
    public void unregister() {
        owner = Optional.empty();
    }

    @Override
    public Optional<User> owner() {
        return owner;
    }

    @Override
    public int joinedCount() {
        return seats.size();
    }

    @Override
    public Optional<Seat> seat(RoomId room) {
        return Optional.ofNullable(seats.get(room.value()));
    }

    @Override
    public List<Seat> seats() {
        return List.copyOf(seats.values());
    }

    @Override
    public void put(Seat seat) {
        seats.put(seat.room().value(), seat);
    }

    @Override
    public void remove(RoomId room) {
        seats.remove(room.value());
    }

    @Override
    public List<RoomId> noted() {
        return noted.stream().map(RoomId::new).toList();
    }

    @Override
    public void note(RoomId room) {
        noted.add(room.value());
    }

    @Override
    public void forget(RoomId room) {
        noted.remove(room.value());
    }

    @Override
    public long nextSeq() {
        return ++seq;
    }
}
