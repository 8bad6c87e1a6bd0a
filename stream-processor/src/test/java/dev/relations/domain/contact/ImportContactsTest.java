package dev.relations.domain.contact;

import dev.relations.domain.common.Gather;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Reply.ContactReply;
import dev.relations.domain.common.Reply.ImportReply;
import dev.relations.domain.common.Username;
import dev.relations.domain.contact.ContactCommand.ConfirmContact;
import dev.relations.domain.contact.ContactCommand.ExpireImport;
import dev.relations.domain.contact.ContactCommand.ImportContacts;
import dev.relations.domain.contact.ContactCommand.ReleaseContact;
import dev.relations.domain.contact.ContactCommand.ReleaseReason;
import dev.relations.domain.contact.ContactCommand.RemoveContactPeer;
import dev.relations.domain.contact.ContactCommand.RemoveReason;
import dev.relations.domain.contact.ContactCommand.ReserveContactPeer;
import dev.relations.domain.contact.ContactEvent.ContactAdded;
import dev.relations.domain.contact.ContactEvent.ContactReserved;
import dev.relations.domain.contact.ContactEvent.ImportAnswered;
import dev.relations.domain.contact.ContactEvent.ImportAskedNext;
import dev.relations.domain.contact.ContactEvent.ImportExpired;
import dev.relations.domain.contact.ContactEvent.ImportFinished;
import dev.relations.domain.contact.ContactEvent.ImportStarted;
import dev.relations.domain.contact.ContactEvent.ReservationReleased;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.DAVE;
import static dev.relations.domain.common.Samples.NOW;
import static dev.relations.domain.common.Samples.user;
import static dev.relations.domain.contact.ContactScenario.befriended;
import static dev.relations.domain.contact.ContactScenario.friendsWithOthers;
import static dev.relations.domain.contact.ContactScenario.given;
import static dev.relations.domain.contact.ContactScenario.reserved;
import static org.assertj.core.api.Assertions.assertThat;

/** Alice imports contacts: a mutual add per target, answered once with Easemob's four buckets. */
class ImportContactsTest {
    private static final Username ERIN = Username.of("erin");
    private static final Username ILLEGAL = Username.of("no such!");

    @Test
    void importing_for_a_missing_owner_is_rejected_as_not_found() {
        given(InMemoryRoster.unregistered())
                .when(importing(BOB))
                .noEvents()
                .noFollowUps()
                .rejected(404, "service_resource_not_found", "Service resource not found");
    }

    @Test
    void importing_with_a_full_roster_is_rejected_before_any_target_is_looked_at() {
        given(InMemoryRoster.of(user(ALICE)), friendsWithOthers(ALICE, 2))
                .withLimit(2)
                .when(importing(BOB, CAROL))
                .noEvents()
                .noFollowUps()
                .rejected(403, "exceed_limit", "Inviter's contact max count.");
    }

    @Test
    void a_full_roster_is_rejected_even_when_every_target_is_already_a_friend() {
        given(InMemoryRoster.of(user(ALICE)), befriended(ALICE, BOB))
                .withLimit(1)
                .when(importing(BOB))
                .noEvents()
                .rejected(403, "exceed_limit", "Inviter's contact max count.");
    }

    @Test
    void importing_reserves_a_slot_per_new_target_and_asks_each_target() {
        var scenario = given(InMemoryRoster.of(user(ALICE)));

        scenario.when(importing(BOB, CAROL))
                .events(new ContactReserved(ALICE, BOB, "req-1", NOW),
                        new ContactReserved(ALICE, CAROL, "req-1", NOW),
                        new ImportStarted(ALICE, "req-1", List.of(BOB, CAROL), Map.of(), List.of(), true))
                .followUps(askFor(BOB, true), askFor(CAROL, true))
                .undecided();
        assertThat(scenario.roster().size()).isEqualTo(2);
        assertThat(scenario.roster().importing("req-1"))
                .contains(new ImportProgress(Gather.start("req-1", List.of(BOB, CAROL), Map.of(), List.of()), true));
    }

    @Test
    void the_notify_flag_travels_to_each_target() {
        given(InMemoryRoster.of(user(ALICE)))
                .when(new ImportContacts(ALICE, List.of(BOB), false))
                .followUps(askFor(BOB, false));
    }

    @Test
    void importing_oneself_is_answered_as_unknown_failed_without_asking() {
        given(InMemoryRoster.of(user(ALICE)))
                .when(importing(ALICE))
                .noEvents()
                .noFollowUps()
                .accepted(new ImportReply(List.of(), List.of(), List.of(), List.of(ALICE)));
    }

    @Test
    void an_illegal_username_is_answered_as_not_exist_failed_without_asking() {
        given(InMemoryRoster.of(user(ALICE)))
                .when(importing(ILLEGAL))
                .noEvents()
                .noFollowUps()
                .accepted(new ImportReply(List.of(), List.of(ILLEGAL), List.of(), List.of()));
    }

    @Test
    void an_existing_friend_is_answered_as_success_without_asking() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), befriended(ALICE, BOB));

        scenario.when(importing(BOB))
                .noEvents()
                .noFollowUps()
                .accepted(new ImportReply(List.of(BOB), List.of(), List.of(), List.of()));
        assertThat(scenario.roster().size()).isEqualTo(1);
    }

    @Test
    void targets_decided_at_once_are_recorded_while_the_others_are_asked() {
        given(InMemoryRoster.of(user(ALICE)), befriended(ALICE, CAROL))
                .when(importing(ALICE, BOB, CAROL, ILLEGAL))
                .events(new ContactReserved(ALICE, BOB, "req-1", NOW),
                        new ImportStarted(ALICE, "req-1", List.of(ALICE, BOB, CAROL, ILLEGAL), Map.of(
                                ALICE, ImportBucket.UNKNOWN, CAROL, ImportBucket.SUCCESS, ILLEGAL, ImportBucket.NOT_EXIST), List.of(), true))
                .followUps(askFor(BOB, true))
                .undecided();
    }

    @Test
    void a_target_whose_add_is_in_flight_is_asked_without_a_second_reservation() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), reserved(ALICE, BOB, "req-0"));

        scenario.when(importing(BOB))
                .events(new ImportStarted(ALICE, "req-1", List.of(BOB), Map.of(), List.of(), true))
                .followUps(askFor(BOB, true))
                .undecided();
        assertThat(scenario.roster().size()).isEqualTo(1);
        assertThat(scenario.roster().contact(BOB).flatMap(Contact::reservation)).contains("req-0");
    }

    @Test
    void a_target_named_twice_is_reserved_and_asked_once() {
        given(InMemoryRoster.of(user(ALICE)))
                .when(importing(BOB, BOB))
                .events(new ContactReserved(ALICE, BOB, "req-1", NOW),
                        new ImportStarted(ALICE, "req-1", List.of(BOB), Map.of(), List.of(), true))
                .followUps(askFor(BOB, true));
    }

    @Test
    void targets_beyond_the_owners_free_slots_wait_unasked() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), friendsWithOthers(ALICE, 1)).withLimit(2);

        scenario.when(importing(BOB, CAROL, DAVE))
                .events(new ContactReserved(ALICE, BOB, "req-1", NOW),
                        new ImportStarted(ALICE, "req-1", List.of(BOB, CAROL, DAVE), Map.of(), List.of(CAROL, DAVE), true))
                .followUps(askFor(BOB, true))
                .undecided();
        assertThat(scenario.roster().size()).isEqualTo(2);
    }

    @Test
    void targets_still_waiting_when_the_asked_ones_are_done_are_max_limit_failed() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), friendsWithOthers(ALICE, 1)).withLimit(2);
        scenario.when(importing(BOB, CAROL, DAVE));

        scenario.when(confirm(BOB))
                .events(new ContactAdded(ALICE, BOB, "import", true, NOW),
                        new ImportAnswered(ALICE, "req-1", BOB, ImportBucket.SUCCESS),
                        new ImportFinished(ALICE, "req-1"))
                .noFollowUps()
                .accepted(new ImportReply(List.of(BOB), List.of(), List.of(CAROL, DAVE), List.of()));
    }

    @Test
    void a_slot_freed_by_a_refused_target_goes_to_the_next_waiting_target() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), friendsWithOthers(ALICE, 1)).withLimit(2);
        scenario.when(importing(BOB, CAROL, DAVE));

        scenario.when(new ReleaseContact(ALICE, BOB, ReleaseReason.NOT_FOUND))
                .events(new ReservationReleased(ALICE, BOB),
                        new ImportAnswered(ALICE, "req-1", BOB, ImportBucket.NOT_EXIST),
                        new ImportAskedNext(ALICE, "req-1", CAROL),
                        new ContactReserved(ALICE, CAROL, "req-1", NOW))
                .followUps(askFor(CAROL, true))
                .undecided();
        assertThat(scenario.roster().size()).isEqualTo(2);
        assertThat(scenario.roster().importing("req-1").map(p -> p.gather().queued())).contains(List.of(DAVE));
    }

    // Bob's slot was reserved by another add (req-0), which Bob refused; Bob then accepted the import's ask.
    @Test
    void a_confirm_taking_a_free_slot_leaves_that_slot_out_of_what_the_waiting_targets_get() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), befriended(ALICE, CAROL), reserved(ALICE, BOB, "req-0"))
                .withLimit(3);
        scenario.when(importing(BOB, ERIN, DAVE));
        scenario.inRequest("req-0").when(new ReleaseContact(ALICE, BOB, ReleaseReason.FULL));

        scenario.inRequest("req-1").when(confirm(BOB))
                .events(new ContactAdded(ALICE, BOB, "import", true, NOW),
                        new ImportAnswered(ALICE, "req-1", BOB, ImportBucket.SUCCESS))
                .noFollowUps()
                .undecided();
        assertThat(scenario.roster().size()).isEqualTo(3);
    }

    @Test
    void a_confirm_in_the_import_makes_the_friendship_and_waits_for_the_other_targets() {
        var scenario = given(InMemoryRoster.of(user(ALICE))).and(startedFor(BOB, CAROL));

        scenario.when(confirm(BOB))
                .events(new ContactAdded(ALICE, BOB, "import", true, NOW),
                        new ImportAnswered(ALICE, "req-1", BOB, ImportBucket.SUCCESS))
                .noFollowUps()
                .undecided();
        assertThat(scenario.roster().contact(BOB).map(Contact::confirmed)).contains(true);
        assertThat(scenario.roster().importing("req-1").map(p -> p.gather().answers()))
                .contains(Map.of(BOB, ImportBucket.SUCCESS));
    }

    @Test
    void a_release_for_a_missing_target_gives_the_slot_back_and_records_not_exist_failed() {
        var scenario = given(InMemoryRoster.of(user(ALICE))).and(startedFor(BOB, CAROL));

        scenario.when(new ReleaseContact(ALICE, BOB, ReleaseReason.NOT_FOUND))
                .events(new ReservationReleased(ALICE, BOB),
                        new ImportAnswered(ALICE, "req-1", BOB, ImportBucket.NOT_EXIST))
                .noFollowUps()
                .undecided();
        assertThat(scenario.roster().size()).isEqualTo(1);
    }

    @Test
    void a_release_for_a_full_target_gives_the_slot_back_and_records_max_limit_failed() {
        var scenario = given(InMemoryRoster.of(user(ALICE))).and(startedFor(BOB, CAROL));

        scenario.when(new ReleaseContact(ALICE, BOB, ReleaseReason.FULL))
                .events(new ReservationReleased(ALICE, BOB),
                        new ImportAnswered(ALICE, "req-1", BOB, ImportBucket.MAX_LIMIT))
                .noFollowUps()
                .undecided();
    }

    @Test
    void the_last_answer_finishes_the_import_with_all_four_buckets_in_request_order() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), friendsWithOthers(ALICE, 1)).withLimit(4);
        scenario.when(importing(CAROL, ALICE, BOB, ILLEGAL, DAVE, ERIN));
        scenario.when(new ReleaseContact(ALICE, DAVE, ReleaseReason.FULL));
        scenario.when(confirm(BOB));
        scenario.when(new ReleaseContact(ALICE, ERIN, ReleaseReason.FULL));

        scenario.when(new ReleaseContact(ALICE, CAROL, ReleaseReason.NOT_FOUND))
                .events(new ReservationReleased(ALICE, CAROL),
                        new ImportAnswered(ALICE, "req-1", CAROL, ImportBucket.NOT_EXIST),
                        new ImportFinished(ALICE, "req-1"))
                .noFollowUps()
                .accepted(new ImportReply(List.of(BOB), List.of(CAROL, ILLEGAL), List.of(DAVE, ERIN), List.of(ALICE)));
        assertThat(scenario.roster().importing("req-1")).isEmpty();
        assertThat(scenario.roster().size()).isEqualTo(2);
    }

    @Test
    void a_second_answer_from_the_same_target_changes_nothing() {
        var scenario = given(InMemoryRoster.of(user(ALICE))).and(startedFor(BOB, CAROL));
        scenario.when(confirm(BOB));

        scenario.when(confirm(BOB))
                .noEvents()
                .noFollowUps()
                .undecided();
        assertThat(scenario.roster().importing("req-1").map(p -> p.gather().answers()))
                .contains(Map.of(BOB, ImportBucket.SUCCESS));
    }

    @Test
    void an_add_of_another_request_is_answered_on_its_own_and_leaves_the_import_waiting() {
        var scenario = given(InMemoryRoster.of(user(ALICE))).and(startedFor(BOB, CAROL));

        scenario.inRequest("req-2")
                .when(new ConfirmContact(ALICE, BOB, user(BOB), "rest", true))
                .events(new ContactAdded(ALICE, BOB, "rest", true, NOW))
                .accepted(new ContactReply(user(ALICE), user(BOB)));
        assertThat(scenario.roster().importing("req-1").map(p -> p.gather().answers())).contains(Map.of());
    }

    @Test
    void a_confirm_whose_reservation_was_released_takes_a_free_slot_and_counts_as_success() {
        var scenario = given(InMemoryRoster.of(user(ALICE)),
                new ImportStarted(ALICE, "req-1", List.of(BOB), Map.of(), List.of(), true));

        scenario.when(confirm(BOB))
                .events(new ContactAdded(ALICE, BOB, "import", true, NOW),
                        new ImportAnswered(ALICE, "req-1", BOB, ImportBucket.SUCCESS),
                        new ImportFinished(ALICE, "req-1"))
                .noFollowUps()
                .accepted(new ImportReply(List.of(BOB), List.of(), List.of(), List.of()));
        assertThat(scenario.roster().size()).isEqualTo(1);
    }

    @Test
    void a_confirm_whose_reservation_was_released_with_no_slot_left_rolls_back_and_counts_as_max_limit_failed() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), befriended(ALICE, CAROL),
                new ImportStarted(ALICE, "req-1", List.of(BOB), Map.of(), List.of(), true)).withLimit(1);

        scenario.when(confirm(BOB))
                .events(new ImportAnswered(ALICE, "req-1", BOB, ImportBucket.MAX_LIMIT),
                        new ImportFinished(ALICE, "req-1"))
                .followUps(new FollowUp<>(BOB, new RemoveContactPeer(ALICE, BOB, RemoveReason.ROLLBACK)))
                .accepted(new ImportReply(List.of(), List.of(), List.of(BOB), List.of()));
        assertThat(scenario.roster().contact(BOB)).isEmpty();
        assertThat(scenario.roster().importing("req-1")).isEmpty();
    }

    @Test
    void the_rollback_of_an_import_without_notice_tells_the_target_nothing_either() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), befriended(ALICE, CAROL),
                new ImportStarted(ALICE, "req-1", List.of(BOB), Map.of(), List.of(), false)).withLimit(1);

        scenario.when(new ConfirmContact(ALICE, BOB, user(BOB), "import", false))
                .events(new ImportAnswered(ALICE, "req-1", BOB, ImportBucket.MAX_LIMIT),
                        new ImportFinished(ALICE, "req-1"))
                .followUps(new FollowUp<>(BOB, new RemoveContactPeer(ALICE, BOB, RemoveReason.ROLLBACK, false)))
                .accepted(new ImportReply(List.of(), List.of(), List.of(BOB), List.of()));
    }

    @Test
    void finishing_an_import_forgets_its_progress() {
        var roster = InMemoryRoster.of(user(ALICE));

        ContactDecider.evolve(roster, new ImportStarted(ALICE, "req-1", List.of(BOB), Map.of(), List.of(), true));
        ContactDecider.evolve(roster, new ImportAnswered(ALICE, "req-1", BOB, ImportBucket.SUCCESS));
        ContactDecider.evolve(roster, new ImportFinished(ALICE, "req-1"));

        assertThat(roster.importing("req-1")).isEmpty();
    }

    @Test
    void at_the_deadline_silent_targets_give_their_slots_back_and_are_unknown_and_waiting_ones_max_limit() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), friendsWithOthers(ALICE, 1)).withLimit(3);
        scenario.when(importing(BOB, CAROL, DAVE));
        scenario.when(confirm(BOB));

        scenario.when(new ExpireImport(ALICE))
                .events(new ReservationReleased(ALICE, CAROL),
                        new ImportExpired(ALICE, "req-1"),
                        new ImportFinished(ALICE, "req-1"))
                .noFollowUps()
                .accepted(new ImportReply(List.of(BOB), List.of(), List.of(DAVE), List.of(CAROL)));
        assertThat(scenario.roster().size()).isEqualTo(2);
        assertThat(scenario.roster().importing("req-1").map(p -> p.gather().overdue())).contains(Set.of(CAROL));
    }

    @Test
    void an_import_answered_before_its_deadline_is_left_alone() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), startedFor(BOB));
        scenario.when(confirm(BOB));

        scenario.when(new ExpireImport(ALICE)).noEvents().noFollowUps().undecided();
    }

    @Test
    void a_late_confirm_changes_nothing_answers_nothing_and_rolls_the_friends_side_back() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), startedFor(BOB, CAROL));
        scenario.when(confirm(CAROL));
        scenario.when(new ExpireImport(ALICE));

        scenario.when(confirm(BOB))
                .events(new ImportAnswered(ALICE, "req-1", BOB, ImportBucket.UNKNOWN))
                .followUps(new FollowUp<>(BOB, new RemoveContactPeer(ALICE, BOB, RemoveReason.ROLLBACK)))
                .undecided();
        assertThat(scenario.roster().contact(BOB)).isEmpty();
        assertThat(scenario.roster().size()).isEqualTo(1);
        assertThat(scenario.roster().importing("req-1")).as("kept no longer").isEmpty();
    }

    @Test
    void a_late_refusal_changes_nothing_and_answers_nothing() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), startedFor(BOB));
        scenario.when(new ExpireImport(ALICE));

        scenario.when(new ReleaseContact(ALICE, BOB, ReleaseReason.FULL))
                .events(new ImportAnswered(ALICE, "req-1", BOB, ImportBucket.UNKNOWN))
                .noFollowUps()
                .undecided();
        assertThat(scenario.roster().size()).isZero();
    }

    @Test
    void a_late_confirm_leaves_the_friends_side_alone_when_the_owner_added_the_friend_again() {
        var scenario = given(InMemoryRoster.of(user(ALICE)), startedFor(BOB));
        scenario.when(new ExpireImport(ALICE));
        scenario.and(befriended(ALICE, BOB));

        scenario.when(confirm(BOB))
                .events(new ImportAnswered(ALICE, "req-1", BOB, ImportBucket.UNKNOWN))
                .noFollowUps()
                .undecided();
    }

    private static ImportContacts importing(Username... targets) {
        return new ImportContacts(ALICE, List.of(targets), true);
    }

    private static FollowUp<ContactCommand> askFor(Username target, boolean notice) {
        return new FollowUp<>(target, new ReserveContactPeer(ALICE, target, "import", notice));
    }

    private static ConfirmContact confirm(Username target) {
        return new ConfirmContact(ALICE, target, user(target), "import", true);
    }

    /** The history of an import of {@code targets} in req-1 that reserved a slot for each and asked them all. */
    private static ContactEvent[] startedFor(Username... targets) {
        var history = new ContactEvent[targets.length + 1];
        for (int i = 0; i < targets.length; i++) {
            history[i] = reserved(ALICE, targets[i], "req-1");
        }
        history[targets.length] = new ImportStarted(ALICE, "req-1", List.of(targets), Map.of(), List.of(), true);
        return history;
    }
}
