package io.marketgate.server.subscription.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The lifecycle's periodic steps run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SubscriptionConfiguration {}
