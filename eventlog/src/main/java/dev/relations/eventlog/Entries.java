package dev.relations.eventlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The fold's stored values and their compact binary form (written by hand: a handful of
 * fixed layouts, read and written on every event, where a general serializer would cost
 * more than the fold itself).
 */
final class Entries {
    private Entries() {
    }

    /** A user: whether it exists now, its entity's uuid and creation time, and its list counters. */
    record UserEntry(boolean exists, String uuid, long created, long contactSeq, long blockSeq) {
        static final UserEntry NONE = new UserEntry(false, "", 0, 0, 0);

        byte[] encode() {
            return new Out().bool(exists).string(uuid).i64(created).i64(contactSeq).i64(blockSeq).bytes();
        }

        static UserEntry decode(byte[] bytes) {
            if (bytes == null) {
                return NONE;
            }
            var in = ByteBuffer.wrap(bytes);
            return new UserEntry(in.get() != 0, string(in), in.getLong(), in.getLong(), in.getLong());
        }
    }

    /** One roster edge: its position in the owner's order and the owner's remark on it. */
    record ContactEntry(long seq, String remark) {
        byte[] encode() {
            return new Out().i64(seq).string(remark).bytes();
        }

        static ContactEntry decode(byte[] bytes) {
            var in = ByteBuffer.wrap(bytes);
            return new ContactEntry(in.getLong(), string(in));
        }
    }

    /** A chatroom's info, whether it exists now, and its join-order counter. */
    record RoomEntry(boolean exists, String name, String description, int maxusers, String owner, String custom,
                     long created, boolean muteAll, long memberSeq) {
        static final RoomEntry NONE = new RoomEntry(false, "", "", 0, "", "", 0, false, 0);

        byte[] encode() {
            return new Out().bool(exists).string(name).string(description).i32(maxusers).string(owner).string(custom)
                    .i64(created).bool(muteAll).i64(memberSeq).bytes();
        }

        static RoomEntry decode(byte[] bytes) {
            if (bytes == null) {
                return NONE;
            }
            var in = ByteBuffer.wrap(bytes);
            return new RoomEntry(in.get() != 0, string(in), string(in), in.getInt(), string(in), string(in),
                    in.getLong(), in.get() != 0, in.getLong());
        }
    }

    enum Role { OWNER, ADMIN, MEMBER }

    /** One member: position in the room's join order and role. */
    record MemberEntry(long seq, Role role) {
        byte[] encode() {
            return new Out().i64(seq).i32(role.ordinal()).bytes();
        }

        static MemberEntry decode(byte[] bytes) {
            var in = ByteBuffer.wrap(bytes);
            return new MemberEntry(in.getLong(), Role.values()[in.getInt()]);
        }

        MemberEntry withRole(Role next) {
            return new MemberEntry(seq, next);
        }
    }

    static byte[] longValue(long value) {
        return new Out().i64(value).bytes();
    }

    static long longOf(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }

    static final byte[] PRESENT = new byte[0];

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        var s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    /** A growable big-endian writer. */
    private static final class Out {
        private ByteBuffer buffer = ByteBuffer.allocate(64);

        Out bool(boolean value) {
            ensure(1);
            buffer.put((byte) (value ? 1 : 0));
            return this;
        }

        Out i32(int value) {
            ensure(4);
            buffer.putInt(value);
            return this;
        }

        Out i64(long value) {
            ensure(8);
            buffer.putLong(value);
            return this;
        }

        Out string(String value) {
            if (value == null) {
                return i32(-1);
            }
            var utf8 = value.getBytes(StandardCharsets.UTF_8);
            i32(utf8.length);
            ensure(utf8.length);
            buffer.put(utf8);
            return this;
        }

        byte[] bytes() {
            var out = new byte[buffer.position()];
            System.arraycopy(buffer.array(), 0, out, 0, out.length);
            return out;
        }

        private void ensure(int more) {
            if (buffer.remaining() < more) {
                var bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + more));
                buffer.flip();
                bigger.put(buffer);
                buffer = bigger;
            }
        }
    }
}
