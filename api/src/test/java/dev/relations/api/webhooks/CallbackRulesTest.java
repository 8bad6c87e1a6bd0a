package dev.relations.api.webhooks;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackRulesTest {

    private static Map<String, Map<String, Map<String, String>>> app(int rules) {
        var byName = new LinkedHashMap<String, Map<String, String>>();
        for (int i = 1; i <= rules; i++) {
            byName.put("r" + i, Map.of("url", "http://hooks.example.com/" + i));
        }
        return Map.of("org#app", byName);
    }

    @Test
    void four_rules_per_app_are_taken_in_name_order() {
        var rules = new CallbackRules(CallbackRules.parse(app(4))).of("org#app");
        assertThat(rules).extracting(CallbackRule::id).containsExactly("org#app/r1", "org#app/r2", "org#app/r3", "org#app/r4");
        assertThat(rules.getFirst().format()).isEqualTo(CallbackRule.Format.NEW);
        assertThat(rules.getFirst().eventTypes()).containsExactly("*");
    }

    @Test
    void a_fifth_rule_stops_the_start_naming_the_app_and_the_limit() {
        assertThatThrownBy(() -> CallbackRules.parse(app(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("app org#app has 5 callback rules [r1, r2, r3, r4, r5]; at most 4 are allowed per app");
    }

    @Test
    void a_rule_without_an_http_url_or_with_an_unknown_format_is_refused() {
        assertThatThrownBy(() -> CallbackRules.parse(Map.of("org#app", Map.of("x", Map.of("secret", "s")))))
                .hasMessage("callback rule x of app org#app has no url");
        assertThatThrownBy(() -> CallbackRules.parse(Map.of("org#app", Map.of("x", Map.of("url", "ftp://h/")))))
                .hasMessage("callback rule x of app org#app has an invalid url (an http or https URL is needed): ftp://h/");
        assertThatThrownBy(() -> CallbackRules.parse(Map.of("org#app", Map.of("x", Map.of("url", "http://h/", "format", "xml")))))
                .hasMessage("callback rule x of app org#app has an unknown format xml (new or muc)");
    }

    @Test
    void a_rule_asks_for_exact_event_types_families_or_everything() {
        var rule = CallbackRules.parse(Map.of("org#app", Map.of("x",
                Map.of("url", "http://h/", "events", "block.*, contact.added", "format", "muc")))).get("org#app").getFirst();
        assertThat(rule.format()).isEqualTo(CallbackRule.Format.MUC);
        assertThat(rule.wants("block.added")).isTrue();
        assertThat(rule.wants("block.removed")).isTrue();
        assertThat(rule.wants("contact.added")).isTrue();
        assertThat(rule.wants("contact.removed")).isFalse();
        assertThat(rule.wants("room.created")).isFalse();
        assertThat(new CallbackRule("a/b", "a", "http://h/", "", List.of("*"), CallbackRule.Format.NEW).wants("room.created")).isTrue();
    }

    @Test
    void security_is_the_md5_hex_of_call_id_secret_and_timestamp() {
        // md5("org#app_1" + "s3cret" + "1642648046912"), computed independently (coreutils md5sum).
        assertThat(Callback.security("org#app_1", "s3cret", 1642648046912L)).isEqualTo(MD5_OF_EXAMPLE);
    }

    static final String MD5_OF_EXAMPLE = "9619ec1ed170f4ec00d4077d7f7179d9";
}
