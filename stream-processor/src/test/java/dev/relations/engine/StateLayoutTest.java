package dev.relations.engine;

import dev.relations.store.Keys;
import dev.relations.store.Slice;
import dev.relations.store.StoreNames;
import org.junit.jupiter.api.Test;


import static dev.relations.engine.RoomSteps.CHAT;
import static dev.relations.engine.TopologyHarness.allKeys;
import static org.assertj.core.api.Assertions.assertThat;

/** Every table shares one physical store: each slice sees its own entries only, in its own key order. */
class StateLayoutTest extends TopologyTest {
    @Test
    void each_slice_lists_only_its_own_entries_although_all_share_one_store() {
        relations.given(CHAT, "alice", "bob", "carol");
        assertThat(relations.add(CHAT, "alice", "bob").getStatus()).isEqualTo(200);
        assertThat(rooms.create(CHAT, "100", "alice", "bob", "carol").getStatus()).isEqualTo(200);

        assertThat(allKeys(relations.store(StoreNames.USERS)))
                .containsExactly("acme#chat|alice", "acme#chat|bob", "acme#chat|carol");
        assertThat(allKeys(relations.store(StoreNames.CONTACTS)))
                .containsExactly("acme#chat|alice|bob", "acme#chat|bob|alice");
        assertThat(allKeys(relations.store(StoreNames.ROOMS))).containsExactly("acme#chat|100");
        assertThat(allKeys(relations.store(StoreNames.ROOM_MEMBERS)))
                .containsExactly("acme#chat|100|alice", "acme#chat|100|bob", "acme#chat|100|carol");
        assertThat(allKeys(relations.store(StoreNames.ROOM_MUTES))).isEmpty();
        assertThat(allKeys(relations.store(StoreNames.SEATS)))
                .containsExactly("acme#chat|alice|100", "acme#chat|bob|100", "acme#chat|carol|100");
    }

    @Test
    void a_slice_range_with_open_bounds_stays_inside_the_slice() {
        relations.given(CHAT, "alice", "bob");
        assertThat(rooms.create(CHAT, "100", "alice", "bob").getStatus()).isEqualTo(200);

        try (var all = relations.store(StoreNames.ROOM_MEMBER_ORDER).range(null, null)) {
            var values = new java.util.ArrayList<String>();
            all.forEachRemaining(kv -> values.add(kv.value));
            assertThat(values).containsExactly("alice", "bob");
        }
        try (var reversed = relations.store(StoreNames.ROOMS).reverseAll()) {
            assertThat(reversed.next().key).isEqualTo("acme#chat|100");
            assertThat(reversed.hasNext()).isFalse();
        }
    }

    @Test
    void every_slice_is_listed_once_with_a_tag_of_its_own() throws IllegalAccessException {
        var declared = new java.util.ArrayList<Slice<?>>();
        for (var field : StoreNames.class.getFields()) {
            if (field.getType() == Slice.class) {
                declared.add((Slice<?>) field.get(null));
            }
        }

        assertThat(StoreNames.ALL).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(StoreNames.ALL.stream().map(Slice::tag)).doesNotHaveDuplicates();
    }
}
