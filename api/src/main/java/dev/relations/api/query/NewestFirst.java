package dev.relations.api.query;

import dev.relations.api.http.ApiException;
import dev.relations.domain.common.Tenant;
import dev.relations.domain.common.Username;
import dev.relations.query.StateQueries;

import java.nio.charset.StandardCharsets;
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

    public static Page page(StateQueries state, StateQueries.OwnerList list, Tenant tenant, Username owner,
                            Optional<String> cursor, int size) {
        long below = cursor.map(NewestFirst::decode).orElse(Long.MAX_VALUE);
        var entries = state.newestFirst(list, tenant, owner, below, size == Integer.MAX_VALUE ? size : size + 1);
        if (entries.size() <= size) {
            return new Page(entries.stream().map(StateQueries.Ordered::name).toList(), Optional.empty());
        }
        var shown = entries.subList(0, size);
        return new Page(shown.stream().map(StateQueries.Ordered::name).toList(), Optional.of(encode(shown.getLast().seq())));
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
