package io.marketgate.server.security.web;

import io.marketgate.server.security.ApiKeys;
import io.marketgate.server.security.config.SecurityProperties;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Puts the bearer-key filter in front of every request and the scope check in front of {@code /v1} handlers. */
@Configuration(proxyBeanMethods = false)
class SecurityWebConfiguration implements WebMvcConfigurer {

    private final ProblemResponses problems;

    SecurityWebConfiguration(JsonMapper json) {
        this.problems = new ProblemResponses(json);
    }

    @Bean
    RateLimits rateLimits(SecurityProperties properties, Clock clock) {
        return new RateLimits(properties.rateLimit(), clock);
    }

    /** After the observation filter (so refused requests show in the metrics), before everything else. */
    @Bean
    FilterRegistrationBean<BearerKeyFilter> bearerKeyFilter(ApiKeys apiKeys, RateLimits rateLimits) {
        FilterRegistrationBean<BearerKeyFilter> registration =
                new FilterRegistrationBean<>(new BearerKeyFilter(apiKeys, rateLimits, problems));
        registration.addUrlPatterns("/*");
        registration.setOrder(0);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ScopeInterceptor(problems))
                .addPathPatterns("/v1/**")
                .excludePathPatterns(BearerKeyFilter.PUBLIC_V1_PATHS.toArray(String[]::new));
    }
}
