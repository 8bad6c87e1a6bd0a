package dev.relations.domain.user;

import dev.relations.domain.app.AppCommand;
import dev.relations.domain.app.AppCommand.CountRegistration;
import dev.relations.domain.app.AppCommand.ForgetUser;
import dev.relations.domain.app.AppCommand.GrantSuperAdmin;
import dev.relations.domain.app.AppCommand.ReleaseRegistration;
import dev.relations.domain.app.AppCommand.ReserveRegistration;
import dev.relations.domain.common.AggregateRef;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Reply.SuperAdminReply;
import dev.relations.domain.common.Reply.UserReply;
import dev.relations.domain.common.User;
import dev.relations.domain.user.UserCommand.ActivateUser;
import dev.relations.domain.user.UserCommand.AddSuperAdmin;
import dev.relations.domain.user.UserCommand.DeactivateUser;
import dev.relations.domain.user.UserCommand.RegistrationGranted;
import dev.relations.domain.user.UserCommand.RegistrationRefused;
import dev.relations.domain.user.UserCommand.SuperAdminGranted;
import dev.relations.domain.user.UserCommand.DeleteUser;
import dev.relations.domain.user.UserCommand.RegisterUser;
import dev.relations.domain.user.UserEvent.UserActivated;
import dev.relations.domain.user.UserEvent.UserDeactivated;
import dev.relations.domain.user.UserEvent.UserDeleted;
import dev.relations.domain.user.UserEvent.UserRegistered;
import org.junit.jupiter.api.Test;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.NOW;
import static dev.relations.domain.common.Samples.user;
import static dev.relations.domain.user.UserScenario.given;
import static org.assertj.core.api.Assertions.assertThat;

class UserDeciderTest {
    private static final String HASH = "pbkdf2$hash";

    @Test
    void registering_a_new_username_records_it_and_answers_the_user() {
        var scenario = given();

        scenario.when(new RegisterUser(user(ALICE), HASH))
                .events(new UserRegistered(user(ALICE), HASH))
                .followUps(toApp(new CountRegistration(ALICE)))
                .accepted(new UserReply(user(ALICE)));
        assertThat(scenario.state()).contains(new RegisteredUser(user(ALICE), HASH));
    }

    @Test
    void under_a_quota_a_registration_first_asks_the_app_for_a_place() {
        given().withQuota(100)
                .when(new RegisterUser(user(ALICE), HASH))
                .noEvents()
                .followUps(toApp(new ReserveRegistration(user(ALICE), HASH)))
                .undecided();
    }

    @Test
    void a_taken_username_is_a_duplicate_before_any_place_is_asked_for() {
        given(new UserRegistered(user(ALICE), HASH)).withQuota(100)
                .when(new RegisterUser(user(ALICE), HASH))
                .noFollowUps()
                .rejected(400, "duplicate_unique_property_exists",
                        "Application chat Entity user requires that property named username be unique, value of alice exists");
    }

    @Test
    void a_granted_place_registers_the_user() {
        var scenario = given().withQuota(100);

        scenario.when(new RegistrationGranted(user(ALICE), HASH))
                .events(new UserRegistered(user(ALICE), HASH))
                .noFollowUps()
                .accepted(new UserReply(user(ALICE)));
        assertThat(scenario.state()).contains(new RegisteredUser(user(ALICE), HASH));
    }

    @Test
    void a_place_granted_after_the_name_was_taken_goes_back() {
        given(new UserRegistered(user(ALICE), HASH)).withQuota(100)
                .when(new RegistrationGranted(user(ALICE), "another-hash"))
                .noEvents()
                .followUps(toApp(new ReleaseRegistration(ALICE)))
                .rejected(400, "duplicate_unique_property_exists",
                        "Application chat Entity user requires that property named username be unique, value of alice exists");
    }

    @Test
    void a_full_quota_is_429_resource_limited() {
        given().withQuota(1)
                .when(new RegistrationRefused(ALICE))
                .noEvents()
                .rejected(429, "resource_limited",
                        "You have exceeded the limit of the community edition,Please upgrade to the enterprise edition");
    }

    @Test
    void a_super_admin_must_exist_before_the_app_is_asked() {
        given(new UserRegistered(user(ALICE), HASH))
                .when(new AddSuperAdmin(ALICE))
                .noEvents()
                .followUps(toApp(new GrantSuperAdmin(ALICE)))
                .undecided();
        given().when(new AddSuperAdmin(ALICE))
                .noFollowUps()
                .rejected(404, "resource_not_found", "username alice doesn't exist!");
    }

    @Test
    void the_apps_grant_answers_success() {
        given(new UserRegistered(user(ALICE), HASH))
                .when(new SuperAdminGranted(ALICE))
                .noEvents()
                .accepted(new SuperAdminReply(ALICE, true));
    }

    private static FollowUp<AppCommand> toApp(AppCommand command) {
        return new FollowUp<>(AggregateRef.app(), command);
    }

    @Test
    void registering_a_taken_username_is_rejected_as_a_duplicate() {
        var scenario = given(new UserRegistered(user(ALICE), HASH));

        scenario.when(new RegisterUser(user(ALICE), "another-hash"))
                .noEvents()
                .rejected(400, "duplicate_unique_property_exists",
                        "Application chat Entity user requires that property named username be unique, value of alice exists");
        assertThat(scenario.state()).contains(new RegisteredUser(user(ALICE), HASH));
    }

    @Test
    void deleting_a_user_records_the_deletion_and_answers_the_deleted_entity() {
        var scenario = given(new UserRegistered(user(ALICE), HASH));

        scenario.when(new DeleteUser(ALICE))
                .events(new UserDeleted(user(ALICE)))
                .followUps(toApp(new ForgetUser(ALICE)))
                .accepted(new UserReply(user(ALICE)));
        assertThat(scenario.state()).isEmpty();
    }

    @Test
    void deleting_a_missing_user_is_rejected_as_not_found() {
        given().when(new DeleteUser(ALICE))
                .noEvents()
                .rejected(404, "service_resource_not_found", "Service resource not found");
    }

    @Test
    void deactivating_a_user_clears_activated_and_answers_the_user_as_it_is_now() {
        var scenario = given(new UserRegistered(user(ALICE), HASH));
        var deactivated = withActivated(user(ALICE), false);

        scenario.when(new DeactivateUser(ALICE))
                .events(new UserDeactivated(deactivated))
                .accepted(new UserReply(deactivated));
        assertThat(scenario.state()).contains(new RegisteredUser(deactivated, HASH));
    }

    @Test
    void deactivating_a_deactivated_user_changes_nothing() {
        var deactivated = withActivated(user(ALICE), false);

        given(new UserRegistered(user(ALICE), HASH), new UserDeactivated(deactivated))
                .when(new DeactivateUser(ALICE))
                .noEvents()
                .accepted(new UserReply(deactivated));
    }

    @Test
    void activating_a_deactivated_user_sets_activated_again() {
        var scenario = given(new UserRegistered(user(ALICE), HASH), new UserDeactivated(withActivated(user(ALICE), false)));
        var activated = withActivated(user(ALICE), true);

        scenario.when(new ActivateUser(ALICE))
                .events(new UserActivated(activated))
                .accepted(new UserReply(activated));
        assertThat(scenario.state()).contains(new RegisteredUser(activated, HASH));
    }

    @Test
    void activating_an_active_user_changes_nothing() {
        given(new UserRegistered(user(ALICE), HASH))
                .when(new ActivateUser(ALICE))
                .noEvents()
                .accepted(new UserReply(user(ALICE)));
    }

    @Test
    void deactivating_or_activating_a_missing_user_is_not_found() {
        given().when(new DeactivateUser(ALICE)).rejected(404, "service_resource_not_found", "Service resource not found");
        given().when(new ActivateUser(ALICE)).rejected(404, "service_resource_not_found", "Service resource not found");
    }

    @Test
    void a_deactivated_user_can_still_be_deleted() {
        var deactivated = withActivated(user(ALICE), false);

        given(new UserRegistered(user(ALICE), HASH), new UserDeactivated(deactivated))
                .when(new DeleteUser(ALICE))
                .events(new UserDeleted(deactivated))
                .accepted(new UserReply(deactivated));
    }

    /** The user as a change of its flag at the request's time leaves it. */
    private static User withActivated(User user, boolean activated) {
        return new User(user.uuid(), user.username(), user.created(), NOW, activated, user.nickname());
    }

    @Test
    void a_deleted_username_can_be_registered_again() {
        given(new UserRegistered(user(ALICE), HASH), new UserDeleted(user(ALICE)))
                .when(new RegisterUser(user(ALICE), HASH))
                .events(new UserRegistered(user(ALICE), HASH))
                .accepted(new UserReply(user(ALICE)));
    }
}
