package dev.relations.eventlog;

/**
 * Keys of the fold's store, one app per store: a tag for the table, then the owner (user or
 * room) and the other side, '|'-separated ('|' occurs in no user name or room id). Each
 * owner prefix ends in '|', so one owner's scan never reaches another whose name extends it.
 */
final class Keys {
    static final String USERS = "u|";
    static final String ROOMS = "r|";

    /** One table of entries an owner keeps about others. */
    record Table(String tag) {
        /** Every entry of one owner: a prefix scan. */
        String of(String owner) {
            return tag + "|" + owner + "|";
        }

        String entry(String owner, String other) {
            return of(owner) + other;
        }
    }

    static final Table CONTACTS = new Table("c");
    static final Table BLOCKS = new Table("b");
    static final Table JOINED_ROOMS = new Table("j");
    static final Table MEMBERS = new Table("m");
    static final Table ROOM_BLOCKS = new Table("x");
    static final Table ALLOWS = new Table("a");
    static final Table MUTES = new Table("q");

    private Keys() {
    }

    static String user(String name) {
        return USERS + name;
    }

    static String room(String id) {
        return ROOMS + id;
    }
}
