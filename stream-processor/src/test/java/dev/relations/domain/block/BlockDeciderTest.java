package dev.relations.domain.block;

import dev.relations.domain.block.BlockCommand.BlockUsers;
import dev.relations.domain.block.BlockCommand.BlockerAnswer;
import dev.relations.domain.block.BlockCommand.ExpireBlocks;
import dev.relations.domain.block.BlockCommand.DropBlocks;
import dev.relations.domain.block.BlockCommand.RegisterBlocker;
import dev.relations.domain.block.BlockCommand.RemoveBlockPeer;
import dev.relations.domain.block.BlockCommand.UnblockAnswer;
import dev.relations.domain.block.BlockCommand.UnblockUser;
import dev.relations.domain.block.BlockCommand.UnregisterBlocker;
import dev.relations.domain.block.BlockEvent.BlockerAnswered;
import dev.relations.domain.block.BlockEvent.BlockerRegistered;
import dev.relations.domain.block.BlockEvent.BlockerUnregistered;
import dev.relations.domain.block.BlockEvent.BlocksExpired;
import dev.relations.domain.block.BlockEvent.BlocksReleased;
import dev.relations.domain.block.BlockEvent.BlocksReserved;
import dev.relations.domain.block.BlockEvent.UnblockReason;
import dev.relations.domain.block.BlockEvent.UserUnblocked;
import dev.relations.domain.block.BlockEvent.UsersBlocked;
import dev.relations.domain.common.Gather;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Reply.ContactReply;
import dev.relations.domain.common.Reply.NamesReply;
import dev.relations.domain.common.Username;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

import static dev.relations.domain.block.BlockScenario.blocked;
import static dev.relations.domain.block.BlockScenario.blockingOthers;
import static dev.relations.domain.block.BlockScenario.given;
import static dev.relations.domain.block.BlockScenario.reserving;
import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.DAVE;
import static dev.relations.domain.common.Samples.NOW;
import static dev.relations.domain.common.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;

/** Alice's blocklist, and the steps a block or unblock runs at the blocked users. */
class BlockDeciderTest {

    private static BlockUsers aliceBlocks(Username... targets) {
        return new BlockUsers(ALICE, List.of(targets));
    }

    private static FollowUp<BlockCommand> register(Username target) {
        return new FollowUp<>(target, new RegisterBlocker(ALICE, target));
    }

    private static FollowUp<BlockCommand> undo(Username target) {
        return new FollowUp<>(target, new UnregisterBlocker(ALICE, target, false));
    }

    private static BlockerAnswer exists(Username target) {
        return new BlockerAnswer(ALICE, target, Optional.of(user(target)));
    }

    private static BlockerAnswer missing(Username target) {
        return new BlockerAnswer(ALICE, target, Optional.empty());
    }

    @Nested
    class Blocking {

        @Test
        void blocking_reserves_the_new_edges_and_asks_each_target_to_record_the_blocker() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)));

            scenario.when(aliceBlocks(BOB, CAROL))
                    .events(new BlocksReserved(ALICE, "req-1", List.of(BOB, CAROL), List.of(BOB, CAROL), NOW))
                    .followUps(register(BOB), register(CAROL))
                    .undecided();
            assertThat(scenario.list().size()).isEqualTo(2);
        }

        @Test
        void blocking_for_a_missing_owner_is_rejected_as_not_found() {
            given(InMemoryBlocklist.unregistered())
                    .when(aliceBlocks(BOB))
                    .noEvents()
                    .noFollowUps()
                    .rejected(404, "service_resource_not_found", "Service resource not found");
        }

        @Test
        void blocking_nobody_is_rejected_as_an_illegal_argument() {
            given(InMemoryBlocklist.of(user(ALICE)))
                    .when(aliceBlocks())
                    .noEvents()
                    .noFollowUps()
                    .rejected(400, "illegal_argument", "usernames must be provided");
        }

        @Test
        void blocking_oneself_among_others_is_rejected_as_an_illegal_argument() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)));

            scenario.when(aliceBlocks(BOB, ALICE))
                    .noEvents()
                    .noFollowUps()
                    .rejected(400, "illegal_argument", "user could not block himself");
            assertThat(scenario.list().size()).isZero();
        }

        @Test
        void blocking_past_the_limit_is_rejected_as_exceeding_it() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)), blockingOthers(ALICE, 2)).withLimit(3);

            scenario.when(aliceBlocks(BOB, CAROL))
                    .noEvents()
                    .noFollowUps()
                    .rejected(403, "exceed_limit", "user block number exceed limit");
            assertThat(scenario.list().size()).isEqualTo(2);
        }

        @Test
        void blocking_up_to_exactly_the_limit_is_allowed() {
            given(InMemoryBlocklist.of(user(ALICE)), blockingOthers(ALICE, 2))
                    .withLimit(3)
                    .when(aliceBlocks(BOB))
                    .events(new BlocksReserved(ALICE, "req-1", List.of(BOB), List.of(BOB), NOW))
                    .followUps(register(BOB));
        }

        @Test
        void already_blocked_targets_are_named_but_neither_counted_nor_asked_again() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)), blocked(ALICE, "req-0", BOB)).withLimit(2);

            scenario.when(aliceBlocks(BOB, CAROL))
                    .events(new BlocksReserved(ALICE, "req-1", List.of(BOB, CAROL), List.of(CAROL), NOW))
                    .followUps(register(CAROL))
                    .undecided();
            assertThat(scenario.list().size()).isEqualTo(2);
        }

        @Test
        void edges_still_waiting_for_their_batch_count_against_the_limit() {
            given(InMemoryBlocklist.of(user(ALICE)), reserving(ALICE, "req-0", BOB))
                    .withLimit(1)
                    .when(aliceBlocks(CAROL))
                    .noEvents()
                    .rejected(403, "exceed_limit", "user block number exceed limit");
        }

        @Test
        void blocking_only_users_already_blocked_answers_at_once_with_their_names() {
            given(InMemoryBlocklist.of(user(ALICE)), blocked(ALICE, "req-0", BOB, CAROL))
                    .when(aliceBlocks(CAROL, BOB))
                    .noEvents()
                    .noFollowUps()
                    .accepted(new NamesReply(List.of(CAROL, BOB)));
        }

        @Test
        void a_target_named_twice_is_reserved_and_asked_once() {
            given(InMemoryBlocklist.of(user(ALICE)))
                    .when(aliceBlocks(BOB, BOB))
                    .events(new BlocksReserved(ALICE, "req-1", List.of(BOB), List.of(BOB), NOW))
                    .followUps(register(BOB));
        }
    }

    @Nested
    class RegisteringTheBlocker {
        private final RegisterBlocker aliceBlocksBob = new RegisterBlocker(ALICE, BOB);
        private final FollowUp<BlockCommand> bobExists =
                new FollowUp<>(ALICE, new BlockerAnswer(ALICE, BOB, Optional.of(user(BOB))));

        @Test
        void a_registered_target_records_the_blocker_and_answers_with_its_entity() {
            var scenario = given(InMemoryBlocklist.of(user(BOB)));

            scenario.when(aliceBlocksBob)
                    .events(new BlockerRegistered(BOB, ALICE))
                    .followUps(bobExists)
                    .undecided();
            assertThat(scenario.list().blockers()).containsExactly(ALICE);
        }

        @Test
        void a_target_already_recording_the_blocker_answers_without_recording_it_again() {
            given(InMemoryBlocklist.of(user(BOB)), new BlockerRegistered(BOB, ALICE))
                    .when(aliceBlocksBob)
                    .noEvents()
                    .followUps(bobExists)
                    .undecided();
        }

        @Test
        void a_missing_target_answers_that_it_does_not_exist() {
            given(InMemoryBlocklist.unregistered())
                    .when(aliceBlocksBob)
                    .noEvents()
                    .followUps(new FollowUp<>(ALICE, new BlockerAnswer(ALICE, BOB, Optional.empty())))
                    .undecided();
        }
    }

    @Nested
    class Answering {

        @Test
        void an_answer_before_the_last_is_recorded_and_the_batch_keeps_waiting() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)), reserving(ALICE, "req-1", BOB, CAROL));

            scenario.when(exists(BOB))
                    .events(new BlockerAnswered(ALICE, "req-1", BOB, true))
                    .noFollowUps()
                    .undecided();
            assertThat(scenario.list().batch("req-1").map(b -> b.gather().awaiting())).contains(List.of(CAROL));
        }

        @Test
        void the_last_answer_confirms_the_new_edges_and_answers_every_named_target() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)), blocked(ALICE, "req-0", DAVE))
                    .and(new BlocksReserved(ALICE, "req-1", List.of(DAVE, BOB, CAROL), List.of(BOB, CAROL), NOW),
                            new BlockerAnswered(ALICE, "req-1", BOB, true));

            scenario.when(exists(CAROL))
                    .events(new BlockerAnswered(ALICE, "req-1", CAROL, true),
                            new UsersBlocked(ALICE, "req-1", List.of(DAVE, BOB, CAROL), List.of(BOB, CAROL)))
                    .noFollowUps()
                    .accepted(new NamesReply(List.of(DAVE, BOB, CAROL)));
            assertThat(scenario.list().blocks()).allMatch(Block::confirmed).hasSize(3);
            assertThat(scenario.list().batch("req-1")).isEmpty();
        }

        @Test
        void a_missing_last_target_fails_the_whole_batch_and_undoes_the_others_registrations() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)), reserving(ALICE, "req-1", BOB, CAROL),
                    new BlockerAnswered(ALICE, "req-1", BOB, true));

            scenario.when(missing(CAROL))
                    .events(new BlockerAnswered(ALICE, "req-1", CAROL, false),
                            new BlocksReleased(ALICE, "req-1", List.of(BOB, CAROL)))
                    .followUps(undo(BOB))
                    .rejected(404, "service_resource_not_found", "Service resource not found");
            assertThat(scenario.list().size()).isZero();
            assertThat(scenario.list().batch("req-1")).isEmpty();
        }

        @Test
        void a_missing_early_target_fails_the_batch_when_the_last_answer_arrives() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)), reserving(ALICE, "req-1", BOB, CAROL));
            scenario.when(missing(BOB)).undecided();

            scenario.when(exists(CAROL))
                    .events(new BlockerAnswered(ALICE, "req-1", CAROL, true),
                            new BlocksReleased(ALICE, "req-1", List.of(BOB, CAROL)))
                    .followUps(undo(CAROL))
                    .rejected(404, "service_resource_not_found", "Service resource not found");
            assertThat(scenario.list().size()).isZero();
        }

        @Test
        void a_failed_batch_keeps_the_blocks_that_were_there_before_it() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)), blocked(ALICE, "req-0", DAVE))
                    .and(new BlocksReserved(ALICE, "req-1", List.of(DAVE, BOB), List.of(BOB), NOW));

            scenario.when(missing(BOB))
                    .events(new BlockerAnswered(ALICE, "req-1", BOB, false),
                            new BlocksReleased(ALICE, "req-1", List.of(BOB)))
                    .noFollowUps()
                    .rejected(404, "service_resource_not_found", "Service resource not found");
            assertThat(scenario.list().blocks()).extracting(Block::target).containsExactly(DAVE);
        }

        @Test
        void a_batch_whose_owner_was_deleted_meanwhile_fails_as_not_found() {
            given(InMemoryBlocklist.unregistered(), reserving(ALICE, "req-1", BOB))
                    .when(exists(BOB))
                    .events(new BlockerAnswered(ALICE, "req-1", BOB, true),
                            new BlocksReleased(ALICE, "req-1", List.of(BOB)))
                    .followUps(undo(BOB))
                    .rejected(404, "service_resource_not_found", "Service resource not found");
        }

        @Test
        void an_answer_in_a_request_without_a_batch_changes_nothing() {
            given(InMemoryBlocklist.of(user(ALICE)), reserving(ALICE, "req-1", BOB))
                    .inRequest("req-2")
                    .when(exists(BOB))
                    .noEvents()
                    .noFollowUps()
                    .undecided();
        }

        @Test
        void a_second_answer_from_the_same_target_changes_nothing() {
            given(InMemoryBlocklist.of(user(ALICE)), reserving(ALICE, "req-1", BOB, CAROL),
                    new BlockerAnswered(ALICE, "req-1", BOB, true))
                    .when(missing(BOB))
                    .noEvents()
                    .noFollowUps()
                    .undecided();
        }

        @Test
        void at_the_deadline_a_silent_target_fails_the_whole_batch_and_every_registration_is_undone() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)), reserving(ALICE, "req-1", BOB, CAROL),
                    new BlockerAnswered(ALICE, "req-1", BOB, true));

            scenario.when(new ExpireBlocks(ALICE))
                    .events(new BlocksExpired(ALICE, "req-1"),
                            new BlocksReleased(ALICE, "req-1", List.of(BOB, CAROL)))
                    .followUps(undo(BOB), undo(CAROL))
                    .rejected(500, "internal_server_error", "Internal server error");
            assertThat(scenario.list().size()).isZero();
            assertThat(scenario.list().batch("req-1").map(b -> b.gather().overdue())).contains(Set.of(CAROL));
        }

        @Test
        void a_batch_answered_before_its_deadline_is_left_alone() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)), blocked(ALICE, "req-1", BOB));

            scenario.when(new ExpireBlocks(ALICE)).noEvents().noFollowUps().undecided();
        }

        @Test
        void a_late_answer_answers_nothing_and_the_target_forgets_the_blocker() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)), reserving(ALICE, "req-1", BOB));
            scenario.when(new ExpireBlocks(ALICE));

            scenario.when(exists(BOB))
                    .events(new BlockerAnswered(ALICE, "req-1", BOB, true))
                    .followUps(undo(BOB))
                    .undecided();
            assertThat(scenario.list().size()).isZero();
            assertThat(scenario.list().batch("req-1")).as("kept no longer").isEmpty();
        }

        @Test
        void a_late_answer_leaves_the_blocker_registered_when_the_owner_blocks_the_target_again() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)), reserving(ALICE, "req-1", BOB));
            scenario.when(new ExpireBlocks(ALICE));
            scenario.and(blocked(ALICE, "req-2", BOB));

            scenario.when(exists(BOB))
                    .events(new BlockerAnswered(ALICE, "req-1", BOB, true))
                    .noFollowUps()
                    .undecided();
            assertThat(scenario.list().block(BOB).map(Block::confirmed)).contains(true);
        }
    }

    @Nested
    class Unblocking {

        @Test
        void unblocking_removes_the_edge_and_asks_the_target_to_forget_the_blocker() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)), blocked(ALICE, "req-0", BOB));

            scenario.when(new UnblockUser(ALICE, BOB))
                    .events(new UserUnblocked(ALICE, BOB, UnblockReason.REST))
                    .followUps(new FollowUp<>(BOB, new UnregisterBlocker(ALICE, BOB, true)))
                    .undecided();
            assertThat(scenario.list().size()).isZero();
        }

        @Test
        void unblocking_for_a_missing_owner_is_rejected_as_not_found() {
            given(InMemoryBlocklist.unregistered())
                    .when(new UnblockUser(ALICE, BOB))
                    .noEvents()
                    .noFollowUps()
                    .rejected(404, "service_resource_not_found", "Service resource not found");
        }

        @Test
        void unblocking_a_user_not_blocked_still_asks_the_target_so_that_its_existence_decides_the_answer() {
            given(InMemoryBlocklist.of(user(ALICE)))
                    .when(new UnblockUser(ALICE, BOB))
                    .noEvents()
                    .followUps(new FollowUp<>(BOB, new UnregisterBlocker(ALICE, BOB, true)))
                    .undecided();
        }

        @Test
        void the_target_forgets_the_blocker_and_answers_the_unblock_with_its_entity() {
            var scenario = given(InMemoryBlocklist.of(user(BOB)), new BlockerRegistered(BOB, ALICE));

            scenario.when(new UnregisterBlocker(ALICE, BOB, true))
                    .events(new BlockerUnregistered(BOB, ALICE))
                    .followUps(new FollowUp<>(ALICE, new UnblockAnswer(ALICE, BOB, Optional.of(user(BOB)))))
                    .undecided();
            assertThat(scenario.list().blockers()).isEmpty();
        }

        @Test
        void a_target_not_recording_the_blocker_still_answers_the_unblock() {
            given(InMemoryBlocklist.of(user(BOB)))
                    .when(new UnregisterBlocker(ALICE, BOB, true))
                    .noEvents()
                    .followUps(new FollowUp<>(ALICE, new UnblockAnswer(ALICE, BOB, Optional.of(user(BOB)))));
        }

        @Test
        void a_missing_target_answers_the_unblock_that_it_does_not_exist() {
            given(InMemoryBlocklist.unregistered())
                    .when(new UnregisterBlocker(ALICE, BOB, true))
                    .noEvents()
                    .followUps(new FollowUp<>(ALICE, new UnblockAnswer(ALICE, BOB, Optional.empty())));
        }

        @Test
        void undoing_a_failed_batch_forgets_the_blocker_without_answering() {
            var scenario = given(InMemoryBlocklist.of(user(BOB)), new BlockerRegistered(BOB, ALICE));

            scenario.when(new UnregisterBlocker(ALICE, BOB, false))
                    .events(new BlockerUnregistered(BOB, ALICE))
                    .noFollowUps()
                    .undecided();
            assertThat(scenario.list().blockers()).isEmpty();
        }

        @Test
        void the_answer_of_an_existing_target_accepts_with_its_entity() {
            given(InMemoryBlocklist.of(user(ALICE)))
                    .when(new UnblockAnswer(ALICE, BOB, Optional.of(user(BOB))))
                    .noEvents()
                    .noFollowUps()
                    .accepted(new ContactReply(user(ALICE), user(BOB)));
        }

        @Test
        void the_answer_of_a_missing_target_is_rejected_as_not_found() {
            given(InMemoryBlocklist.of(user(ALICE)))
                    .when(new UnblockAnswer(ALICE, BOB, Optional.empty()))
                    .noEvents()
                    .rejected(404, "service_resource_not_found", "Service resource not found");
        }

        @Test
        void the_answer_for_an_owner_deleted_meanwhile_is_rejected_as_not_found() {
            given(InMemoryBlocklist.unregistered())
                    .when(new UnblockAnswer(ALICE, BOB, Optional.of(user(BOB))))
                    .noEvents()
                    .rejected(404, "service_resource_not_found", "Service resource not found");
        }
    }

    @Nested
    class Deleting {

        @Test
        void a_deleted_target_leaves_the_blockers_list_without_anyone_being_answered() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)), blocked(ALICE, "req-0", BOB, CAROL));

            scenario.when(new RemoveBlockPeer(ALICE, BOB))
                    .events(new UserUnblocked(ALICE, BOB, UnblockReason.USER_DELETED))
                    .noFollowUps()
                    .undecided();
            assertThat(scenario.list().blocks()).extracting(Block::target).containsExactly(CAROL);
            assertThat(scenario.list().size()).isEqualTo(1);
        }

        @Test
        void a_target_deleted_while_its_batch_waits_is_not_among_the_edges_the_batch_confirms() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)), reserving(ALICE, "req-1", BOB, CAROL))
                    .and(new BlockerAnswered(ALICE, "req-1", BOB, true));
            scenario.when(new RemoveBlockPeer(ALICE, BOB))
                    .events(new UserUnblocked(ALICE, BOB, UnblockReason.USER_DELETED));

            scenario.when(exists(CAROL))
                    .events(new BlockerAnswered(ALICE, "req-1", CAROL, true),
                            new UsersBlocked(ALICE, "req-1", List.of(BOB, CAROL), List.of(CAROL)))
                    .accepted(new NamesReply(List.of(BOB, CAROL)));
            assertThat(scenario.list().blocks()).extracting(Block::target).containsExactly(CAROL);
        }

        @Test
        void a_deleted_user_that_was_never_blocked_changes_nothing() {
            given(InMemoryBlocklist.of(user(ALICE)))
                    .when(new RemoveBlockPeer(ALICE, BOB))
                    .noEvents()
                    .noFollowUps()
                    .undecided();
        }

        @Test
        void a_deleted_owner_drops_every_own_block_and_tells_each_target_to_forget_it() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)), blocked(ALICE, "req-0", BOB))
                    .and(reserving(ALICE, "req-1", CAROL));

            scenario.when(new DropBlocks(ALICE))
                    .events(new UserUnblocked(ALICE, BOB, UnblockReason.OWNER_DELETED),
                            new UserUnblocked(ALICE, CAROL, UnblockReason.OWNER_DELETED))
                    .followUps(undo(BOB), undo(CAROL))
                    .undecided();
            assertThat(scenario.list().size()).isZero();
        }

        @Test
        void a_deleted_owner_forgets_its_blockers_and_tells_each_blocker_to_drop_it() {
            var scenario = given(InMemoryBlocklist.of(user(ALICE)),
                    new BlockerRegistered(ALICE, BOB), new BlockerRegistered(ALICE, DAVE));

            scenario.when(new DropBlocks(ALICE))
                    .events(new BlockerUnregistered(ALICE, BOB), new BlockerUnregistered(ALICE, DAVE))
                    .followUps(new FollowUp<>(BOB, new RemoveBlockPeer(BOB, ALICE)),
                            new FollowUp<>(DAVE, new RemoveBlockPeer(DAVE, ALICE)))
                    .undecided();
            assertThat(scenario.list().blockers()).isEmpty();
        }

        @Test
        void a_deleted_owner_without_blocks_or_blockers_changes_nothing() {
            given(InMemoryBlocklist.of(user(ALICE)))
                    .when(new DropBlocks(ALICE))
                    .noEvents()
                    .noFollowUps()
                    .undecided();
        }
    }

    @Nested
    class Evolving {
        private final InMemoryBlocklist list = InMemoryBlocklist.of(user(ALICE));

        @Test
        void a_reserved_edge_takes_a_slot_but_no_listing_position() {
            fold(reserving(ALICE, "req-1", BOB));

            assertThat(list.size()).isEqualTo(1);
            assertThat(list.block(BOB)).contains(new Block(BOB, false, 0L, NOW, Optional.of("req-1")));
        }

        @Test
        void a_reservation_opens_a_batch_waiting_for_every_new_target() {
            fold(new BlocksReserved(ALICE, "req-1", List.of(DAVE, BOB, CAROL), List.of(BOB, CAROL), NOW));

            assertThat(list.batch("req-1")).contains(
                    new BlockBatch(Gather.start("req-1", List.of(BOB, CAROL), Map.of(), List.of()), List.of(DAVE, BOB, CAROL)));
        }

        @Test
        void an_answer_moves_its_target_out_of_awaiting_and_a_missing_one_into_missing() {
            fold(reserving(ALICE, "req-1", BOB, CAROL, DAVE),
                    new BlockerAnswered(ALICE, "req-1", BOB, true),
                    new BlockerAnswered(ALICE, "req-1", CAROL, false));

            assertThat(list.batch("req-1")).contains(
                    new BlockBatch(Gather.start("req-1", List.of(BOB, CAROL, DAVE),
                            Map.of(BOB, BlockBatch.Answer.EXISTS, CAROL, BlockBatch.Answer.MISSING), List.of()),
                            List.of(BOB, CAROL, DAVE)));
        }

        @Test
        void a_confirmed_batch_keeps_the_size_and_numbers_its_edges_in_request_order() {
            fold(blocked(ALICE, "req-0", DAVE));
            fold(reserving(ALICE, "req-1", CAROL, BOB),
                    new UsersBlocked(ALICE, "req-1", List.of(CAROL, BOB), List.of(CAROL, BOB)));

            assertThat(list.size()).isEqualTo(3);
            assertThat(list.block(CAROL)).contains(new Block(CAROL, true, 2L, NOW, Optional.empty()));
            assertThat(list.block(BOB)).contains(new Block(BOB, true, 3L, NOW, Optional.empty()));
            assertThat(list.batch("req-1")).isEmpty();
        }

        @Test
        void a_released_batch_gives_its_slots_back_and_keeps_older_blocks() {
            fold(blocked(ALICE, "req-0", DAVE));
            fold(new BlocksReserved(ALICE, "req-1", List.of(DAVE, BOB), List.of(BOB), NOW),
                    new BlocksReleased(ALICE, "req-1", List.of(BOB)));

            assertThat(list.size()).isEqualTo(1);
            assertThat(list.block(DAVE).map(Block::confirmed)).contains(true);
            assertThat(list.batch("req-1")).isEmpty();
        }

        @Test
        void positions_keep_growing_after_an_unblock() {
            fold(blocked(ALICE, "req-0", BOB));
            fold(new UserUnblocked(ALICE, BOB, UnblockReason.REST));
            fold(blocked(ALICE, "req-1", CAROL));

            assertThat(list.size()).isEqualTo(1);
            assertThat(list.block(CAROL).map(Block::seq)).contains(2L);
        }

        // The target was deleted and blocked again by a second batch while the first still waited for answers.
        @Test
        void a_confirmed_batch_leaves_an_edge_another_batch_reserved_since_unconfirmed() {
            fold(reserving(ALICE, "req-1", BOB, CAROL),
                    new UserUnblocked(ALICE, BOB, UnblockReason.USER_DELETED),
                    reserving(ALICE, "req-2", BOB));

            fold(new UsersBlocked(ALICE, "req-1", List.of(BOB, CAROL), List.of(BOB, CAROL)));

            assertThat(list.block(BOB)).contains(new Block(BOB, false, 0L, NOW, Optional.of("req-2")));
            assertThat(list.block(CAROL).map(Block::confirmed)).contains(true);
        }

        @Test
        void a_released_batch_leaves_an_edge_another_batch_reserved_since() {
            fold(reserving(ALICE, "req-1", BOB, CAROL),
                    new UserUnblocked(ALICE, BOB, UnblockReason.USER_DELETED),
                    reserving(ALICE, "req-2", BOB));

            fold(new BlocksReleased(ALICE, "req-1", List.of(BOB, CAROL)));

            assertThat(list.blocks()).containsExactly(new Block(BOB, false, 0L, NOW, Optional.of("req-2")));
        }

        private void fold(BlockEvent... events) {
            for (var event : events) {
                BlockDecider.evolve(list, event);
            }
        }
    }
}
