package io.marketgate.server.subscription.jdbc;

import io.marketgate.server.shared.jdbc.TimestampColumns;
import io.marketgate.server.subscription.LifecycleAction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification} inbox and the {@code subscription_alias} links; the same SQL on both databases. */
@Repository
public class JdbcNotifications {

    private static final String COLUMNS = "message_id, product_id, source, action, sent_at, received_at, correlation,"
            + " subscription_key, customer_identifier, aws_account_id, license_arn, agreement_id, agreement_status,"
            + " offer_id, free_trial, resale_authorization_id, body";

    private final JdbcClient jdbc;
    private final TimestampColumns timestamps;

    public JdbcNotifications(JdbcClient jdbc, TimestampColumns timestamps) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
    }

    /** Stores the notification unless its message id is known (the primary key decides); true if stored. */
    public boolean insertIfNew(StoredNotification n) {
        Map<String, Object> values = new HashMap<>();
        values.put("messageId", n.messageId());
        values.put("productId", n.productId());
        values.put("source", n.source());
        values.put("action", n.action().value());
        values.put("sentAt", timestamps.bind(n.sentAt()));
        values.put("receivedAt", timestamps.bind(n.receivedAt()));
        values.put("correlation", n.correlation());
        values.put("subscriptionKey", n.subscriptionKey());
        values.put("customerIdentifier", n.customerIdentifier());
        values.put("awsAccountId", n.awsAccountId());
        values.put("licenseArn", n.licenseArn());
        values.put("agreementId", n.agreementId());
        values.put("agreementStatus", n.agreementStatus());
        values.put("offerId", n.offerId());
        values.put("freeTrial", n.freeTrial());
        values.put("resaleAuthorizationId", n.resaleAuthorizationId());
        values.put("body", n.body());
        return jdbc.sql("INSERT INTO notification (" + COLUMNS + ") VALUES (:messageId, :productId, :source, :action,"
                                + " :sentAt, :receivedAt, :correlation, :subscriptionKey, :customerIdentifier,"
                                + " :awsAccountId, :licenseArn, :agreementId, :agreementStatus, :offerId, :freeTrial,"
                                + " :resaleAuthorizationId, :body) ON CONFLICT (message_id) DO NOTHING")
                        .params(values)
                        .update()
                == 1;
    }

    /** A subscription's notifications, in sent order (its history). */
    public List<StoredNotification> ofSubscription(String productId, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE product_id = :productId"
                        + " AND subscription_key = :key ORDER BY sent_at, message_id")
                .param("productId", productId)
                .param("key", key)
                .query(this::toStored)
                .list();
    }

    /** The subscription key a correlation id is linked to, if any. */
    public Optional<String> aliasTarget(String productId, String alias) {
        return jdbc.sql("SELECT subscription_key FROM subscription_alias WHERE product_id = :productId"
                        + " AND alias = :alias")
                .param("productId", productId)
                .param("alias", alias)
                .query(String.class)
                .optional();
    }

    /** Links a correlation id to a subscription unless it is linked already (the first link wins). */
    public void link(String productId, String alias, String key) {
        jdbc.sql("INSERT INTO subscription_alias (product_id, alias, subscription_key) VALUES (:productId, :alias,"
                        + " :key) ON CONFLICT (product_id, alias) DO NOTHING")
                .param("productId", productId)
                .param("alias", alias)
                .param("key", key)
                .update();
    }

    /** Attaches the parked notifications with this correlation to the subscription; how many. */
    public int attach(String productId, String correlation, String key) {
        return jdbc.sql("UPDATE notification SET subscription_key = :key WHERE product_id = :productId"
                        + " AND correlation = :correlation AND subscription_key IS NULL")
                .param("key", key)
                .param("productId", productId)
                .param("correlation", correlation)
                .update();
    }

    /**
     * Links made after a notification with that correlation was parked (possible when two transactions
     * race on PostgreSQL): {@code product id, correlation, subscription key} to attach.
     */
    public List<List<String>> linkedButParked(int limit) {
        return jdbc.sql("SELECT DISTINCT n.product_id, n.correlation, a.subscription_key FROM notification n"
                        + " JOIN subscription_alias a ON a.product_id = n.product_id AND a.alias = n.correlation"
                        + " WHERE n.subscription_key IS NULL LIMIT :limit")
                .param("limit", limit)
                .query((row, n) -> List.of(
                        row.getString("product_id"), row.getString("correlation"), row.getString("subscription_key")))
                .list();
    }

    /** Agreement ids seen in notifications whose agreement has not been read yet. */
    public List<Map.Entry<String, String>> unreadAgreements(int limit) {
        return jdbc.sql("SELECT DISTINCT n.product_id, n.agreement_id FROM notification n WHERE"
                        + " n.agreement_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM agreement a"
                        + " WHERE a.product_id = n.product_id AND a.agreement_id = n.agreement_id)"
                        + " ORDER BY n.product_id, n.agreement_id LIMIT :limit")
                .param("limit", limit)
                .query((row, n) -> Map.entry(row.getString("product_id"), row.getString("agreement_id")))
                .list();
    }

    private StoredNotification toStored(ResultSet row, int rowNumber) throws SQLException {
        boolean freeTrialFlag = row.getBoolean("free_trial");
        Boolean freeTrial = row.wasNull() ? null : freeTrialFlag;
        return new StoredNotification(
                row.getString("message_id"),
                row.getString("product_id"),
                row.getString("source"),
                LifecycleAction.fromValue(row.getString("action")),
                timestamps.read(row, "sent_at"),
                timestamps.read(row, "received_at"),
                row.getString("correlation"),
                row.getString("subscription_key"),
                row.getString("customer_identifier"),
                row.getString("aws_account_id"),
                row.getString("license_arn"),
                row.getString("agreement_id"),
                row.getString("agreement_status"),
                row.getString("offer_id"),
                freeTrial,
                row.getString("resale_authorization_id"),
                row.getString("body"));
    }
}
