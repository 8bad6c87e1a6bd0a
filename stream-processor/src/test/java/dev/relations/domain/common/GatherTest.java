package dev.relations.domain.common;

import dev.relations.domain.common.Gather.Arrival;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GatherTest {
    private static final Username BOB = Username.of("bob");
    private static final Username CAROL = Username.of("carol");
    private static final Username DAVE = Username.of("dave");
    private static final Username ERIN = Username.of("erin");

    private final Gather<String> asking = Gather.start("req-1", List.of(BOB, CAROL, DAVE), Map.of(), List.of());

    @Test
    void a_new_gather_awaits_every_target_it_asked_in_request_order() {
        assertThat(asking.awaiting()).containsExactly(BOB, CAROL, DAVE);
        assertThat(asking.complete()).isFalse();
        assertThat(asking.expired()).isFalse();
    }

    @Test
    void targets_decided_at_once_and_queued_targets_are_not_awaited() {
        var gather = Gather.start("req-1", List.of(BOB, CAROL, DAVE), Map.of(BOB, "self"), List.of(DAVE));

        assertThat(gather.awaiting()).containsExactly(CAROL);
        assertThat(gather.asked()).containsExactly(BOB, CAROL);
        assertThat(gather.arrival(DAVE)).isEqualTo(Arrival.UNEXPECTED);
        assertThat(gather.arrival(BOB)).isEqualTo(Arrival.UNEXPECTED);
    }

    @Test
    void it_is_complete_once_every_asked_target_answered() {
        var gather = asking.answer(BOB, "ok").answer(CAROL, "missing");
        assertThat(gather.complete()).isFalse();

        gather = gather.answer(DAVE, "ok");

        assertThat(gather.complete()).isTrue();
        assertThat(gather.answered("ok"::equals)).containsExactly(BOB, DAVE);
        assertThat(gather.answered("missing"::equals)).containsExactly(CAROL);
    }

    @Test
    void a_second_answer_from_a_target_changes_nothing() {
        var gather = asking.answer(BOB, "ok");

        assertThat(gather.arrival(BOB)).isEqualTo(Arrival.UNEXPECTED);
        assertThat(gather.answer(BOB, "missing")).isEqualTo(gather);
        assertThat(gather.answer(ERIN, "ok")).as("not a target").isEqualTo(gather);
    }

    @Test
    void a_revision_replaces_an_answer_given_but_never_records_a_new_one() {
        var gather = asking.answer(BOB, "ok");

        assertThat(gather.revise(BOB, "gone").answerOf(BOB)).contains("gone");
        assertThat(gather.revise(CAROL, "gone")).isEqualTo(gather);
    }

    @Test
    void asking_a_queued_target_keeps_its_place_in_request_order() {
        var gather = Gather.start("req-1", List.of(BOB, CAROL, DAVE), Map.<Username, String>of(), List.of(BOB, DAVE));

        gather = gather.ask(BOB);

        assertThat(gather.queued()).containsExactly(DAVE);
        assertThat(gather.awaiting()).containsExactly(BOB, CAROL);
        assertThat(gather.targets()).containsExactly(BOB, CAROL, DAVE);
    }

    @Test
    void a_requeue_asks_the_next_and_drops_the_queued_targets_it_no_longer_names() {
        var gather = Gather.start("req-1", List.of(BOB), Map.<Username, String>of(), List.of())
                .requeue(Optional.empty(), List.of(CAROL, DAVE, ERIN))
                .answer(BOB, "refused");

        gather = gather.requeue(Optional.of(DAVE), List.of(ERIN));

        assertThat(gather.targets()).containsExactly(BOB, DAVE, ERIN);
        assertThat(gather.awaiting()).containsExactly(DAVE);
        assertThat(gather.queued()).containsExactly(ERIN);
    }

    @Test
    void at_the_deadline_every_awaiting_target_is_answered_with_the_flows_no_answer_and_becomes_overdue() {
        var gather = Gather.start("req-1", List.of(BOB, CAROL, DAVE, ERIN), Map.<Username, String>of(), List.of(ERIN))
                .answer(BOB, "ok");

        var expired = gather.expire("unknown");

        assertThat(expired.complete()).isTrue();
        assertThat(expired.expired()).isTrue();
        assertThat(expired.overdue()).isEqualTo(Set.of(CAROL, DAVE));
        assertThat(expired.answered("unknown"::equals)).containsExactly(CAROL, DAVE);
        assertThat(expired.answerOf(BOB)).contains("ok");
        assertThat(expired.queued()).as("never asked, left to the flow").containsExactly(ERIN);
    }

    @Test
    void a_late_answer_is_recognised_and_does_not_change_the_settled_answer() {
        var expired = asking.answer(BOB, "ok").expire("unknown");

        assertThat(expired.arrival(CAROL)).isEqualTo(Arrival.LATE);
        var after = expired.answer(CAROL, "ok");

        assertThat(after.answerOf(CAROL)).contains("unknown");
        assertThat(after.arrival(CAROL)).as("a second late answer").isEqualTo(Arrival.UNEXPECTED);
        assertThat(after.arrival(DAVE)).isEqualTo(Arrival.LATE);
    }

    @Test
    void an_expired_gather_is_kept_until_its_last_late_answer() {
        var expired = asking.answer(BOB, "ok").expire("unknown");

        var afterCarol = expired.afterAnswer(CAROL, "ok");
        assertThat(afterCarol).isPresent();
        assertThat(afterCarol.get().afterAnswer(DAVE, "missing")).isEmpty();
    }

    @Test
    void a_gather_still_in_progress_is_always_kept() {
        assertThat(asking.afterAnswer(BOB, "ok")).contains(asking.answer(BOB, "ok"));
        assertThat(asking.answer(BOB, "ok").answer(CAROL, "ok").afterAnswer(DAVE, "ok")).isPresent();
    }

    @Test
    void expiring_again_keeps_the_targets_already_overdue() {
        var expired = asking.answer(BOB, "ok").expire("unknown");

        assertThat(expired.expire("unknown")).isEqualTo(expired);
    }

    @Test
    void answered_in_time_excludes_the_overdue_targets() {
        var expired = asking.answer(BOB, "ok").expire("unknown");

        assertThat(expired.answeredInTime(BOB)).isTrue();
        assertThat(expired.answeredInTime(CAROL)).isFalse();
    }
}
