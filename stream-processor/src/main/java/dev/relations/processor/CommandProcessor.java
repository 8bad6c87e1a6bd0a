package dev.relations.processor;

import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.domain.common.Verdict;
import dev.relations.domain.contact.ContactCommand;
import dev.relations.domain.contact.ContactDecider;
import dev.relations.domain.contact.ContactEvent;
import dev.relations.domain.contact.RosterLimits;
import dev.relations.domain.user.RegisteredUser;
import dev.relations.domain.user.UserCommand;
import dev.relations.domain.user.UserDecider;
import dev.relations.domain.user.UserEvent;
import dev.relations.schemas.CommandEnvelope;
import dev.relations.schemas.EventEnvelope;
import dev.relations.schemas.Outcome;
import dev.relations.schemas.StoredContact;
import dev.relations.schemas.StoredRequest;
import dev.relations.schemas.StoredUser;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
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

    private final Function<Tenant, RosterLimits> limits;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, StoredUser> users;
    private KeyValueStore<String, StoredContact> contacts;
    private KeyValueStore<String, String> order;
    private KeyValueStore<String, Long> counters;
    private KeyValueStore<String, StoredRequest> requests;

    CommandProcessor(Function<Tenant, RosterLimits> limits) {
        this.limits = limits;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        users = context.getStateStore(StoreNames.USERS);
        contacts = context.getStateStore(StoreNames.CONTACTS);
        order = context.getStateStore(StoreNames.CONTACT_ORDER);
        counters = context.getStateStore(StoreNames.COUNTERS);
        requests = context.getStateStore(StoreNames.REQUESTS);
    }

    @Override
    public void process(Record<String, CommandEnvelope> record) {
        var envelope = record.value();
        if (envelope == null || record.key() == null) {
            return;
        }
        var tenant = new Tenant(envelope.getOrg(), envelope.getApp());
        var ctx = new RequestContext(tenant, envelope.getRequestId(), envelope.getIssuedAt());
        var requestKey = Keys.request(tenant, envelope.getRequestId());
        if (envelope.getExternal()) {
            var seen = requests.get(requestKey);
            if (seen != null) {
                // A retry: answer with the first verdict (if known yet) and change nothing.
                if (seen.getDone()) {
                    forwardOutcome(record, seen.getOutcome());
                }
                return;
            }
            requests.put(requestKey, new StoredRequest(false, null));
        }
        var self = Keys.userOf(record.key());
        Optional<Verdict> verdict;
        try {
            verdict = switch (CommandMapping.toDomain(envelope.getBody())) {
                case CommandMapping.Routed.ToUser user -> handleUser(record, envelope, ctx, self, user.command());
                case CommandMapping.Routed.ToContacts contact -> handleContacts(record, envelope, ctx, self, contact.command());
            };
        } catch (IllegalArgumentException e) {
            LOG.error("event=command_rejected_as_malformed request_id={} key={} reason={}",
                    envelope.getRequestId(), record.key(), e.getMessage());
            verdict = Optional.of(Verdict.rejected(new Rejection(500, "unsupported_service_operation",
                    "UnsupportedServiceOperationException", "Service operation not supported")));
        }
        verdict.ifPresent(v -> {
            var outcome = OutcomeMapping.of(envelope.getRequestId(), v);
            requests.put(requestKey, new StoredRequest(true, outcome));
            forwardOutcome(record, outcome);
        });
    }

    private Optional<Verdict> handleUser(Record<String, CommandEnvelope> record, CommandEnvelope envelope,
                                         RequestContext ctx, Username self, UserCommand command) {
        var key = Keys.userEntry(ctx.tenant(), self);
        Optional<RegisteredUser> state = Optional.ofNullable(users.get(key))
                .map(u -> new RegisteredUser(CommandMapping.user(u.getUser()), u.getPasswordHash()));
        Decision<UserEvent, Void> decision = UserDecider.decide(command, ctx, state);
        for (var event : decision.events()) {
            state = UserDecider.evolve(state, event);
            state.ifPresentOrElse(
                    u -> users.put(key, new StoredUser(CommandMapping.view(u.user()), u.passwordHash())),
                    () -> users.delete(key));
            publish(record, envelope, ctx, self, EventMapping.of(event));
            if (event instanceof UserEvent.UserDeleted) {
                // The cascade: this roster's edges go now, each friend's side by a follow-up.
                handleContacts(record, envelope, ctx, self, new ContactCommand.DropRoster(self));
            }
        }
        return decision.verdict();
    }

    private Optional<Verdict> handleContacts(Record<String, CommandEnvelope> record, CommandEnvelope envelope,
                                             RequestContext ctx, Username self, ContactCommand command) {
        var roster = new StoreRoster(ctx.tenant(), self, users, contacts, order, counters);
        var decision = ContactDecider.decide(command, ctx, roster, limits.apply(ctx.tenant()));
        for (ContactEvent event : decision.events()) {
            ContactDecider.evolve(roster, event);
            var published = EventMapping.of(event);
            if (published != null) {
                publish(record, envelope, ctx, self, published);
            }
        }
        for (var followUp : decision.followUps()) {
            var next = CommandEnvelope.newBuilder(envelope)
                    .setExternal(false)
                    .setBody(CommandMapping.toAvro(followUp.command()))
                    .build();
            context.forward(record.withKey(Keys.user(ctx.tenant(), followUp.target())).withValue(next), COMMANDS_SINK);
        }
        return decision.verdict();
    }

    private void publish(Record<String, CommandEnvelope> record, CommandEnvelope envelope, RequestContext ctx,
                         Username self, EventMapping.Published published) {
        var counterKey = Keys.counter(ctx.tenant(), self, EVENT_SEQ);
        var previous = counters.get(counterKey);
        long seq = previous == null ? 1L : previous + 1;
        counters.put(counterKey, seq);
        var aggregateId = Keys.user(ctx.tenant(), self);
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
                .setApi(envelope.getApi())
                .setPayload(published.payload())
                .build();
        context.forward(record.withKey(aggregateId).withValue(event), EVENTS_SINK);
    }

    private void forwardOutcome(Record<String, CommandEnvelope> record, Outcome outcome) {
        context.forward(record.withKey(outcome.getRequestId()).withValue(outcome), OUTCOMES_SINK);
    }
}
