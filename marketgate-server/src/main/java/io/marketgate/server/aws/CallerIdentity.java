package io.marketgate.server.aws;

/** Who a seller's credentials are, as STS GetCallerIdentity reports it. */
public record CallerIdentity(String sellerId, String account, String arn) {}
