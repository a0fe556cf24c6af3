package io.marketgate.server.aws.sdk;

import io.marketgate.server.aws.AgreementReader;
import io.marketgate.server.aws.AwsClients;
import io.marketgate.server.aws.CustomerResolver;
import io.marketgate.server.aws.EntitlementReader;
import io.marketgate.server.aws.MeteringSender;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The AWS ports, backed by the SDK clients of {@link AwsClients}. Other modules inject the port interfaces. */
@Configuration(proxyBeanMethods = false)
class AwsPortsConfiguration {

    @Bean
    AgreementReader agreementReader(AwsClients clients) {
        return new SdkAgreementReader(clients);
    }

    @Bean
    CustomerResolver customerResolver(AwsClients clients) {
        return new SdkCustomerResolver(clients);
    }

    @Bean
    EntitlementReader entitlementReader(AwsClients clients) {
        return new SdkEntitlementReader(clients);
    }

    @Bean
    MeteringSender meteringSender(AwsClients clients) {
        return new SdkMeteringSender(clients);
    }
}
