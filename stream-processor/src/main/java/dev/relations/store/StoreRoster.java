package dev.relations.store;

import dev.relations.domain.common.Gather;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.User;
import dev.relations.domain.common.Username;
import dev.relations.domain.contact.Contact;
import dev.relations.domain.contact.ImportBucket;
import dev.relations.domain.contact.ImportProgress;
import dev.relations.domain.contact.Roster;
import dev.relations.mapping.CommandMapping;
import dev.relations.schemas.StoredBatch;
import dev.relations.schemas.StoredContact;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One owner's roster over the state stores: every operation touches a fixed number of entries. */
public final class StoreRoster implements Roster {
    public static final String SIZE = "contacts";
    static final String SEQ = "contact-seq";
    static final String IMPORT = "IMPORT";

    private final Tenant tenant;
    private final Username owner;
    private final UserStores stores;
    /** The owner's key prefix, computed once per step. */
    private final String prefix;
    private final OrderedEdges<StoredContact> edges;

    public StoreRoster(Tenant tenant, Username owner, UserStores stores) {
        this.tenant = tenant;
        this.owner = owner;
        this.stores = stores;
        this.prefix = Keys.ownerPrefix(tenant, owner);
        this.edges = new OrderedEdges<>(stores.contacts, stores.contactOrder, stores.counted, SIZE,
                StoredContact::getConfirmed, StoredContact::getSeq);
    }

    @Override
    public Optional<User> owner() {
        return stores.user(tenant, owner);
    }

    @Override
    public int size() {
        return edges.size(prefix);
    }

    @Override
    public Optional<Contact> contact(Username friend) {
        return Optional.ofNullable(edges.get(prefix, friend.value())).map(c -> toContact(friend, c));
    }

    @Override
    public List<Contact> contacts() {
        return UserStores.scan(stores.contacts, tenant, owner, StoreRoster::toContact);
    }

    @Override
    public void put(Contact contact) {
        edges.put(prefix, contact.friend().value(), new StoredContact(contact.confirmed(), contact.seq(), contact.created(),
                contact.remark().orElse(null), contact.reservation().orElse(null)));
    }

    @Override
    public void remove(Username friend) {
        edges.remove(prefix, friend.value());
    }

    @Override
    public Optional<ImportProgress> importing(String requestId) {
        return Optional.ofNullable(stores.batches.get(Keys.batch(tenant, owner, requestId)))
                .filter(b -> IMPORT.equals(b.getKind()))
                .map(b -> {
                    Map<Username, ImportBucket> answers = new HashMap<>();
                    b.getAnswers().forEach((target, bucket) -> answers.put(Username.of(target), ImportBucket.ofJsonName(bucket)));
                    // For an import, `awaiting` holds the targets not asked yet (queued for a free slot).
                    return new ImportProgress(new Gather<>(requestId, CommandMapping.names(b.getTargets()), answers,
                            CommandMapping.names(b.getAwaiting()), new HashSet<>(CommandMapping.names(b.getOverdue()))),
                            b.getNotify());
                });
    }

    @Override
    public void putImport(ImportProgress progress) {
        var gather = progress.gather();
        var answers = new HashMap<String, String>();
        gather.answers().forEach((target, bucket) -> answers.put(target.value(), bucket.jsonName()));
        stores.batches.put(Keys.batch(tenant, owner, progress.requestId()), new StoredBatch(IMPORT,
                CommandMapping.values(gather.targets()), CommandMapping.values(gather.queued()), answers, progress.notice(),
                CommandMapping.values(List.copyOf(gather.overdue()))));
    }

    @Override
    public void removeImport(String requestId) {
        stores.batches.delete(Keys.batch(tenant, owner, requestId));
    }

    @Override
    public long nextSeq() {
        return stores.nextSeq(tenant, owner, SEQ);
    }

    private static Contact toContact(Username friend, StoredContact c) {
        return new Contact(friend, c.getConfirmed(), c.getSeq(), c.getCreated(), Optional.ofNullable(c.getRemark()),
                Optional.ofNullable(c.getReservation()));
    }
}
