package dev.relations.api.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API a route belongs to, as Easemob counts it for rate limits (SPEC A.6): the key of its
 * bucket, of its override {@code relations.apps.<name>.rate-limits.<api>}, and of its metrics.
 * Routes that are one API to Easemob (both spellings of the remark call) share the name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiName {
    String value();
}
