package dev.relations.processor;

import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;
import dev.relations.domain.contact.Contact;
import dev.relations.domain.contact.Roster;
import dev.relations.schemas.StoredContact;
import dev.relations.schemas.StoredUser;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One owner's roster over the state stores: every operation touches a fixed number of entries. */
final class StoreRoster implements Roster {
    static final String SIZE = "contacts";
    static final String SEQ = "contact-seq";

    private final Tenant tenant;
    private final Username owner;
    private final KeyValueStore<String, StoredUser> users;
    private final KeyValueStore<String, StoredContact> contacts;
    private final KeyValueStore<String, String> order;
    private final KeyValueStore<String, Long> counters;

    StoreRoster(Tenant tenant, Username owner, KeyValueStore<String, StoredUser> users,
                KeyValueStore<String, StoredContact> contacts, KeyValueStore<String, String> order,
                KeyValueStore<String, Long> counters) {
        this.tenant = tenant;
        this.owner = owner;
        this.users = users;
        this.contacts = contacts;
        this.order = order;
        this.counters = counters;
    }

    @Override
    public Optional<User> owner() {
        return Optional.ofNullable(users.get(Keys.userEntry(tenant, owner))).map(u -> CommandMapping.user(u.getUser()));
    }

    @Override
    public int size() {
        return (int) counter(SIZE);
    }

    @Override
    public Optional<Contact> contact(Username friend) {
        return Optional.ofNullable(contacts.get(Keys.contact(tenant, owner, friend))).map(c -> toContact(friend, c));
    }

    @Override
    public List<Contact> contacts() {
        var prefix = Keys.ownerPrefix(tenant, owner);
        var all = new ArrayList<Contact>();
        try (var it = contacts.prefixScan(prefix, Serdes.String().serializer())) {
            it.forEachRemaining(kv -> all.add(toContact(Username.of(kv.key.substring(prefix.length())), kv.value)));
        }
        return all;
    }

    @Override
    public void put(Contact contact) {
        var key = Keys.contact(tenant, owner, contact.friend());
        var previous = contacts.get(key);
        if (previous == null) {
            counters.put(Keys.counter(tenant, owner, SIZE), counter(SIZE) + 1);
        } else if (previous.getConfirmed()) {
            order.delete(Keys.order(tenant, owner, previous.getSeq()));
        }
        contacts.put(key, new StoredContact(contact.confirmed(), contact.seq(), contact.created(),
                contact.remark().orElse(null), contact.reservation().orElse(null)));
        if (contact.confirmed()) {
            order.put(Keys.order(tenant, owner, contact.seq()), contact.friend().value());
        }
    }

    @Override
    public void remove(Username friend) {
        var key = Keys.contact(tenant, owner, friend);
        var previous = contacts.delete(key);
        if (previous == null) {
            return;
        }
        if (previous.getConfirmed()) {
            order.delete(Keys.order(tenant, owner, previous.getSeq()));
        }
        counters.put(Keys.counter(tenant, owner, SIZE), counter(SIZE) - 1);
    }

    @Override
    public long nextSeq() {
        long next = counter(SEQ) + 1;
        counters.put(Keys.counter(tenant, owner, SEQ), next);
        return next;
    }

    private long counter(String name) {
        var value = counters.get(Keys.counter(tenant, owner, name));
        return value == null ? 0L : value;
    }

    private static Contact toContact(Username friend, StoredContact c) {
        return new Contact(friend, c.getConfirmed(), c.getSeq(), c.getCreated(), Optional.ofNullable(c.getRemark()),
                Optional.ofNullable(c.getReservation()));
    }
}
