package dev.relations.eventlog;

/**
 * Keys of the fold's store, one app per store: a tag for the table, then the owner (user or
 * room) and the other side, '|'-separated ('|' occurs in no user name or room id). Each
 * owner prefix ends in '|', so one owner's scan never reaches another whose name extends it.
 */
final class Keys {
    static final String USERS = "u|";
    static final String ROOMS = "r|";

    private Keys() {
    }

    static String user(String name) {
        return USERS + name;
    }

    static String contacts(String owner) {
        return "c|" + owner + "|";
    }

    static String contact(String owner, String friend) {
        return contacts(owner) + friend;
    }

    static String blocks(String owner) {
        return "b|" + owner + "|";
    }

    static String block(String owner, String target) {
        return blocks(owner) + target;
    }

    static String joinedRooms(String user) {
        return "j|" + user + "|";
    }

    static String joined(String user, String room) {
        return joinedRooms(user) + room;
    }

    static String room(String id) {
        return ROOMS + id;
    }

    static String members(String room) {
        return "m|" + room + "|";
    }

    static String member(String room, String user) {
        return members(room) + user;
    }

    static String roomBlocks(String room) {
        return "x|" + room + "|";
    }

    static String roomBlock(String room, String user) {
        return roomBlocks(room) + user;
    }

    static String allows(String room) {
        return "a|" + room + "|";
    }

    static String allow(String room, String user) {
        return allows(room) + user;
    }

    static String mutes(String room) {
        return "q|" + room + "|";
    }

    static String mute(String room, String user) {
        return mutes(room) + user;
    }
}
