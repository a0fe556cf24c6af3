/**
 * AWS clients per seller account (default credentials chain or STS AssumeRole with ExternalId), regional metering, us-east-1 entitlement, and the endpoint override to the simulator; the ports other modules use ({@link CustomerResolver}, {@link EntitlementReader}, {@link MeteringSender}, {@link AgreementReader}), implemented in {@code aws.sdk}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "AWS")
package io.marketgate.server.aws;
