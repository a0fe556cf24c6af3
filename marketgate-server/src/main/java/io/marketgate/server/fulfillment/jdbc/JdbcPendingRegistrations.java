package io.marketgate.server.fulfillment.jdbc;

import io.marketgate.server.customer.AwsIdentity;
import io.marketgate.server.fulfillment.PendingRegistration;
import io.marketgate.server.shared.jdbc.TimestampColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code pending_registration} table, the same SQL on SQLite and PostgreSQL. */
@Repository
public class JdbcPendingRegistrations {

    private final JdbcClient jdbc;
    private final TimestampColumns timestamps;

    public JdbcPendingRegistrations(JdbcClient jdbc, TimestampColumns timestamps) {
        this.jdbc = jdbc;
        this.timestamps = timestamps;
    }

    public void insert(PendingRegistration p) {
        jdbc.sql("""
                        INSERT INTO pending_registration (id, product_id, product_code, customer_identifier,
                            aws_account_id, license_arn, offer_type, browser_hash, signature, created_at, expires_at)
                        VALUES (:id, :productId, :productCode, :customerIdentifier, :awsAccountId, :licenseArn,
                            :offerType, :browserHash, :signature, :createdAt, :expiresAt)
                        """)
                .param("id", p.id())
                .param("productId", p.productId())
                .param("productCode", p.productCode())
                .param("customerIdentifier", p.identity().customerIdentifier())
                .param("awsAccountId", p.identity().customerAwsAccountId())
                .param("licenseArn", p.identity().licenseArn())
                .param("offerType", p.offerType())
                .param("browserHash", p.browserHash())
                .param("signature", p.signature())
                .param("createdAt", timestamps.bind(p.createdAt()))
                .param("expiresAt", timestamps.bind(p.expiresAt()))
                .update();
    }

    public Optional<PendingRegistration> byId(String id) {
        return jdbc.sql("SELECT * FROM pending_registration WHERE id = :id")
                .param("id", id)
                .query(this::toPending)
                .optional();
    }

    /**
     * Claims the registration for its one use: true for exactly one caller, and only before it expires.
     * The single statement is the guarantee; no read decides it.
     */
    public boolean claim(String id, Instant now) {
        return jdbc.sql("""
                        UPDATE pending_registration SET used_at = :now
                        WHERE id = :id AND used_at IS NULL AND expires_at > :now
                        """).param("now", timestamps.bind(now)).param("id", id).update() == 1;
    }

    public void linkCustomer(String id, String customerId) {
        jdbc.sql("UPDATE pending_registration SET customer_id = :customerId WHERE id = :id")
                .param("customerId", customerId)
                .param("id", id)
                .update();
    }

    /** Removes registrations that expired before {@code cutoff}; they can never be used again. */
    public int purgeExpiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM pending_registration WHERE expires_at < :cutoff")
                .param("cutoff", timestamps.bind(cutoff))
                .update();
    }

    private PendingRegistration toPending(ResultSet row, int rowNumber) throws SQLException {
        return new PendingRegistration(
                row.getString("id"),
                row.getString("product_id"),
                row.getString("product_code"),
                new AwsIdentity(
                        row.getString("customer_identifier"),
                        row.getString("aws_account_id"),
                        row.getString("license_arn")),
                row.getString("offer_type"),
                row.getString("browser_hash"),
                row.getString("signature"),
                timestamps.read(row, "created_at"),
                timestamps.read(row, "expires_at"),
                timestamps.read(row, "used_at"),
                row.getString("customer_id"));
    }
}
