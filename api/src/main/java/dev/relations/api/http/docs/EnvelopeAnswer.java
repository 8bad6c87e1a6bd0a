package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route answering Easemob's success envelope, or the error body with 401 (token), 404 (unknown
 * org/app, user or chatroom) or 429 (rate or plan limit).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
@ApiResponse(responseCode = "200", description = "Easemob's success envelope",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = SuccessEnvelope.class)))
@ApiResponse(responseCode = "401", description = "unauthorized or auth_bad_access_token: token missing, expired or not issued here",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "404", description = "organization_application_not_found, service_resource_not_found or resource_not_found",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
@ApiResponse(responseCode = "429", description = "reach_limit (rate limit) or resource_limited (plan limit)",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
public @interface EnvelopeAnswer {
}
