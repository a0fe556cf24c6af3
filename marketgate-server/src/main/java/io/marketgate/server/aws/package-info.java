/**
 * AWS clients per seller account (default credentials chain or STS AssumeRole with ExternalId), regional metering, us-east-1 entitlement, and the endpoint override to the simulator.
 */
@org.springframework.modulith.ApplicationModule(displayName = "AWS")
package io.marketgate.server.aws;
