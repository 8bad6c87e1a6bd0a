package dev.relations.api.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

/**
 * One configured Easemob app ({@code relations.apps.<name>.*}): its credentials and plan
 * limits. Limits are data: a larger plan is a larger number here, nothing else.
 */
@EachProperty("relations.apps")
public class AppSettings {
    private final String name;
    private String org;
    private String app;
    private String clientId;
    private String clientSecret;
    private int maxContacts = 100;
    private int maxBlocked = 500;
    private int maxJoinedRooms = 100;
    private int maxUsers;
    private boolean openRegistration;

    public AppSettings(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getOrg() {
        return org;
    }

    public void setOrg(String org) {
        this.org = org;
    }

    public String getApp() {
        return app;
    }

    public void setApp(String app) {
        this.app = app;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public int getMaxContacts() {
        return maxContacts;
    }

    public void setMaxContacts(int maxContacts) {
        this.maxContacts = maxContacts;
    }

    public int getMaxBlocked() {
        return maxBlocked;
    }

    public void setMaxBlocked(int maxBlocked) {
        this.maxBlocked = maxBlocked;
    }

    public int getMaxJoinedRooms() {
        return maxJoinedRooms;
    }

    public void setMaxJoinedRooms(int maxJoinedRooms) {
        this.maxJoinedRooms = maxJoinedRooms;
    }

    /** Registered users the app may have at once; 0 (the default): no quota. */
    public int getMaxUsers() {
        return maxUsers;
    }

    public void setMaxUsers(int maxUsers) {
        this.maxUsers = maxUsers;
    }

    public boolean isOpenRegistration() {
        return openRegistration;
    }

    public void setOpenRegistration(boolean openRegistration) {
        this.openRegistration = openRegistration;
    }
}
