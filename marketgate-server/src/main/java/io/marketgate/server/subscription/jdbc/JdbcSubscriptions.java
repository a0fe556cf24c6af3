package io.marketgate.server.subscription.jdbc;

import io.marketgate.server.shared.jdbc.TimestampColumns;
import io.marketgate.server.subscription.SubscriptionState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code subscription} table and the {@code access_version} counter; the same SQL on both databases. */
@Repository
public class JdbcSubscriptions {

    private static final String COLUMNS = "product_id, subscription_key, state, customer_id, customer_identifier,"
            + " aws_account_id, license_arn, agreement_id, free_trial, active_since, usage_accepted_until,"
            + " created_at, updated_at, version";

    private final JdbcClient jdbc;
    private final TimestampColumns timestamps;

    public JdbcSubscriptions(JdbcClient jdbc, TimestampColumns timestamps) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
    }

    public Optional<SubscriptionRecord> find(String productId, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE product_id = :productId"
                        + " AND subscription_key = :key")
                .param("productId", productId)
                .param("key", key)
                .query(this::toRecord)
                .optional();
    }

    /** The subscriptions of {@code productId} with any of these keys. */
    public List<SubscriptionRecord> findAll(String productId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE product_id = :productId"
                        + " AND subscription_key IN (:keys)")
                .param("productId", productId)
                .param("keys", keys)
                .query(this::toRecord)
                .list();
    }

    /**
     * Locks the row until the transaction ends, by writing it unchanged: concurrent notifications for one
     * subscription are applied one after the other, each seeing the other's committed rows.
     */
    public void lock(String productId, String key) {
        jdbc.sql("UPDATE subscription SET version = version WHERE product_id = :productId AND subscription_key = :key")
                .param("productId", productId)
                .param("key", key)
                .update();
    }

    public List<SubscriptionRecord> byCustomer(String customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE customer_id = :customerId"
                        + " ORDER BY product_id, subscription_key")
                .param("customerId", customerId)
                .query(this::toRecord)
                .list();
    }

    public List<SubscriptionRecord> byAgreement(String productId, String agreementId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE product_id = :productId"
                        + " AND agreement_id = :agreementId")
                .param("productId", productId)
                .param("agreementId", agreementId)
                .query(this::toRecord)
                .list();
    }

    /** Rows changed after access version {@code afterVersion}. */
    public List<SubscriptionRecord> changedAfter(long afterVersion) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE version > :after ORDER BY version")
                .param("after", afterVersion)
                .query(this::toRecord)
                .list();
    }

    /** Deprovisioning rows whose final usage window closed at or before {@code now}. */
    public List<SubscriptionRecord> deprovisionedBefore(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscription WHERE state = 'deprovisioning'"
                        + " AND usage_accepted_until <= :now ORDER BY usage_accepted_until LIMIT :limit")
                .param("now", timestamps.bind(now))
                .param("limit", limit)
                .query(this::toRecord)
                .list();
    }

    /**
     * Creates the row as {@code row} says unless one exists for its product and key (the primary key
     * decides, never a prior read); true if this call created it.
     */
    public boolean insertIfAbsent(SubscriptionRecord row) {
        return jdbc.sql("INSERT INTO subscription (" + COLUMNS + ") VALUES (:productId, :key, :state, :customerId,"
                                + " :customerIdentifier, :awsAccountId, :licenseArn, :agreementId, :freeTrial,"
                                + " :activeSince, :usageAcceptedUntil, :createdAt, :updatedAt, :version)"
                                + " ON CONFLICT (product_id, subscription_key) DO NOTHING")
                        .params(params(row))
                        .update()
                == 1;
    }

    /** Overwrites the mutable columns of an existing row. */
    public void update(SubscriptionRecord row) {
        jdbc.sql("UPDATE subscription SET state = :state, customer_id = :customerId,"
                        + " customer_identifier = :customerIdentifier, aws_account_id = :awsAccountId,"
                        + " license_arn = :licenseArn, agreement_id = :agreementId, free_trial = :freeTrial,"
                        + " active_since = :activeSince, usage_accepted_until = :usageAcceptedUntil,"
                        + " updated_at = :updatedAt, version = :version"
                        + " WHERE product_id = :productId AND subscription_key = :key")
                .params(params(row))
                .update();
    }

    public void touchCustomer(String customerId, long version) {
        jdbc.sql("UPDATE subscription SET version = :version WHERE customer_id = :customerId")
                .param("version", version)
                .param("customerId", customerId)
                .update();
    }

    /** Increases the access version in the caller's transaction and returns the new value. */
    public long nextAccessVersion() {
        jdbc.sql("UPDATE access_version SET version = version + 1 WHERE id = 1").update();
        return currentAccessVersion();
    }

    public long currentAccessVersion() {
        return jdbc.sql("SELECT version FROM access_version WHERE id = 1")
                .query(Long.class)
                .single();
    }

    private java.util.Map<String, Object> params(SubscriptionRecord row) {
        var values = new java.util.HashMap<String, Object>();
        values.put("productId", row.productId());
        values.put("key", row.key());
        values.put("state", row.state().value());
        values.put("customerId", row.customerId());
        values.put("customerIdentifier", row.customerIdentifier());
        values.put("awsAccountId", row.awsAccountId());
        values.put("licenseArn", row.licenseArn());
        values.put("agreementId", row.agreementId());
        values.put("freeTrial", row.freeTrial());
        values.put("activeSince", timestamps.bind(row.activeSince()));
        values.put("usageAcceptedUntil", timestamps.bind(row.usageAcceptedUntil()));
        values.put("createdAt", timestamps.bind(row.createdAt()));
        values.put("updatedAt", timestamps.bind(row.updatedAt()));
        values.put("version", row.version());
        return values;
    }

    private SubscriptionRecord toRecord(ResultSet row, int rowNumber) throws SQLException {
        return new SubscriptionRecord(
                row.getString("product_id"),
                row.getString("subscription_key"),
                SubscriptionState.fromValue(row.getString("state")),
                row.getString("customer_id"),
                row.getString("customer_identifier"),
                row.getString("aws_account_id"),
                row.getString("license_arn"),
                row.getString("agreement_id"),
                row.getBoolean("free_trial"),
                timestamps.read(row, "active_since"),
                timestamps.read(row, "usage_accepted_until"),
                timestamps.read(row, "created_at"),
                timestamps.read(row, "updated_at"),
                row.getLong("version"));
    }
}
