package dev.relations.api.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

/**
 * Easemob answers JSON whatever a client's {@code Accept} header says. Dropping the header
 * before routing lets every route match and answer its own type, where the router would
 * otherwise refuse an {@code Accept: text/html} with 406.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AnyAcceptFilter {
    @RequestFilter
    @PreMatching
    public void acceptAnything(MutableHttpRequest<?> request) {
        request.getHeaders().remove(HttpHeaders.ACCEPT);
    }
}
