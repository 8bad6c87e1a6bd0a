package dev.relations.domain.app;

import dev.relations.domain.app.AppCommand.CountRegistration;
import dev.relations.domain.app.AppCommand.ForgetUser;
import dev.relations.domain.app.AppCommand.GrantSuperAdmin;
import dev.relations.domain.app.AppCommand.ReleaseRegistration;
import dev.relations.domain.app.AppCommand.RemoveSuperAdmin;
import dev.relations.domain.app.AppCommand.ReserveRegistration;
import dev.relations.domain.app.AppEvent.RegistrationCounted;
import dev.relations.domain.app.AppEvent.RegistrationReleased;
import dev.relations.domain.app.AppEvent.SuperAdminAdded;
import dev.relations.domain.app.AppEvent.SuperAdminRemoved;
import dev.relations.domain.common.Decision.FollowUp;
import dev.relations.domain.common.Reply.SuperAdminReply;
import dev.relations.domain.common.Samples;
import dev.relations.domain.common.Then;
import dev.relations.domain.user.UserCommand;
import dev.relations.domain.user.UserCommand.RegistrationGranted;
import dev.relations.domain.user.UserCommand.RegistrationRefused;
import dev.relations.domain.user.UserCommand.SuperAdminGranted;
import org.junit.jupiter.api.Test;

import static dev.relations.domain.common.Samples.ALICE;
import static dev.relations.domain.common.Samples.BOB;
import static dev.relations.domain.common.Samples.CAROL;
import static dev.relations.domain.common.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;

/** The app's own aggregate: the registered-user quota (SPEC B.2) and the chatroom super admins (SPEC D.6). */
class AppDeciderTest {
    private static final String HASH = "pbkdf2$hash";

    private final InMemoryApp app = new InMemoryApp();
    private AppLimits limits = AppLimits.unlimited();

    private AppDeciderTest given(AppEvent... history) {
        for (var event : history) {
            AppDecider.evolve(app, event);
        }
        return this;
    }

    private AppDeciderTest withQuota(int maxUsers) {
        limits = new AppLimits(maxUsers);
        return this;
    }

    private Then<AppEvent, UserCommand> when(AppCommand command) {
        var decision = AppDecider.decide(command, Samples.request("req-1"), app, limits);
        decision.events().forEach(event -> AppDecider.evolve(app, event));
        return new Then<>(decision);
    }

    @Test
    void a_registration_under_the_quota_takes_a_place_and_is_granted() {
        withQuota(2).given(new RegistrationCounted(BOB))
                .when(new ReserveRegistration(user(ALICE), HASH))
                .events(new RegistrationCounted(ALICE))
                .followUps(new FollowUp<>(ALICE, new RegistrationGranted(user(ALICE), HASH)))
                .undecided();
        assertThat(app.registeredUsers()).isEqualTo(2);
    }

    @Test
    void a_registration_beyond_the_quota_is_refused_and_counts_nothing() {
        withQuota(1).given(new RegistrationCounted(BOB))
                .when(new ReserveRegistration(user(ALICE), HASH))
                .noEvents()
                .followUps(new FollowUp<>(ALICE, new RegistrationRefused(ALICE)))
                .undecided();
        assertThat(app.registeredUsers()).isEqualTo(1);
    }

    @Test
    void registrations_without_a_quota_are_counted_so_a_quota_set_later_holds() {
        when(new CountRegistration(ALICE)).events(new RegistrationCounted(ALICE)).noFollowUps();
        withQuota(1)
                .when(new ReserveRegistration(user(BOB), HASH))
                .followUps(new FollowUp<>(BOB, new RegistrationRefused(BOB)));
    }

    @Test
    void a_deleted_user_gives_its_place_back() {
        withQuota(1).given(new RegistrationCounted(ALICE))
                .when(new ForgetUser(ALICE))
                .events(new RegistrationReleased(ALICE))
                .noFollowUps();
        when(new ReserveRegistration(user(BOB), HASH)).followUps(new FollowUp<>(BOB, new RegistrationGranted(user(BOB), HASH)));
    }

    @Test
    void the_count_never_goes_below_zero() {
        when(new ReleaseRegistration(ALICE)).events(new RegistrationReleased(ALICE));
        assertThat(app.registeredUsers()).isZero();
    }

    @Test
    void granting_a_super_admin_adds_it_in_order_and_answers_the_users_side() {
        given(new SuperAdminAdded(BOB))
                .when(new GrantSuperAdmin(ALICE))
                .events(new SuperAdminAdded(ALICE))
                .followUps(new FollowUp<>(ALICE, new SuperAdminGranted(ALICE)))
                .undecided();
        assertThat(app.superAdmins()).containsExactly(BOB, ALICE);
    }

    @Test
    void granting_a_super_admin_again_changes_nothing() {
        given(new SuperAdminAdded(ALICE))
                .when(new GrantSuperAdmin(ALICE))
                .noEvents()
                .followUps(new FollowUp<>(ALICE, new SuperAdminGranted(ALICE)));
    }

    @Test
    void removing_a_super_admin_answers_it_as_new_super_admin() {
        given(new SuperAdminAdded(ALICE))
                .when(new RemoveSuperAdmin(ALICE))
                .events(new SuperAdminRemoved(ALICE))
                .accepted(new SuperAdminReply(ALICE, false));
        assertThat(app.superAdmins()).isEmpty();
    }

    @Test
    void removing_a_user_who_is_no_super_admin_succeeds_and_changes_nothing() {
        when(new RemoveSuperAdmin(CAROL)).noEvents().accepted(new SuperAdminReply(CAROL, false));
    }

    @Test
    void a_deleted_super_admin_loses_the_role() {
        given(new RegistrationCounted(ALICE), new SuperAdminAdded(ALICE))
                .when(new ForgetUser(ALICE))
                .events(new RegistrationReleased(ALICE), new SuperAdminRemoved(ALICE));
        assertThat(app.superAdmins()).isEmpty();
    }
}
