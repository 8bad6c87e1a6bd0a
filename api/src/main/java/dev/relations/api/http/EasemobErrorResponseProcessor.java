package dev.relations.api.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The body of every error the server answers on its own (a request Netty cannot decode, an
 * oversized request line or header, a status without a handler): Easemob's error shape
 * instead of Micronaut's {@code message/_links}.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class EasemobErrorResponseProcessor implements ErrorResponseProcessor<Map<String, Object>> {
    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        var rejection = StatusErrors.of(response.code(), context.getRequest());
        var easemob = Envelope.error(context.getRequest(), rejection);
        return response.status(easemob.code()).contentType(MediaType.APPLICATION_JSON_TYPE).body(easemob.body());
    }
}
