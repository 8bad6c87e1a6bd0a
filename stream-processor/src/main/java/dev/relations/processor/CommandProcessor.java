package dev.relations.processor;

import dev.relations.domain.block.BlockCommand;
import dev.relations.domain.block.BlockDecider;
import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.domain.common.Verdict;
import dev.relations.domain.contact.ContactCommand;
import dev.relations.domain.contact.ContactDecider;
import dev.relations.domain.contact.RosterLimits;
import dev.relations.domain.user.RegisteredUser;
import dev.relations.domain.user.UserCommand;
import dev.relations.domain.user.UserDecider;
import dev.relations.domain.user.UserEvent;
import dev.relations.schemas.CommandEnvelope;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Outcome;
import dev.relations.schemas.StoredRequest;
import dev.relations.schemas.StoredUser;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.apache.kafka.streams.processor.PunctuationType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The engine: owns deduplication, dispatch to the deciders, folding events into the
 * stores, publishing events, routing follow-up commands and emitting verdicts. Deciders
 * stay pure; everything with I/O is here. Runs inside an exactly-once transaction, so a
 * command's store writes, events, follow-ups and verdict commit together or not at all.
 */
final class CommandProcessor implements Processor<String, CommandEnvelope, String, Object> {
    static final String EVENTS_SINK = "events-sink";
    static final String COMMANDS_SINK = "commands-sink";
    static final String OUTCOMES_SINK = "outcomes-sink";
    private static final String EVENT_SEQ = "event-seq";
    private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);

    private static final Duration PURGE_EVERY = Duration.ofMinutes(5);

    private final Function<Tenant, RosterLimits> limits;
    private final Duration requestRetention;
    private ProcessorContext<String, Object> context;
    private UserStores stores;

    CommandProcessor(Function<Tenant, RosterLimits> limits, Duration requestRetention) {
        this.limits = limits;
        this.requestRetention = requestRetention;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.stores = new UserStores(context);
        context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, this::forgetOldRequests);
    }

    /**
     * Idempotency keys are honoured for {@code requestRetention}; answered requests older
     * than that are forgotten, so the store does not grow with the request count forever.
     */
    private void forgetOldRequests(long now) {
        long cutoff = now - requestRetention.toMillis();
        try (var all = stores.requests.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                if (entry.value.getDone() && entry.value.getCreated() < cutoff) {
                    stores.requests.delete(entry.key);
                }
            }
        }
    }

    /** What one command is being processed for: the record, its envelope and its aggregate. */
    private record Step(Record<String, CommandEnvelope> record, CommandEnvelope envelope, RequestContext ctx, Username self) {
    }

    @Override
    public void process(Record<String, CommandEnvelope> record) {
        var envelope = record.value();
        if (envelope == null || record.key() == null) {
            return;
        }
        var tenant = new Tenant(envelope.getOrg(), envelope.getApp());
        var step = new Step(record, envelope, new RequestContext(tenant, envelope.getRequestId(), envelope.getIssuedAt()),
                Keys.userOf(record.key()));
        var requestKey = Keys.request(tenant, envelope.getRequestId());
        if (envelope.getExternal()) {
            var seen = stores.requests.get(requestKey);
            if (seen != null) {
                // A retry: answer with the first verdict (if known yet) and change nothing.
                if (seen.getDone()) {
                    forwardOutcome(record, seen.getOutcome());
                }
                return;
            }
            stores.requests.put(requestKey, new StoredRequest(false, null, envelope.getIssuedAt()));
        }
        Optional<Verdict> verdict;
        try {
            verdict = switch (CommandMapping.toDomain(envelope.getBody())) {
                case CommandMapping.Routed.ToUser user -> handleUser(step, user.command());
                case CommandMapping.Routed.ToContacts contact -> handleContacts(step, contact.command());
                case CommandMapping.Routed.ToBlocks block -> handleBlocks(step, block.command());
            };
        } catch (IllegalArgumentException e) {
            LOG.error("event=command_rejected_as_malformed request_id={} key={} reason={}",
                    envelope.getRequestId(), record.key(), e.getMessage());
            verdict = Optional.of(Verdict.rejected(new Rejection(500, "unsupported_service_operation",
                    "UnsupportedServiceOperationException", "Service operation not supported")));
        }
        verdict.ifPresent(v -> {
            var outcome = OutcomeMapping.of(envelope.getRequestId(), v);
            var first = stores.requests.get(requestKey);
            stores.requests.put(requestKey, new StoredRequest(true, outcome,
                    first == null ? envelope.getIssuedAt() : first.getCreated()));
            forwardOutcome(record, outcome);
        });
    }

    private Optional<Verdict> handleUser(Step step, UserCommand command) {
        var tenant = step.ctx().tenant();
        var key = Keys.userEntry(tenant, step.self());
        Optional<RegisteredUser> state = Optional.ofNullable(stores.users.get(key))
                .map(u -> new RegisteredUser(CommandMapping.user(u.getUser()), u.getPasswordHash()));
        Decision<UserEvent, Void> decision = UserDecider.decide(command, step.ctx(), state);
        for (var event : decision.events()) {
            state = UserDecider.evolve(state, event);
            state.ifPresentOrElse(
                    u -> stores.users.put(key, new StoredUser(CommandMapping.view(u.user()), u.passwordHash())),
                    () -> stores.users.delete(key));
            publish(step, EventMapping.of(event));
            if (event instanceof UserEvent.UserDeleted) {
                // The cascade: this user's own edges go now, every other side by a follow-up.
                handleContacts(step, new ContactCommand.DropRoster(step.self()));
                handleBlocks(step, new BlockCommand.DropBlocks(step.self()));
            }
        }
        return decision.verdict();
    }

    private Optional<Verdict> handleContacts(Step step, ContactCommand command) {
        var roster = new StoreRoster(step.ctx().tenant(), step.self(), stores);
        var decision = ContactDecider.decide(command, step.ctx(), roster, limits.apply(step.ctx().tenant()));
        return apply(step, decision, event -> ContactDecider.evolve(roster, event), EventMapping::of, CommandMapping::toAvro);
    }

    private Optional<Verdict> handleBlocks(Step step, BlockCommand command) {
        var list = new StoreBlocklist(step.ctx().tenant(), step.self(), stores);
        var decision = BlockDecider.decide(command, step.ctx(), list, limits.apply(step.ctx().tenant()));
        return apply(step, decision, event -> BlockDecider.evolve(list, event), EventMapping::of, CommandMapping::toAvro);
    }

    /** Folds and publishes a decision's events, sends its follow-ups, and returns its verdict. */
    private <E, C> Optional<Verdict> apply(Step step, Decision<E, C> decision, Consumer<E> evolve,
                                           Function<E, EventMapping.Published> published, Function<C, Object> toAvro) {
        for (E event : decision.events()) {
            evolve.accept(event);
            var visible = published.apply(event);
            if (visible != null) {
                publish(step, visible);
            }
        }
        var tenant = step.ctx().tenant();
        for (var followUp : decision.followUps()) {
            var next = CommandEnvelope.newBuilder(step.envelope())
                    .setExternal(false)
                    .setBody(toAvro.apply(followUp.command()))
                    .build();
            context.forward(step.record().withKey(Keys.of(tenant, followUp.target())).withValue(next), COMMANDS_SINK);
        }
        return decision.verdict();
    }

    private void publish(Step step, EventMapping.Published published) {
        var ctx = step.ctx();
        long seq = stores.nextSeq(ctx.tenant(), step.self(), EVENT_SEQ);
        var aggregateId = Keys.user(ctx.tenant(), step.self());
        // Derived, not random: a transaction replayed after a crash republishes the same ids.
        var eventId = UUID.nameUUIDFromBytes((aggregateId + "|" + seq).getBytes(StandardCharsets.UTF_8)).toString();
        var event = EventEnvelope.newBuilder()
                .setEventId(eventId)
                .setEventType(published.type())
                .setOrg(ctx.tenant().org())
                .setApp(ctx.tenant().app())
                .setAggregateType("user")
                .setAggregateId(aggregateId)
                .setSeq(seq)
                .setOccurredAt(ctx.now())
                .setRequestId(ctx.requestId())
                .setApi(step.envelope().getApi())
                .setPayload(published.payload())
                .build();
        context.forward(step.record().withKey(aggregateId).withValue(event), EVENTS_SINK);
    }

    private void forwardOutcome(Record<String, CommandEnvelope> record, Outcome outcome) {
        context.forward(record.withKey(outcome.getRequestId()).withValue(outcome), OUTCOMES_SINK);
    }
}
