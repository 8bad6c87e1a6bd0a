package dev.relations.api.http.docs;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A route that refuses an illogical operation or a full list with 403 and the error body. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
@ApiResponse(responseCode = "403", description = "forbidden_op or exceed_limit",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorBody.class)))
public @interface Forbidden {
}
