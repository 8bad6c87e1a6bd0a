package dev.relations.domain.user;

import dev.relations.domain.common.Reply.UserReply;
import dev.relations.domain.user.UserCommand.DeleteUser;
import dev.relations.domain.user.UserCommand.RegisterUser;
import dev.relations.domain.user.UserEvent.UserDeleted;
import dev.relations.domain.user.UserEvent.UserRegistered;
import org.junit.jupiter.api.Test;

import static dev.relations.domain.common.Samples.ALICE;
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
                .noFollowUps()
                .accepted(new UserReply(user(ALICE)));
        assertThat(scenario.state()).contains(new RegisteredUser(user(ALICE), HASH));
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
    void a_deleted_username_can_be_registered_again() {
        given(new UserRegistered(user(ALICE), HASH), new UserDeleted(user(ALICE)))
                .when(new RegisterUser(user(ALICE), HASH))
                .events(new UserRegistered(user(ALICE), HASH))
                .accepted(new UserReply(user(ALICE)));
    }
}
