package io.marketgate.server;

import io.marketgate.server.shared.MutableClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * One server context for the lifecycle, entitlement and access tests (shared by every class using it): a
 * legacy subscription product, a license subscription product, a license contract product, the embedded
 * simulator, a clock tests move, and the periodic steps slowed down so tests drive them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "marketgate.sellers.acme.account-id=111122223333",
            "marketgate.products.saas.product-code=prod-saas",
            "marketgate.products.saas.identity-mode=legacy",
            "marketgate.products.saas.pricing-model=subscription",
            "marketgate.products.saas.dimensions[0].key=requests",
            "marketgate.products.lic.product-code=prod-lic",
            "marketgate.products.lic.identity-mode=license",
            "marketgate.products.lic.pricing-model=subscription",
            "marketgate.products.lic.dimensions[0].key=requests",
            "marketgate.products.con.product-code=prod-con",
            "marketgate.products.con.identity-mode=license",
            "marketgate.products.con.pricing-model=contract",
            "marketgate.products.con.dimensions[0].key=seats",
            "marketgate.products.con.dimensions[0].type=entitlement",
            "marketgate.simulator.embedded=true",
            "marketgate.lifecycle.sweep-interval=1h",
            "marketgate.entitlements.poll-interval=1h"
        })
@Import(LifecycleServerTest.Clocks.class)
public @interface LifecycleServerTest {

    @TestConfiguration
    class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        }
    }
}
