package dev.relations.api.query;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PeerForwardingTest {
    private final PeerForwarding peers = new PeerForwarding("shared-secret");

    @Test
    void a_mark_is_accepted_for_its_own_read_only() {
        var path = "/demo/relations/users/alice/contacts/users";
        var mark = peers.mark(path);

        assertThat(peers.isForwarded(HttpRequest.GET(path).header(PeerForwarding.HEADER, mark))).isTrue();
        assertThat(peers.isForwarded(HttpRequest.GET(path + "?limit=1").header(PeerForwarding.HEADER, mark))).isFalse();
        assertThat(peers.isForwarded(HttpRequest.GET("/demo/relations/users/bob/contacts/users").header(PeerForwarding.HEADER, mark)))
                .isFalse();
        assertThat(peers.isForwarded(HttpRequest.GET(path))).isFalse();
        assertThat(peers.isForwarded(HttpRequest.GET(path).header(PeerForwarding.HEADER, "not base64 !"))).isFalse();
        assertThat(new PeerForwarding("another-secret").isForwarded(HttpRequest.GET(path).header(PeerForwarding.HEADER, mark)))
                .as("an instance with another secret").isFalse();
    }

    @Test
    void marks_made_on_many_threads_at_once_are_the_same_as_on_one() throws Exception {
        var expected = IntStream.range(0, 64).mapToObj(i -> peers.mark("/p/" + i)).toList();
        try (var threads = Executors.newFixedThreadPool(8)) {
            var tasks = IntStream.range(0, 64 * 50).<Callable<Boolean>>mapToObj(n -> () -> {
                int i = n % 64;
                return peers.mark("/p/" + i).equals(expected.get(i));
            }).toList();
            for (var answer : threads.invokeAll(tasks)) {
                assertThat(answer.get()).isTrue();
            }
        }
    }
}
