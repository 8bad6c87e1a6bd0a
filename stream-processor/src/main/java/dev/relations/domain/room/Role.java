package dev.relations.domain.room;

/** A member's one role in a room. Exactly one OWNER per room; an ADMIN is always a member. */
public enum Role { OWNER, ADMIN, MEMBER }
