package dev.relations.api.http;

import dev.relations.domain.common.Rejection;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure answers with Easemob's error body; a client's mistake is never a 500 or a stack trace. */
@Controller
public class ErrorController {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorController.class);

    @Error(global = true, exception = ApiException.class)
    public HttpResponse<?> refused(HttpRequest<?> request, ApiException e) {
        return Envelope.error(request, e.rejection());
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    public HttpResponse<?> notFound(HttpRequest<?> request) {
        return Envelope.error(request, new Rejection(404, "service_resource_not_found", "ResourceNotFoundException",
                "Service resource not found"));
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    public HttpResponse<?> wrongMethod(HttpRequest<?> request) {
        return Envelope.error(request, new Rejection(405, "method_not_allowed", "MethodNotAllowedException",
                "Method " + request.getMethodName() + " is not allowed for " + request.getPath()));
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    public HttpResponse<?> unsupportedMediaType(HttpRequest<?> request) {
        return Envelope.error(request, new Rejection(415, "web_application", "WebApplicationException", "Unsupported Media Type"));
    }

    @Error(global = true, exception = ContentLengthExceededException.class)
    public HttpResponse<?> tooLarge(HttpRequest<?> request) {
        return Envelope.error(request, new Rejection(413, "request_entity_too_large", "RequestEntityTooLargeException",
                "Request entity too large"));
    }

    @Error(global = true, exception = UnsatisfiedRouteException.class)
    public HttpResponse<?> unsatisfied(HttpRequest<?> request, UnsatisfiedRouteException e) {
        return Envelope.error(request, Rejection.illegalArgument(e.getMessage()));
    }

    @Error(global = true, exception = Throwable.class)
    public HttpResponse<?> bug(HttpRequest<?> request, Throwable e) {
        LOG.error("event=unhandled_error method={} path={}", request.getMethodName(), request.getPath(), e);
        return Envelope.error(request, new Rejection(500, "internal_server_error", "InternalServerErrorException",
                "Internal server error"));
    }
}
