package io.marketgate.server.entitlement;

import io.marketgate.server.customer.Customers;
import io.marketgate.server.entitlement.jdbc.JdbcEntitlements;
import io.marketgate.server.product.Catalog;
import io.marketgate.server.subscription.AccessVersion;
import io.marketgate.server.subscription.Subscriptions;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.ApplicationContext;

/** A second access view on the same database, as another instance would hold: it hears no local events. */
public final class AccessViews {

    private AccessViews() {}

    public static AccessView another(ApplicationContext context, Duration checkInterval) {
        return new AccessView(
                context.getBean(Customers.class),
                context.getBean(Subscriptions.class),
                context.getBean(JdbcEntitlements.class),
                context.getBean(AccessVersion.class),
                context.getBean(Catalog.class),
                context.getBean(Clock.class),
                checkInterval);
    }
}
