package dev.relations.mapping;

import dev.relations.domain.common.Reply;
import dev.relations.domain.common.Verdict;
import dev.relations.schemas.Outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relations.domain.contact.ImportBucket;

import java.util.LinkedHashMap;
import java.util.List;

/** A verdict as the record the API waits for. */
public final class OutcomeMapping {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutcomeMapping() {
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Outcome of(String requestId, Verdict verdict) {
        var outcome = Outcome.newBuilder().setRequestId(requestId);
        return switch (verdict) {
            case Verdict.Rejected r -> outcome.setStatus(r.rejection().status())
                    .setError(r.rejection().error())
                    .setException(r.rejection().exception())
                    .setErrorDescription(r.rejection().description())
                    .build();
            case Verdict.Accepted a -> switch (a.reply()) {
                case Reply.UserReply u -> outcome.setStatus(200)
                        .setEntities(List.of(CommandMapping.view(u.user())))
                        .setSubjectUuid(u.user().uuid())
                        .build();
                case Reply.ContactReply c -> outcome.setStatus(200)
                        .setEntities(List.of(CommandMapping.view(c.friend())))
                        .setSubjectUuid(c.owner().uuid())
                        .build();
                case Reply.NamesReply n -> outcome.setStatus(200).setDataJson(json(CommandMapping.values(n.names()))).build();
                case Reply.Done ignored -> outcome.setStatus(200).build();
                case Reply.KeyClaimReply claim -> outcome.setStatus(200)
                        .setDataJson(json(java.util.Map.of("claimed_at", claim.claimedAt()))).build();
                case Reply.SuperAdminReply admin -> {
                    var data = new LinkedHashMap<String, Object>();
                    if (admin.added()) {
                        data.put("result", "success");
                    } else {
                        data.put("newSuperAdmin", admin.user().value());
                    }
                    data.put("resource", "");
                    yield outcome.setStatus(200).setDataJson(json(data)).build();
                }
                case Reply.RoomReply room -> outcome.setStatus(200).setDataJson(json(RoomOutcomes.data(room))).build();
                case Reply.ImportReply i -> {
                    var buckets = new LinkedHashMap<String, Object>();
                    buckets.put(ImportBucket.UNKNOWN.jsonName(), CommandMapping.values(i.unknownFailed()));
                    buckets.put(ImportBucket.SUCCESS.jsonName(), CommandMapping.values(i.success()));
                    buckets.put(ImportBucket.NOT_EXIST.jsonName(), CommandMapping.values(i.notExistFailed()));
                    buckets.put(ImportBucket.MAX_LIMIT.jsonName(), CommandMapping.values(i.maxLimitFailed()));
                    yield outcome.setStatus(200).setDataJson(json(buckets)).build();
                }
            };
        };
    }
}
