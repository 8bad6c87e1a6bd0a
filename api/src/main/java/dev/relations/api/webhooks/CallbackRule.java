package dev.relations.api.webhooks;

import java.util.List;

/**
 * One of an app's callback rules ({@code relations.apps.<name>.callbacks.<rule>.*}): where its
 * callbacks go, the secret they are signed with, which events it asks for and in which format.
 *
 * @param id         {@code org#app/rule}: names the rule in bans, metrics and the failure store
 * @param eventTypes event types of SPEC E.5 ({@code contact.added}), a family ({@code room.*}) or {@code *}
 */
public record CallbackRule(String id, String appKey, String url, String secret, List<String> eventTypes, Format format) {

    /** How chatroom events are told; roster events are E.2's in both. */
    public enum Format {
        /** E.3's {@code group_op_event}. */
        NEW,
        /** E.4's old {@code muc} callbacks, signed with {@code securityVersion}. */
        MUC
    }

    public boolean wants(String eventType) {
        for (var pattern : eventTypes) {
            if (pattern.equals("*") || pattern.equals(eventType)
                    || pattern.endsWith(".*") && eventType.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
