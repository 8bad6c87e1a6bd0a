package dev.relations.api.webhooks;

import dev.relations.api.config.AppSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every app's callback rules, read from {@code relations.apps.<name>.callbacks.<rule>.url},
 * {@code .secret}, {@code .events} (comma-separated, default {@code *}) and {@code .format}
 * ({@code new} or {@code muc}). Built at start, so a bad rule stops the start with its reason.
 */
@Context
public class CallbackRules {
    /** Easemob allows this many callback rules per app (SPEC E.1). */
    public static final int MAX_RULES_PER_APP = 4;

    private final Map<String, List<CallbackRule>> byApp;

    public CallbackRules(List<AppSettings> apps, Environment environment) {
        var raw = new LinkedHashMap<String, Map<String, Map<String, String>>>();
        for (var app : apps) {
            if (app.getOrg() == null || app.getApp() == null) {
                continue;
            }
            var prefix = "relations.apps." + app.getName() + ".callbacks";
            var rules = new LinkedHashMap<String, Map<String, String>>();
            for (var rule : new TreeSet<>(environment.getPropertyEntries(prefix))) {
                var fields = new LinkedHashMap<String, String>();
                for (var field : List.of("url", "secret", "events", "format")) {
                    environment.getProperty(prefix + "." + rule + "." + field, String.class).ifPresent(v -> fields.put(field, v));
                }
                rules.put(rule, fields);
            }
            raw.computeIfAbsent(app.getOrg() + "#" + app.getApp(), k -> new LinkedHashMap<>()).putAll(rules);
        }
        this.byApp = parse(raw);
    }

    CallbackRules(Map<String, List<CallbackRule>> byApp) {
        this.byApp = Map.copyOf(byApp);
    }

    /** App key → rule name → field → value; throws {@link IllegalStateException} naming what is wrong. */
    static Map<String, List<CallbackRule>> parse(Map<String, Map<String, Map<String, String>>> raw) {
        var byApp = new LinkedHashMap<String, List<CallbackRule>>();
        raw.forEach((appKey, rules) -> {
            if (rules.size() > MAX_RULES_PER_APP) {
                throw new IllegalStateException("app " + appKey + " has " + rules.size() + " callback rules " + rules.keySet()
                        + "; at most " + MAX_RULES_PER_APP + " are allowed per app");
            }
            var parsed = new ArrayList<CallbackRule>();
            rules.forEach((name, fields) -> parsed.add(rule(appKey, name, fields)));
            if (!parsed.isEmpty()) {
                byApp.put(appKey, List.copyOf(parsed));
            }
        });
        return byApp;
    }

    private static CallbackRule rule(String appKey, String name, Map<String, String> fields) {
        var where = "callback rule " + name + " of app " + appKey;
        var url = fields.get("url");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(where + " has no url");
        }
        try {
            var uri = URI.create(url.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("not http(s)");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " has an invalid url (an http or https URL is needed): " + url);
        }
        var format = switch (fields.getOrDefault("format", "new").trim().toLowerCase(Locale.ROOT)) {
            case "new" -> CallbackRule.Format.NEW;
            case "muc" -> CallbackRule.Format.MUC;
            default -> throw new IllegalStateException(where + " has an unknown format " + fields.get("format") + " (new or muc)");
        };
        var events = Arrays.stream(fields.getOrDefault("events", "*").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new CallbackRule(appKey + "/" + name, appKey, url.trim(), fields.getOrDefault("secret", ""),
                events.isEmpty() ? List.of("*") : events, format);
    }

    /** The app's rules; empty for an app without any. */
    public List<CallbackRule> of(String appKey) {
        return byApp.getOrDefault(appKey, List.of());
    }

    /** Every app's rules, app by app. */
    public List<CallbackRule> all() {
        return byApp.values().stream().flatMap(List::stream).toList();
    }

    public boolean any() {
        return !byApp.isEmpty();
    }
}
