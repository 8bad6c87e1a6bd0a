package dev.relations.api.query;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Marks a read one instance forwards to another: the header carries an HMAC of the request
 * line under the secret every instance shares (the token secret), so a client cannot make an
 * instance answer an unrouted local read, nor skip the rate limit its first instance applied.
 */
@Singleton
public class PeerForwarding {
    public static final String HEADER = "X-Relations-Forwarded";

    // A Mac is not thread-safe and costly to look up and key: one per thread, keyed once.
    private final ThreadLocal<Mac> macs;

    public PeerForwarding(@Value("${relations.token.secret}") String secret) {
        var key = new SecretKeySpec(("forwarding|" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
    }

    /** The header value for a forwarded {@code GET path}. */
    public String mark(String path) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(path));
    }

    /** Whether the request carries a valid mark from a peer (a forged or copied one is ignored). */
    public boolean isForwarded(HttpRequest<?> request) {
        var value = request.getHeaders().get(HEADER);
        if (value == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(request.getUri().toString()));
    }

    private byte[] mac(String path) {
        // doFinal leaves the Mac reset, with its key, for the next call on this thread.
        return macs.get().doFinal(("GET " + path).getBytes(StandardCharsets.UTF_8));
    }
}
