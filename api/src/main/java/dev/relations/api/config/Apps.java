package dev.relations.api.config;

import dev.relations.domain.app.AppLimits;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.contact.RosterLimits;
import dev.relations.domain.room.RoomLimits;
import dev.relations.domain.seat.SeatLimits;
import dev.relations.engine.Limits;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured apps, looked up by org and app name. */
@Singleton
public class Apps {
    private static final RosterLimits DEFAULT_LIMITS = new RosterLimits(100);
    private final Map<Tenant, AppSettings> byTenant;
    private final Map<Tenant, RoomLimits> roomLimits;

    public Apps(List<AppSettings> apps) {
        this.byTenant = apps.stream()
                .filter(a -> a.getOrg() != null && a.getApp() != null)
                .collect(Collectors.toUnmodifiableMap(a -> new Tenant(a.getOrg(), a.getApp()), Function.identity(), (a, b) -> a));
        // Built here so that an inconsistent setting stops the start instead of failing every room command.
        this.roomLimits = byTenant.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().roomLimits()));
    }

    public Optional<AppSettings> find(Tenant tenant) {
        return Optional.ofNullable(byTenant.get(tenant));
    }

    public RosterLimits limits(Tenant tenant) {
        return find(tenant).map(a -> new RosterLimits(a.getMaxContacts(), a.getMaxBlocked())).orElse(DEFAULT_LIMITS);
    }

    public RoomLimits roomLimits(Tenant tenant) {
        return roomLimits.getOrDefault(tenant, RoomLimits.defaults());
    }

    /** Every per-app limit the processor enforces. */
    public Limits limits() {
        return new Limits(this::limits, this::roomLimits,
                tenant -> new SeatLimits(find(tenant).map(AppSettings::getMaxJoinedRooms).orElse(SeatLimits.defaults().maxJoinedRooms())),
                this::appLimits);
    }

    public AppLimits appLimits(Tenant tenant) {
        return find(tenant).map(a -> new AppLimits(a.getMaxUsers(), a.getMaxRooms())).orElse(AppLimits.unlimited());
    }

    /** The app's uuid as answered in {@code application}: stable, derived from the app key. */
    /** Every answer's envelope names it: an MD5 per request showed in read profiles, so it is kept per app. */
    public static String uuidOf(Tenant tenant) {
        return UUIDS.computeIfAbsent(tenant.appKey(),
                appKey -> UUID.nameUUIDFromBytes(("app:" + appKey).getBytes(StandardCharsets.UTF_8)).toString());
    }

    private static final java.util.concurrent.ConcurrentMap<String, String> UUIDS = new java.util.concurrent.ConcurrentHashMap<>();
}
