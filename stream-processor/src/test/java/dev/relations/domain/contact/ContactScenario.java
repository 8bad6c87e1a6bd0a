package dev.relations.domain.contact;

import dev.relations.domain.common.Samples;
import dev.relations.domain.common.Then;
import dev.relations.domain.common.Username;
import dev.relations.domain.contact.ContactEvent.ContactAdded;
import dev.relations.domain.contact.ContactEvent.ContactReserved;

import java.util.stream.IntStream;

import static dev.relations.domain.common.Samples.NOW;

/** Given a roster and its history, when a command is decided, then its decision (folded into the roster). */
final class ContactScenario {
    static final int DEFAULT_LIMIT = 100;

    private final InMemoryRoster roster;
    private RosterLimits limits = new RosterLimits(DEFAULT_LIMIT);
    private String requestId = "req-1";

    private ContactScenario(InMemoryRoster roster) {
        this.roster = roster;
    }

    static ContactScenario given(InMemoryRoster roster, ContactEvent... history) {
        return new ContactScenario(roster).and(history);
    }

    ContactScenario and(ContactEvent... history) {
        for (var event : history) {
            ContactDecider.evolve(roster, event);
        }
        return this;
    }

    ContactScenario withLimit(int maxContacts) {
        limits = new RosterLimits(maxContacts);
        return this;
    }

    /** The request the command belongs to; every step of one chain carries the same id. */
    ContactScenario inRequest(String requestId) {
        this.requestId = requestId;
        return this;
    }

    Then<ContactEvent, ContactCommand> when(ContactCommand command) {
        var decision = ContactDecider.decide(command, Samples.request(requestId), roster, limits);
        decision.events().forEach(event -> ContactDecider.evolve(roster, event));
        return new Then<>(decision);
    }

    InMemoryRoster roster() {
        return roster;
    }

    static ContactEvent befriended(Username owner, Username friend) {
        return new ContactAdded(owner, friend, "rest", true, NOW);
    }

    static ContactEvent reserved(Username owner, Username friend, String requestId) {
        return new ContactReserved(owner, friend, requestId, NOW);
    }

    /** Confirmed friendships with {@code count} users outside the test's cast. */
    static ContactEvent[] friendsWithOthers(Username owner, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> befriended(owner, Username.of("other" + i)))
                .toArray(ContactEvent[]::new);
    }
}
