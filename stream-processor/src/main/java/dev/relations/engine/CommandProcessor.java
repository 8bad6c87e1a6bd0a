package dev.relations.engine;

import dev.relations.mapping.RecordKeys;
import dev.relations.mapping.AvroSerdes;
import dev.relations.mapping.CommandMapping;
import dev.relations.mapping.EventMapping;
import dev.relations.mapping.OutcomeMapping;
import dev.relations.mapping.RoomEventMapping;
import dev.relations.store.EventHistory;
import dev.relations.store.Keys;
import dev.relations.store.RequestLog;
import dev.relations.store.RoomStores;
import dev.relations.store.StagedStore;
import dev.relations.store.StateLayout;
import dev.relations.store.StoreApp;
import dev.relations.store.StoreBlocklist;
import dev.relations.store.StoreNames;
import dev.relations.store.StoreRoom;
import dev.relations.store.StoreRoster;
import dev.relations.store.StoreSeats;
import dev.relations.store.UserStores;
import dev.relations.domain.app.AppCommand;
import dev.relations.domain.app.AppDecider;
import dev.relations.domain.block.BlockCommand;
import dev.relations.domain.block.BlockDecider;
import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.Decision;
import dev.relations.domain.common.Rejection;
import dev.relations.domain.common.RequestContext;
import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.domain.common.Verdict;
import dev.relations.domain.contact.ContactCommand;
import dev.relations.domain.contact.ContactDecider;
import dev.relations.domain.idempotency.KeyCommand;
import dev.relations.domain.idempotency.KeyDecider;
import dev.relations.domain.room.RoomCommand;
import dev.relations.domain.room.RoomDecider;
import dev.relations.domain.room.RoomEvent;
import dev.relations.domain.seat.SeatCommand;
import dev.relations.domain.seat.SeatDecider;
import dev.relations.domain.user.RegisteredUser;
import dev.relations.domain.user.UserCommand;
import dev.relations.domain.user.UserDecider;
import dev.relations.domain.user.UserEvent;
import dev.relations.schemas.Actor;
import dev.relations.schemas.CommandEnvelope;
import dev.relations.schemas.ExpireRoomMutes;
import dev.relations.schemas.StoredUser;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.apache.kafka.streams.processor.PunctuationType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The engine: owns deduplication, dispatch to the deciders, folding events into the
 * stores, publishing events, routing follow-up commands and emitting verdicts; it also
 * runs the wall-clock sweeps of timed room mutes (through the room decider), of reservations
 * past their deadline ({@link ReservationDeadlines}) and of old idempotency entries. Deciders
 * stay pure; everything with I/O is here. Runs inside an exactly-once transaction, so a
 * command's store writes, events, follow-ups and verdict commit together or not at all.
 *
 * <p>Each command is one step, and a step is all or nothing inside the transaction too: its
 * store writes are staged ({@link StagedStore}) and its records held ({@link StepOutputs})
 * until it completes. A step that throws changes nothing; it is answered 500 (or, in a
 * chain, by the compensation its decider names) and the next record is processed. Kafka
 * Streams' own exceptions are not caught: they are its signals to recover the task.
 */
final class CommandProcessor implements Processor<String, CommandEnvelope, String, byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(CommandProcessor.class);

    /**
     * Every wall-clock punctuation makes its task commit a transaction, even an idle one, so the
     * sweep runs every few seconds: reads already hide a mute past its expiry, and only the
     * expiry event waits for the sweep.
     */
    private static final Duration SWEEP_MUTES_EVERY = Duration.ofSeconds(5);

    private static final Rejection UNSUPPORTED = new Rejection(500, "unsupported_service_operation",
            "UnsupportedServiceOperationException", "Service operation not supported");

    /** The actor of what the service does by itself (mute expiry). */
    static final Actor SYSTEM = new Actor("system", "relations");

    private final AvroSerdes serdes;
    private final Limits limits;
    private final RequestRetention requestRetention;
    private final Duration reservationDeadline;
    private ReservationDeadlines deadlines;
    private ProcessorContext<String, byte[]> context;
    private StagedStore staged;
    private StepOutputs outputs;
    private UserStores stores;
    private RoomStores rooms;
    private EventEnvelopes events;
    private EventHistory history;
    /** The id of the last event the current step published: the cause of the follow-ups it sends. */
    private String lastPublished;

    CommandProcessor(AvroSerdes serdes, Limits limits, RequestRetention requestRetention, Duration reservationDeadline) {
        this.serdes = serdes;
        this.limits = limits;
        this.requestRetention = requestRetention;
        this.reservationDeadline = reservationDeadline;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        KeyValueStore<String, byte[]> state = context.getStateStore(StoreNames.STATE);
        var layout = new StateLayout(serdes, context.applicationId());
        this.staged = new StagedStore(state);
        this.outputs = new StepOutputs(serdes, new Topics(context.applicationId()));
        this.stores = new UserStores(staged, layout);
        this.rooms = new RoomStores(staged, layout);
        this.events = new EventEnvelopes(stores, rooms);
        this.history = new EventHistory(staged, layout);
        context.schedule(RequestRetention.EVERY, PunctuationType.WALL_CLOCK_TIME,
                now -> runStep("forget_old_requests", () -> forgetOldRequests(now)));
        var mutes = new MuteExpirySweep(rooms.muteExpiry, this::expireMutes, this::runStep);
        context.schedule(SWEEP_MUTES_EVERY, PunctuationType.WALL_CLOCK_TIME, mutes::sweep);
        this.deadlines = new ReservationDeadlines(stores.reservationDeadlines, stores.requests, reservationDeadline);
        context.schedule(SWEEP_MUTES_EVERY, PunctuationType.WALL_CLOCK_TIME,
                now -> runStep("expire_reservations", () -> deadlines.sweep(now,
                        (key, compensation, at) -> outputs.command(new Record<>(key, compensation, at), key, compensation))));
    }

    /** Sends a completed step's records and writes its store changes. */
    private void completeStep() {
        outputs.forward(context);
        staged.apply();
    }

    private void abandonStep() {
        outputs.discard();
        staged.discard();
    }

    /** A step of a punctuator: all or nothing; a failure is logged and the punctuator runs again at its next time. */
    private void runStep(String what, Runnable step) {
        try {
            step.run();
        } catch (StreamsException e) {
            abandonStep();
            throw e;
        } catch (RuntimeException e) {
            abandonStep();
            LOG.error("event=scheduled_step_failed step={}", what, e);
            return;
        }
        completeStep();
    }

    /**
     * Idempotency keys are honoured for the retention; older requests are forgotten, so the
     * store does not grow with the request count forever. The creation-time index hands out
     * only what is due, oldest first, and a run forgets a bounded number: a backlog is worked
     * off over the next runs instead of holding the stream thread.
     */
    private void forgetOldRequests(long now) {
        int forgotten = stores.requests.forgetCreatedBefore(now - requestRetention.keep().toMillis(),
                requestRetention.forgetPerRun());
        if (forgotten == requestRetention.forgetPerRun()) {
            LOG.info("event=requests_forgotten count={} more_due=possibly", forgotten);
        }
    }

    /**
     * The sweep's step for one room: an internal command with a request id derived from the
     * room and the time, so a sweep replayed after a crash publishes the same ids.
     */
    private void expireMutes(Tenant tenant, RoomId room, long now) {
        lastPublished = null;
        var key = RecordKeys.room(tenant, room);
        var requestId = UUID.nameUUIDFromBytes(("mute-expiry|" + key + "|" + now).getBytes(StandardCharsets.UTF_8)).toString();
        var envelope = CommandEnvelope.newBuilder()
                .setRequestId(requestId)
                .setOrg(tenant.org())
                .setApp(tenant.app())
                .setIssuedAt(now)
                .setExternal(false)
                .setActor(SYSTEM)
                .setBody(new ExpireRoomMutes(room.value(), now))
                .build();
        var step = new Step(new Record<>(key, envelope, now), envelope, new RequestContext(tenant, requestId, now),
                AggregateRef.room(room));
        handleRoom(step, new RoomCommand.ExpireMutes(room, now));
    }

    /** What one command is being processed for: the record, its envelope and its aggregate. */
    private record Step(Record<String, CommandEnvelope> record, CommandEnvelope envelope, RequestContext ctx,
                        AggregateRef self) {

        /** A user-family command at a room key (or the reverse) is malformed, like an unknown body. */
        Username user() {
            if (self instanceof AggregateRef.UserRef user) {
                return user.name();
            }
            throw new IllegalArgumentException("a user command at a room key");
        }

        RoomId room() {
            if (self instanceof AggregateRef.RoomRef room) {
                return room.id();
            }
            throw new IllegalArgumentException("a room command at a user key");
        }

        String idempotencyKey() {
            if (self instanceof AggregateRef.IdempotencyKeyRef key) {
                return key.digest();
            }
            throw new IllegalArgumentException("an Idempotency-Key command at another key");
        }
    }

    @Override
    public void process(Record<String, CommandEnvelope> record) {
        var envelope = record.value();
        if (envelope == null || record.key() == null) {
            // The source's deserializers send such records to the dead-letter topic; nothing to answer.
            return;
        }
        try {
            decide(record, envelope);
        } catch (StreamsException e) {
            abandonStep();
            throw e;
        } catch (RuntimeException e) {
            abandonStep();
            fail(record, envelope, e);
        }
        completeStep();
    }

    private void decide(Record<String, CommandEnvelope> record, CommandEnvelope envelope) {
        lastPublished = null;
        var tenant = new Tenant(envelope.getOrg(), envelope.getApp());
        var self = RecordKeys.aggregateOf(record.key());
        var step = new Step(record, envelope, new RequestContext(tenant, envelope.getRequestId(), envelope.getIssuedAt()),
                self);
        var routed = CommandMapping.toDomain(envelope.getBody());
        if (routed instanceof CommandMapping.Routed.ToIdempotencyKey key) {
            // A claim is its own deduplication, and its verdict is for one attempt: nothing kept by request id.
            handleIdempotencyKey(step, key.command())
                    .ifPresent(v -> outputs.outcome(record, OutcomeMapping.of(envelope.getRequestId(), v)));
            return;
        }
        var requestKey = Keys.request(tenant, envelope.getRequestId());
        if (envelope.getExternal()) {
            var seen = stores.requests.get(requestKey);
            if (seen != null) {
                // A retry: answer with the first verdict (if known yet) and change nothing.
                if (seen.getDone()) {
                    outputs.outcome(record, seen.getOutcome());
                }
                return;
            }
            stores.requests.put(requestKey, RequestLog.inProgress(envelope.getIssuedAt()));
        }
        if (envelope.getAtDeadline() && answered(requestKey)) {
            // The sweep found the request unanswered, but an answer overtook what it sent: the request is settled.
            return;
        }
        var verdict = switch (routed) {
            case CommandMapping.Routed.ToUser user -> handleUser(step, user.command());
            case CommandMapping.Routed.ToContacts contact -> handleContacts(step, contact.command());
            case CommandMapping.Routed.ToBlocks block -> handleBlocks(step, block.command());
            case CommandMapping.Routed.ToRoom room -> handleRoom(step, room.command());
            case CommandMapping.Routed.ToSeats seats -> handleSeats(step, seats.command());
            case CommandMapping.Routed.ToApp app -> handleApp(step, app.command());
            case CommandMapping.Routed.ToIdempotencyKey ignored -> throw new IllegalStateException("claims are answered above");
        };
        verdict.ifPresent(v -> answer(record, requestKey, v));
    }

    private boolean answered(String requestKey) {
        var request = stores.requests.get(requestKey);
        return request != null && request.getDone();
    }

    /** Sends the verdict and keeps it for retries of the request. */
    private void answer(Record<String, CommandEnvelope> record, String requestKey, Verdict verdict) {
        var envelope = record.value();
        var outcome = OutcomeMapping.of(envelope.getRequestId(), verdict);
        var first = stores.requests.get(requestKey);
        stores.requests.put(requestKey, RequestLog.answered(outcome,
                first == null ? envelope.getIssuedAt() : first.getCreated()));
        outputs.outcome(record, outcome);
    }

    /**
     * A step threw and changed nothing. In a chain that holds a reservation for it, its
     * decider's compensation is sent and that step answers; otherwise it is answered here with
     * a 500 (a malformed command, such as a body for the wrong kind of aggregate, as
     * unsupported; anything else as an internal error). A failed first step leaves no trace,
     * so a retry with the same Idempotency-Key runs it again.
     */
    private void fail(Record<String, CommandEnvelope> record, CommandEnvelope envelope, RuntimeException error) {
        try {
            var tenant = new Tenant(envelope.getOrg(), envelope.getApp());
            List<Compensations.Compensation> compensation;
            try {
                compensation = Compensations.of(CommandMapping.toDomain(envelope.getBody()));
            } catch (IllegalArgumentException unmappable) {
                compensation = List.of();
            }
            LOG.error("event=command_failed request_id={} key={} command={} compensations={}", envelope.getRequestId(),
                    record.key(), envelope.getBody().getClass().getSimpleName(), compensation.size(), error);
            for (var next : compensation) {
                var command = CommandEnvelope.newBuilder(envelope).setExternal(false).setAtDeadline(false)
                        .setBody(next.body()).build();
                outputs.command(record, RecordKeys.of(tenant, next.target()), command);
            }
            if (compensation.isEmpty()) {
                var rejection = error instanceof IllegalArgumentException ? UNSUPPORTED : Rejection.internalError();
                var outcome = OutcomeMapping.of(envelope.getRequestId(), Verdict.rejected(rejection));
                // A chain's first step that is still waiting keeps this answer for retries.
                var requestKey = Keys.request(tenant, envelope.getRequestId());
                var marker = stores.requests.get(requestKey);
                if (marker != null && !marker.getDone()) {
                    stores.requests.put(requestKey, RequestLog.answered(outcome, marker.getCreated()));
                }
                outputs.outcome(record, outcome);
            }
        } catch (StreamsException e) {
            abandonStep();
            throw e;
        } catch (RuntimeException e) {
            abandonStep();
            LOG.error("event=command_failure_unanswered request_id={} key={}", envelope.getRequestId(), record.key(), e);
        }
    }

    private Optional<Verdict> handleUser(Step step, UserCommand command) {
        var tenant = step.ctx().tenant();
        var key = Keys.userEntry(tenant, step.user());
        Optional<RegisteredUser> state = Optional.ofNullable(stores.users.get(key))
                .map(u -> new RegisteredUser(CommandMapping.user(u.getUser()), u.getPasswordHash()));
        var decision = UserDecider.decide(command, step.ctx(), state, limits.app().apply(tenant));
        for (var event : decision.events()) {
            state = UserDecider.evolve(state, event);
            state.ifPresentOrElse(
                    u -> stores.putUser(tenant, new StoredUser(CommandMapping.view(u.user()), u.passwordHash())),
                    () -> stores.deleteUser(tenant, step.user()));
            publish(step, EventMapping.of(event));
            if (event instanceof UserEvent.UserDeleted) {
                // The cascade: this user's own edges go now, every other side by a follow-up.
                handleContacts(step, new ContactCommand.DropRoster(step.user()));
                handleBlocks(step, new BlockCommand.DropBlocks(step.user()));
                handleSeats(step, new SeatCommand.DropSeats(step.user()));
            }
        }
        // The events are folded above; the follow-ups (to the app's aggregate) leave like any other.
        apply(step, Decision.of(List.of(), decision.followUps()), event -> { }, event -> null, CommandMapping::toAvro,
                Optional.empty());
        return decision.verdict();
    }

    /** The app's own aggregate: its registered-user count and chatroom super admins. */
    private Optional<Verdict> handleApp(Step step, AppCommand command) {
        var app = new StoreApp(step.ctx().tenant(), stores);
        var decision = AppDecider.decide(command, step.ctx(), app, limits.app().apply(step.ctx().tenant()));
        return apply(step, decision, event -> AppDecider.evolve(app, event), EventMapping::of, CommandMapping::toAvro,
                Optional.empty());
    }

    /** An Idempotency-Key's claim lives among the requests, so the request retention forgets it too. */
    private Optional<Verdict> handleIdempotencyKey(Step step, KeyCommand command) {
        var tenant = step.ctx().tenant();
        var digest = step.idempotencyKey();
        var state = stores.requests.claim(tenant, digest);
        var decision = KeyDecider.decide(command, step.ctx(), state);
        for (var event : decision.events()) {
            state = KeyDecider.evolve(state, event);
        }
        if (!decision.events().isEmpty()) {
            state.ifPresent(claim -> stores.requests.putClaim(tenant, digest, claim));
        }
        return decision.verdict();
    }

    private Optional<Verdict> handleContacts(Step step, ContactCommand command) {
        var roster = new StoreRoster(step.ctx().tenant(), step.user(), stores);
        var decision = ContactDecider.decide(command, step.ctx(), roster, limits.roster().apply(step.ctx().tenant()));
        return apply(step, decision, event -> ContactDecider.evolve(roster, event), EventMapping::of, CommandMapping::toAvro,
                ContactDecider.atDeadline(command).map(CommandMapping::toAvro));
    }

    private Optional<Verdict> handleBlocks(Step step, BlockCommand command) {
        var list = new StoreBlocklist(step.ctx().tenant(), step.user(), stores);
        var decision = BlockDecider.decide(command, step.ctx(), list, limits.roster().apply(step.ctx().tenant()));
        return apply(step, decision, event -> BlockDecider.evolve(list, event), EventMapping::of, CommandMapping::toAvro,
                BlockDecider.atDeadline(command).map(CommandMapping::toAvro));
    }

    private Optional<Verdict> handleRoom(Step step, RoomCommand command) {
        var room = new StoreRoom(step.ctx().tenant(), step.room(), rooms);
        var decision = RoomDecider.decide(command, step.ctx(), room, limits.rooms().apply(step.ctx().tenant()));
        // Events are mapped after they are folded in, so a join's member_count is the count after it.
        var verdict = apply(step, decision, event -> RoomDecider.evolve(room, event), event -> RoomEventMapping.of(event, room),
                CommandMapping::toAvro, RoomDecider.atDeadline(command).map(CommandMapping::toAvro));
        // The app counts its rooms, for its room quota (SPEC D.3).
        for (var event : decision.events()) {
            switch (event) {
                case RoomEvent.RoomCreated created -> send(step, AggregateRef.app(), CommandMapping.toAvro(new AppCommand.CountRoom(created.room())));
                case RoomEvent.RoomDeleted deleted -> send(step, AggregateRef.app(), CommandMapping.toAvro(new AppCommand.UncountRoom(deleted.room())));
                default -> { }
            }
        }
        return verdict;
    }

    /** Seats are bookkeeping of the joined-rooms limit: their events are never published. */
    private Optional<Verdict> handleSeats(Step step, SeatCommand command) {
        var seats = new StoreSeats(step.ctx().tenant(), step.user(), stores);
        var decision = SeatDecider.decide(command, step.ctx(), seats, limits.seats().apply(step.ctx().tenant()));
        return apply(step, decision, event -> SeatDecider.evolve(seats, event), event -> null, CommandMapping::toAvro,
                Optional.empty());
    }

    /**
     * Folds and publishes a decision's events, sends its follow-ups, and returns its verdict. A first
     * step left waiting for steps elsewhere records {@code atDeadline}, the command its decider names to
     * settle it, to be sent here if the request is still unanswered at the deadline.
     */
    private <E, C> Optional<Verdict> apply(Step step, Decision<E, C> decision, Consumer<E> evolve,
                                           Function<E, EventMapping.Published> published, Function<C, Object> toAvro,
                                           Optional<Object> atDeadline) {
        for (E event : decision.events()) {
            evolve.accept(event);
            var visible = published.apply(event);
            if (visible != null) {
                publish(step, visible);
            }
        }
        for (var followUp : decision.followUps()) {
            send(step, followUp.target(), toAvro.apply(followUp.command()));
        }
        if (step.envelope().getExternal() && decision.verdict().isEmpty()) {
            atDeadline.ifPresent(body -> deadlines.reserve(step.record().key(),
                    CommandEnvelope.newBuilder(step.envelope()).setExternal(false).setAtDeadline(true).setBody(body).build(),
                    step.ctx().now()));
        }
        return decision.verdict();
    }

    /** Sends a command of this request's chain to another aggregate of the tenant. */
    private void send(Step step, AggregateRef target, Object command) {
        var next = CommandEnvelope.newBuilder(step.envelope())
                .setExternal(false)
                .setAtDeadline(false)
                .setCausationId(lastPublished != null ? lastPublished : causeOf(step.envelope()))
                .setBody(command)
                .build();
        outputs.command(step.record(), RecordKeys.of(step.ctx().tenant(), target), next);
    }

    /** What caused a command: its own causation id, else (from the API or a sweep) its request. */
    private static String causeOf(CommandEnvelope command) {
        return command.getCausationId() != null ? command.getCausationId() : command.getRequestId();
    }

    private void publish(Step step, EventMapping.Published published) {
        var event = events.next(step.ctx(), step.self(), step.envelope(), published);
        lastPublished = event.getEventId();
        history.record(step.ctx().tenant(), step.self(), event);
        outputs.event(step.record(), RecordKeys.of(step.ctx().tenant(), step.self()), event);
        for (var notice : Notifier.of(event)) {
            outputs.notification(step.record(), notice.key, notice.value);
        }
    }
}
