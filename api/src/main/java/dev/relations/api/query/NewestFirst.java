package dev.relations.api.query;

import dev.relations.api.http.ApiException;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.store.Keys;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Pages over an owner's order index (seq -> name), newest first. The cursor is the seq of
 * the last entry returned: entries added later get higher seqs and never shift a page, so
 * paging never skips or repeats an entry that existed when the listing began.
 */
public final class NewestFirst {
    private NewestFirst() {
    }

    public record Page(List<String> names, Optional<String> cursor) {
    }

    public static Page page(ReadOnlyKeyValueStore<String, String> order, Tenant tenant, Username owner, Optional<String> cursor, int size) {
        long below = cursor.map(NewestFirst::decode).orElse(Long.MAX_VALUE);
        var names = new ArrayList<String>(Math.min(size, 64));
        long lastSeq = 0;
        boolean more = false;
        if (below > 0) {
            try (var it = order.reverseRange(Keys.order(tenant, owner, 0L), Keys.order(tenant, owner, below - 1))) {
                while (it.hasNext()) {
                    var kv = it.next();
                    if (names.size() == size) {
                        more = true;
                        break;
                    }
                    names.add(kv.value);
                    lastSeq = Long.parseLong(kv.key.substring(kv.key.length() - 16), 16);
                }
            }
        }
        return new Page(names, more ? Optional.of(encode(lastSeq)) : Optional.empty());
    }

    public static String encode(long seq) {
        return Base64.getEncoder().encodeToString(Long.toString(seq).getBytes(StandardCharsets.UTF_8));
    }

    public static long decode(String cursor) {
        try {
            long seq = Long.parseLong(new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (seq < 0) {
                throw new NumberFormatException();
            }
            return seq;
        } catch (IllegalArgumentException e) {
            throw ApiException.illegalArgument("invalid cursor: " + cursor);
        }
    }
}
