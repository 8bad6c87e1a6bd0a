package dev.relations.domain.contact;

import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** A roster over a map, with the store roster's semantics: size counts reservations, seq only grows. */
final class InMemoryRoster implements Roster {
    private final Optional<User> owner;
    private final SortedMap<Username, Contact> edges = new TreeMap<>();
    private final Map<String, ImportProgress> imports = new HashMap<>();
    private long seq;

    private InMemoryRoster(Optional<User> owner) {
        this.owner = owner;
    }

    static InMemoryRoster of(User owner) {
        return new InMemoryRoster(Optional.of(owner));
    }

    /** The roster of a username nobody registered (or of a deleted user). */
    static InMemoryRoster unregistered() {
        return new InMemoryRoster(Optional.empty());
    }

    @Override
    public Optional<User> owner() {
        return owner;
    }

    @Override
    public int size() {
        return edges.size();
    }

    @Override
    public Optional<Contact> contact(Username friend) {
        return Optional.ofNullable(edges.get(friend));
    }

    @Override
    public List<Contact> contacts() {
        return List.copyOf(edges.values());
    }

    @Override
    public void put(Contact contact) {
        edges.put(contact.friend(), contact);
    }

    @Override
    public void remove(Username friend) {
        edges.remove(friend);
    }

    @Override
    public Optional<ImportProgress> importing(String requestId) {
        return Optional.ofNullable(imports.get(requestId));
    }

    @Override
    public void putImport(ImportProgress progress) {
        imports.put(progress.requestId(), progress);
    }

    @Override
    public void removeImport(String requestId) {
        imports.remove(requestId);
    }

    @Override
    public long nextSeq() {
        return ++seq;
    }
}
