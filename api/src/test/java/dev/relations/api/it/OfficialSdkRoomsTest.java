package dev.relations.api.it;

import com.easemob.im.server.EMProperties;
import com.easemob.im.server.EMService;
import com.easemob.im.server.model.EMBlock;
import com.easemob.im.server.model.EMRoom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The official Java server SDK (0.6.6), unchanged, managing chatrooms against one instance. */
class OfficialSdkRoomsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TestApp APP = TestApp.unique("sdkroom", 100);
    private static ServiceInstance service;
    private static EMService sdk;

    @BeforeAll
    static void start() {
        service = ServiceInstance.start(TestCluster.get(), "sdk-rooms-it-" + APP.name(), APP);
        sdk = new EMService(EMProperties.builder()
                .setRealm(EMProperties.Realm.EASEMOB_REALM)
                .setAppkey(APP.org() + "#" + APP.app())
                .setClientId(APP.clientId())
                .setClientSecret(APP.clientSecret())
                .setBaseUri(service.baseUrl())
                .build());
        for (var user : List.of("sr-owner", "sr-ann", "sr-bob", "sr-cat")) {
            sdk.user().create(user, "secret").block(WAIT);
        }
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void creates_a_room_and_manages_members_admins_and_the_owner() {
        String id = sdk.room().createRoom("sdk room", "made by the sdk", "sr-owner", List.of("sr-ann"), 200).block(WAIT);

        EMRoom room = sdk.room().getRoom(id).block(WAIT);
        assertThat(room.name()).isEqualTo("sdk room");
        assertThat(room.owner()).isEqualTo("sr-owner");
        assertThat(room.maxMembers()).isEqualTo(200);

        sdk.room().addRoomMember(id, "sr-bob").block(WAIT);
        assertThat(sdk.room().listRoomMembersAll(id).collectList().block(WAIT)).containsExactly("sr-owner", "sr-ann", "sr-bob");

        sdk.room().promoteRoomAdmin(id, "sr-ann").block(WAIT);
        assertThat(sdk.room().listRoomAdminsAll(id).collectList().block(WAIT)).containsExactly("sr-ann");
        sdk.room().demoteRoomAdmin(id, "sr-ann").block(WAIT);
        assertThat(sdk.room().listRoomAdminsAll(id).collectList().block(WAIT)).isEmpty();

        sdk.room().assignRoom(id, "sr-bob").block(WAIT);
        assertThat(sdk.room().getRoom(id).block(WAIT).owner()).isEqualTo("sr-bob");

        sdk.room().removeRoomMember(id, "sr-ann").block(WAIT);
        assertThat(sdk.room().listRoomMembersAll(id).collectList().block(WAIT)).doesNotContain("sr-ann");

        sdk.room().destroyRoom(id).block(WAIT);
    }

    @Test
    void blocks_mutes_and_mutes_all_through_the_sdk() {
        String id = sdk.room().createRoom("sdk lists", "lists", "sr-owner", List.of("sr-cat", "sr-ann"), 200).block(WAIT);

        sdk.block().blockUserJoinRoom("sr-cat", id).block(WAIT);
        assertThat(sdk.block().getUsersBlockedJoinRoom(id).collectList().block(WAIT))
                .extracting(EMBlock::getUsername).containsExactly("sr-cat");
        assertThat(sdk.room().listRoomMembersAll(id).collectList().block(WAIT)).doesNotContain("sr-cat");
        sdk.block().unblockUserJoinRoom("sr-cat", id).block(WAIT);
        assertThat(sdk.block().getUsersBlockedJoinRoom(id).collectList().block(WAIT)).isEmpty();

        sdk.block().blockUserSendMsgToRoom("sr-ann", id, Duration.ofMinutes(5)).block(WAIT);
        assertThat(sdk.block().listUsersBlockedSendMsgToRoom(id).collectList().block(WAIT))
                .extracting(EMBlock::getUsername).containsExactly("sr-ann");
        sdk.block().unblockUserSendMsgToRoom("sr-ann", id).block(WAIT);
        assertThat(sdk.block().listUsersBlockedSendMsgToRoom(id).collectList().block(WAIT)).isEmpty();

        sdk.block().blockAllUserSendMsgToRoom(id).block(WAIT);
        assertThat(sdk.room().getRoom(id).block(WAIT).mute()).isTrue();
        sdk.block().unblockAllUserSendMsgToRoom(id).block(WAIT);
        assertThat(sdk.room().getRoom(id).block(WAIT).mute()).isFalse();
    }
}
