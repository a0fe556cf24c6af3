package io.marketgate.server.fulfillment;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces ResolveCustomer with {@link FakeCustomerResolver}; all tests importing it share one context. */
@TestConfiguration(proxyBeanMethods = false)
public class FakeResolverConfiguration {

    @Bean
    @Primary
    FakeCustomerResolver fakeCustomerResolver() {
        return new FakeCustomerResolver();
    }
}
