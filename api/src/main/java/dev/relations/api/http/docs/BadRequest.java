package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A route that refuses a malformed body or parameter with 400 and the error body. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
@ApiResponse(responseCode = "400", description = "illegal_argument, json_parse or another refusal of the request",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
public @interface BadRequest {
}
