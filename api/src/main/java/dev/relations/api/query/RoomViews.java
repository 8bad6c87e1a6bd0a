package dev.relations.api.query;

import dev.relations.domain.common.RoomId;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.room.RoomInfo;
import dev.relations.domain.room.RoomLimits;
import dev.relations.query.StateQueries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chatroom reads over one partition's state, shaped as Easemob answers them. */
public final class RoomViews {
    private RoomViews() {
    }

    /** Confirmed members in join order. */
    public static List<String> membersInJoinOrder(StateQueries state, Tenant tenant, RoomId room) {
        return state.membersInJoinOrder(tenant, room, 0, Integer.MAX_VALUE).stream().map(StateQueries.Ordered::name).toList();
    }

    /**
     * One page of Easemob's member listing: the owner first, then the others in join order.
     * Walks the order index up to the page, without materialising the room.
     */
    public static List<Map<String, Object>> memberPage(StateQueries state, Tenant tenant, RoomId room, String owner,
                                                       long offset, int size) {
        var page = new ArrayList<Map<String, Object>>();
        if (offset == 0 && size > 0) {
            page.add(Map.of("owner", owner));
        }
        // The owner holds one place in the join order: skip it, and read one more entry for it.
        long skip = Math.max(0, offset - 1);
        long after = 0;
        while (page.size() < size) {
            var batch = state.membersInJoinOrder(tenant, room, after, 64);
            if (batch.isEmpty()) {
                break;
            }
            for (var entry : batch) {
                after = entry.seq();
                if (entry.name().equals(owner)) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                    continue;
                }
                if (page.size() < size) {
                    page.add(Map.of("member", entry.name()));
                }
            }
        }
        return page;
    }

    public static Map<String, Object> detail(StateQueries state, Tenant tenant, RoomInfo info) {
        var members = membersInJoinOrder(state, tenant, info.id());
        var owner = info.owner().value();
        var affiliations = new ArrayList<Map<String, Object>>();
        for (var member : members) {
            affiliations.add(member.equals(owner) ? Map.of("owner", member) : Map.of("member", member));
        }
        var detail = new LinkedHashMap<String, Object>();
        detail.put("id", info.id().value());
        detail.put("name", info.name());
        detail.put("description", info.description());
        detail.put("membersonly", false);
        detail.put("allowinvites", false);
        detail.put("maxusers", info.maxUsers());
        detail.put("owner", owner);
        detail.put("created", info.created());
        detail.put("custom", info.custom());
        detail.put("mute", info.muteAll());
        detail.put("affiliations_count", members.size());
        detail.put("affiliations", affiliations);
        detail.put("public", true);
        detail.put("disabled", false);
        return detail;
    }

    /** Unexpired mutes: user and expiry (a permanent one as {@code limits} answers it). */
    public static List<Map<String, Object>> mutes(StateQueries state, Tenant tenant, RoomId room, long now, RoomLimits limits) {
        var mutes = new ArrayList<Map<String, Object>>();
        state.mutes(tenant, room, now).forEach((user, expiry) -> {
            var mute = new LinkedHashMap<String, Object>();
            mute.put("expire", limits.answeredExpiry(expiry));
            mute.put("user", user);
            mutes.add(mute);
        });
        return mutes;
    }
}
