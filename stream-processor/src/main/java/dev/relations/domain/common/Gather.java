package dev.relations.domain.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The bookkeeping of a scatter-gather (reserve at the owner, ask several peers, settle when all
 * have answered): an import's targets, a block batch's new targets, a room batch's users. Pure
 * and immutable: every change returns a new value, so a decider and its fold share one rule.
 *
 * <p>A target is in one of four places: <em>queued</em> (not asked yet: no room for it until an
 * answer frees some), <em>awaiting</em> (asked, no answer yet), <em>answered</em>, or
 * <em>overdue</em> (asked, and counted as answered with the flow's "no answer" value by
 * {@link #expire}). An expired gather is settled; it is kept only until its overdue targets'
 * late answers are in, so that a late answer is recognised and changes nothing but undoing what
 * its peer did.
 *
 * @param requestId the request the gather answers
 * @param targets   every target in play, in request order (the order of the answer)
 * @param answers   the answered targets' answers (overdue ones included)
 * @param queued    targets not asked yet, in request order
 * @param overdue   targets whose answer was given up on at the deadline
 * @param <A>       the flow's answer
 */
public record Gather<A>(String requestId, List<Username> targets, Map<Username, A> answers, List<Username> queued,
                        Set<Username> overdue) {

    /** What an answer from a target is to this gather. */
    public enum Arrival {
        /** The target was asked and has not answered: the answer counts. */
        AWAITED,
        /** The gather gave up on the target at its deadline: the answer must change nothing. */
        LATE,
        /** Not asked, answered already, or unknown: ignore it. */
        UNEXPECTED
    }

    public Gather {
        targets = List.copyOf(targets);
        answers = Map.copyOf(answers);
        queued = List.copyOf(queued);
        overdue = Set.copyOf(overdue);
    }

    /** A gather whose {@code decided} targets are answered at once and whose {@code queued} ones wait for room. */
    public static <A> Gather<A> start(String requestId, List<Username> targets, Map<Username, A> decided,
                                      List<Username> queued) {
        return new Gather<>(requestId, targets, decided, queued, Set.of());
    }

    /** Asked and not answered, in request order. */
    public List<Username> awaiting() {
        return targets.stream().filter(t -> !answers.containsKey(t) && !queued.contains(t)).toList();
    }

    /** Every target asked so far, in request order. */
    public List<Username> asked() {
        return targets.stream().filter(t -> !queued.contains(t)).toList();
    }

    public Arrival arrival(Username target) {
        if (overdue.contains(target)) {
            return Arrival.LATE;
        }
        return awaiting().contains(target) ? Arrival.AWAITED : Arrival.UNEXPECTED;
    }

    /** Every asked target has answered (targets still queued are the flow's to settle). */
    public boolean complete() {
        return awaiting().isEmpty();
    }

    /** Settled at the deadline. */
    public boolean expired() {
        return !overdue.isEmpty();
    }

    /** An awaited answer is recorded; a late one takes its target off the overdue ones; anything else changes nothing. */
    public Gather<A> answer(Username target, A answer) {
        return switch (arrival(target)) {
            case AWAITED -> {
                var next = new HashMap<>(answers);
                next.put(target, answer);
                yield new Gather<>(requestId, targets, next, queued, overdue);
            }
            case LATE -> new Gather<>(requestId, targets, answers, queued, without(overdue, target));
            case UNEXPECTED -> this;
        };
    }

    /** Replaces an answer already given (a granted seat whose user was deleted before the batch settled). */
    public Gather<A> revise(Username target, A answer) {
        if (!answers.containsKey(target) || overdue.contains(target)) {
            return this;
        }
        var next = new HashMap<>(answers);
        next.put(target, answer);
        return new Gather<>(requestId, targets, next, queued, overdue);
    }

    /** A queued target is asked now. */
    public Gather<A> ask(Username target) {
        return new Gather<>(requestId, targets, answers, queued.stream().filter(t -> !t.equals(target)).toList(), overdue);
    }

    /**
     * The targets not asked yet are now {@code queue} (each after every target asked, in request
     * order); {@code next}, when present, comes off the queue and is asked now. Queued targets in
     * neither leave the gather unasked.
     */
    public Gather<A> requeue(Optional<Username> next, List<Username> queue) {
        var inPlay = new ArrayList<>(asked());
        next.ifPresent(inPlay::add);
        inPlay.addAll(queue);
        return new Gather<>(requestId, inPlay, answers, queue, overdue);
    }

    /** Asked and answered before any deadline. */
    public boolean answeredInTime(Username target) {
        return answers.containsKey(target) && !overdue.contains(target);
    }

    /** The deadline passed: every awaiting target is answered {@code unanswered} and becomes overdue. */
    public Gather<A> expire(A unanswered) {
        var next = new HashMap<>(answers);
        var late = new LinkedHashSet<>(overdue);
        for (var target : awaiting()) {
            next.put(target, unanswered);
            late.add(target);
        }
        return new Gather<>(requestId, targets, next, queued, late);
    }

    /** The targets whose answer matches, in request order. */
    public List<Username> answered(Predicate<A> which) {
        return targets.stream().filter(t -> answers.containsKey(t) && which.test(answers.get(t))).toList();
    }

    public Optional<A> answerOf(Username target) {
        return Optional.ofNullable(answers.get(target));
    }

    /**
     * What is kept after {@link #answer}: empty when this was the last late answer of an expired
     * gather, since nothing is left to recognise.
     */
    public Optional<Gather<A>> afterAnswer(Username target, A answer) {
        if (overdue.size() == 1 && overdue.contains(target)) {
            return Optional.empty();
        }
        return Optional.of(answer(target, answer));
    }

    private static Set<Username> without(Set<Username> set, Username target) {
        var next = new LinkedHashSet<>(set);
        next.remove(target);
        return next;
    }
}
