package dev.relations.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.relations.api.http.ApiException;
import dev.relations.domain.common.Tenant;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

/**
 * App tokens: HS256-signed JWTs naming the org and app, with an expiry (none when ttl is 0).
 * Every instance of the service shares the signing secret, so a token works on any of them.
 */
@Singleton
public class TokenService {
    private static final String ORG = "org";
    private static final String APP = "app";
    private final MACSigner signer;
    private final MACVerifier verifier;
    /**
     * Tokens whose signature already checked out, with what they grant: an HMAC check and JSON
     * parse per request cost more than the rest of a cached read. Bounded, and expiry is still
     * checked on every use.
     */
    private final Cache<String, Grant> verified = Caffeine.newBuilder().maximumSize(10_000).build();

    private record Grant(Object org, Object app, Date expiry) {
    }

    public TokenService(@Value("${relations.token.secret}") String secret) throws JOSEException {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalArgumentException("relations.token.secret must be at least 32 bytes");
        }
        this.signer = new MACSigner(key);
        this.verifier = new MACVerifier(key);
    }

    public String issue(Tenant tenant, long ttlSeconds, Instant now) {
        var claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .claim(ORG, tenant.org())
                .claim(APP, tenant.app());
        if (ttlSeconds > 0) {
            claims.expirationTime(Date.from(now.plusSeconds(ttlSeconds)));
        }
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("token signing failed", e);
        }
        return jwt.serialize();
    }

    /** Checks a bearer token for the tenant named in the URL; refusals are Easemob's 401 variants. */
    public void verify(String token, Tenant tenant, Instant now) {
        if (token == null || token.isBlank()) {
            throw ApiException.unauthorized("Unable to authenticate due to expired access token");
        }
        var grant = verified.getIfPresent(token);
        if (grant == null) {
            grant = verifySignature(token);
            verified.put(token, grant);
        }
        if (!Objects.equals(grant.org(), tenant.org()) || !Objects.equals(grant.app(), tenant.app())) {
            throw ApiException.badAccessToken("Unable to authenticate");
        }
        if (grant.expiry() != null && !grant.expiry().toInstant().isAfter(now)) {
            throw ApiException.unauthorized("Unable to authenticate due to expired access token");
        }
    }

    private Grant verifySignature(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw ApiException.badAccessToken("Unable to authenticate due to corrupt access token");
        }
        try {
            if (!jwt.verify(verifier)) {
                throw ApiException.badAccessToken("Unable to authenticate");
            }
        } catch (JOSEException e) {
            throw ApiException.badAccessToken("Unable to authenticate");
        }
        return new Grant(claims.getClaim(ORG), claims.getClaim(APP), claims.getExpirationTime());
    }
}
