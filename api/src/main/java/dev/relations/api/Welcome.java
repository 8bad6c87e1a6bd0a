package dev.relations.api;

/**
 * What the service prints once it is ready: how to get a token and make a first call. The
 * default app's client secret is printed only on the embedded default (a local trial, whose
 * secret was generated into its data directory); in external mode the secret belongs to the
 * deployment and never reaches the console.
 */
public final class Welcome {
    static final String SECRET_PLACEHOLDER = "$RELATIONS_CLIENT_SECRET";

    private Welcome() {
    }

    public record DefaultApp(String org, String app, String clientId, String clientSecret) {
    }

    public static String text(DefaultApp app, String url, String localBase, boolean embedded, long startMillis) {
        String base = localBase + "/" + app.org() + "/" + app.app();
        String secret = embedded ? app.clientSecret() : SECRET_PLACEHOLDER;
        return """

                Relations is ready in %d ms (%s) on %s

                Get an app token:
                  curl -s -X POST %s/token -H 'Content-Type: application/json' \\
                    -d '{"grant_type":"client_credentials","client_id":"%s","client_secret":"%s"}'

                Then, with TOKEN set to its access_token:
                  curl -s -X POST %s/users -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                    -d '{"username":"alice","password":"secret1"}'
                  curl -s -X POST %s/users -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                    -d '{"username":"bob","password":"secret2"}'
                  curl -s -X POST %s/users/alice/contacts/users/bob -H "Authorization: Bearer $TOKEN"
                  curl -s %s/users/alice/contacts/users -H "Authorization: Bearer $TOKEN"

                """.formatted(startMillis, embedded ? "embedded Kafka and schema registry" : "external Kafka",
                url, base, app.clientId(), secret, base, base, base, base);
    }
}
