package io.marketgate.simulator.sqs;

import io.marketgate.simulator.http.AwsErrors;
import io.marketgate.simulator.http.JsonSyntax;
import io.marketgate.simulator.http.Router;
import io.marketgate.simulator.http.SimRequest;
import io.marketgate.simulator.http.SimResponse;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET/PUT /_sim/notifications} (delivery settings, and {@code sqsEndpoint} while SQS runs; PUT
 * changes the fields it names) and
 * {@code POST /_sim/notifications/flush} (release messages held back for reordering).
 */
final class NotificationControlApi {

    static final String PATH = "/_sim/notifications";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Notifications notifications;

    NotificationControlApi(Notifications notifications) {
        this.notifications = notifications;
    }

    void register(Router router) {
        router.get(PATH, request -> settings());
        router.put(PATH, this::update);
        router.post(PATH + "/flush", request -> {
            notifications.flush();
            return SimResponse.of(204, "application/json", new byte[0]);
        });
    }

    private SimResponse update(SimRequest request) {
        try {
            notifications.configure(
                    NotificationSettingsJson.apply(notifications.settings(), JSON.readTree(request.body())));
        } catch (JacksonException e) {
            return AwsErrors.json(400, "ValidationError", JsonSyntax.problem("body is not valid JSON", e));
        } catch (IllegalArgumentException e) {
            return AwsErrors.json(400, "ValidationError", e.getMessage());
        }
        return settings();
    }

    private SimResponse settings() {
        Map<String, Object> body = NotificationSettingsJson.toJson(notifications.settings());
        notifications.runningSqsEndpoint().ifPresent(endpoint -> body.put("sqsEndpoint", endpoint.toString()));
        return SimResponse.of(200, "application/json", JSON.writeValueAsBytes(body));
    }
}
