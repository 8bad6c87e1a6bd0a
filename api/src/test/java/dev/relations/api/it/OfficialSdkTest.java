package dev.relations.api.it;

import com.easemob.im.server.EMProperties;
import com.easemob.im.server.EMService;
import com.easemob.im.server.exception.EMNotFoundException;
import com.easemob.im.server.model.EMBlock;
import com.easemob.im.server.model.EMUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Easemob's official Java server SDK (0.6.6), unchanged, pointed at one instance: the
 * calls an app server makes for users and contacts must work as they do against Easemob.
 */
class OfficialSdkTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TestApp APP = TestApp.unique("sdk", 100);
    private static ServiceInstance service;
    private static EMService sdk;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), "sdk-it-" + APP.name(), APP);
        var properties = EMProperties.builder()
                .setRealm(EMProperties.Realm.EASEMOB_REALM)
                .setAppkey(APP.org() + "#" + APP.app())
                .setClientId(APP.clientId())
                .setClientSecret(APP.clientSecret())
                // without a base URI the SDK asks Easemob's DNS endpoint where to go
                .setBaseUri(service.baseUrl())
                .build();
        sdk = new EMService(properties);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void creates_users_and_adds_lists_and_removes_a_contact() {
        // names must match the SDK's own client-side check ^[a-z][0-9a-z-]{1,32}$
        EMUser alice = sdk.user().create("sdk-alice", "secret-1").block(WAIT);
        EMUser bob = sdk.user().create("sdk-bob", "secret-2").block(WAIT);

        assertThat(alice).isNotNull();
        assertThat(alice.getUsername()).isEqualTo("sdk-alice");
        assertThat(bob).isNotNull();
        assertThat(bob.getUsername()).isEqualTo("sdk-bob");

        sdk.contact().add("sdk-alice", "sdk-bob").block(WAIT);

        assertThat(sdk.contact().list("sdk-alice").collectList().block(WAIT)).containsExactly("sdk-bob");
        assertThat(sdk.contact().list("sdk-bob").collectList().block(WAIT)).containsExactly("sdk-alice");

        sdk.contact().remove("sdk-alice", "sdk-bob").block(WAIT);

        assertThat(sdk.contact().list("sdk-alice").collectList().block(WAIT)).isEmpty();
        assertThat(sdk.contact().list("sdk-bob").collectList().block(WAIT)).isEmpty();
    }

    @Test
    void a_user_created_through_the_sdk_can_be_read_back_through_it() {
        sdk.user().create("sdk-carol", "secret-3").block(WAIT);

        EMUser carol = sdk.user().get("sdk-carol").block(WAIT);

        assertThat(carol).isNotNull();
        assertThat(carol.getUsername()).isEqualTo("sdk-carol");
        assertThat(carol.getUuid()).isNotBlank();
    }

    @Test
    void adding_an_unknown_friend_surfaces_as_the_sdks_not_found_error() {
        sdk.user().create("sdk-dave", "secret-4").block(WAIT);

        // the SDK turns a 404 into this exception only when the body is JSON with error_description
        assertThatThrownBy(() -> sdk.contact().add("sdk-dave", "sdk-nobody").block(WAIT))
                .isInstanceOf(EMNotFoundException.class)
                .hasMessageContaining("Service resource not found");
        assertThat(sdk.contact().list("sdk-dave").collectList().block(WAIT)).isEmpty();
    }

    @Test
    void blocks_lists_and_unblocks_a_user_through_the_sdk() {
        sdk.user().create("sdk-frank", "secret-5").block(WAIT);
        sdk.user().create("sdk-eve", "secret-6").block(WAIT);

        // the SDK's wording: block messages from eve to frank, i.e. eve joins frank's blocklist
        sdk.block().blockUserSendMsgToUser("sdk-eve", "sdk-frank").block(WAIT);

        assertThat(sdk.block().getUsersBlockedFromSendMsgToUser("sdk-frank").collectList().block(WAIT))
                .extracting(EMBlock::getUsername).containsExactly("sdk-eve");
        var viaHttp = new Client(service, APP).authenticated().get("/users/sdk-frank/blocks/users");
        assertThat(viaHttp.body().get("data").get(0).asText()).isEqualTo("sdk-eve");

        sdk.block().unblockUserSendMsgToUser("sdk-eve", "sdk-frank").block(WAIT);

        assertThat(sdk.block().getUsersBlockedFromSendMsgToUser("sdk-frank").collectList().block(WAIT)).isEmpty();
    }
}
