package dev.relations.api.http;

import dev.relations.domain.common.Rejection;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URISyntaxException;

/** Every failure answers with Easemob's error body; a client's mistake is never a 500 or a stack trace. */
@Controller
public class ErrorController {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorController.class);

    @Error(global = true, exception = ApiException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, ApiException e) {
        var answer = Envelope.error(request, e.rejection());
        return e.retryAfterSeconds() > 0 ? answer.header("Retry-After", Integer.toString(e.retryAfterSeconds())) : answer;
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    public HttpResponse<?> notFound(HttpRequest<?> request) {
        return byStatus(request, 404);
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    public HttpResponse<?> wrongMethod(HttpRequest<?> request) {
        return byStatus(request, 405);
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    public HttpResponse<?> unsupportedMediaType(HttpRequest<?> request) {
        return byStatus(request, 415);
    }

    @Error(global = true, exception = ContentLengthExceededException.class)
    public HttpResponse<?> tooLarge(HttpRequest<?> request) {
        return byStatus(request, 413);
    }

    /** Refusals Micronaut raises itself (a status carried by an exception). */
    @Error(global = true, exception = HttpStatusException.class)
    public HttpResponse<?> status(HttpRequest<?> request, HttpStatusException e) {
        return byStatus(request, e.getStatus().getCode());
    }

    /** A path or query with a malformed escape ({@code %zz}, a lone {@code %}). */
    @Error(global = true, exception = URISyntaxException.class)
    public HttpResponse<?> badUri(HttpRequest<?> request) {
        return Envelope.error(request, Rejection.illegalArgument("Illegal URI"));
    }

    @Error(global = true, exception = UnsatisfiedRouteException.class)
    public HttpResponse<?> unsatisfied(HttpRequest<?> request, UnsatisfiedRouteException e) {
        return Envelope.error(request, Rejection.illegalArgument(e.getMessage()));
    }

    @Error(global = true, exception = Throwable.class)
    public HttpResponse<?> bug(HttpRequest<?> request, Throwable e) {
        LOG.error("event=unhandled_error method={} path={}", request.getMethodName(), request.getPath(), e);
        return byStatus(request, 500);
    }

    private static HttpResponse<?> byStatus(HttpRequest<?> request, int status) {
        return Envelope.error(request, StatusErrors.of(status, request));
    }
}
