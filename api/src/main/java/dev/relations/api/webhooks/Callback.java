package dev.relations.api.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One callback body before signing: its fields in Easemob's order, with {@code security}
 * (and, for the old format, {@code securityVersion}) inserted after {@code callId} when signed.
 */
public record Callback(String callId, long timestamp, Map<String, Object> fields, boolean versioned) {
    static final String SECURITY_VERSION = "1.0.0";

    /** The body as sent to a rule with this secret. */
    public Map<String, Object> signedWith(String secret) {
        var signed = new LinkedHashMap<String, Object>();
        fields.forEach((name, value) -> {
            signed.put(name, value);
            if (name.equals("callId")) {
                signed.put("security", security(callId, secret, timestamp));
                if (versioned) {
                    signed.put("securityVersion", SECURITY_VERSION);
                }
            }
        });
        return signed;
    }

    /** SPEC E.1: MD5(callId + secret + timestamp), lower-case hex (commons-codec's md5Hex; not on our classpath, and this is the JDK's). */
    public static String security(String callId, String secret, long timestamp) {
        try {
            var digest = MessageDigest.getInstance("MD5").digest((callId + secret + timestamp).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
