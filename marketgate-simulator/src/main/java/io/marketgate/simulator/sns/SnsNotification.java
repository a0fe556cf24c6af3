package io.marketgate.simulator.sns;

/**
 * A message published to an AWS Marketplace SNS topic, before it is wrapped in a signed envelope.
 *
 * @param message the {@code Message} field: a JSON document serialised to a string
 * @param subject the optional {@code Subject}, or null (Marketplace notifications carry none)
 */
public record SnsNotification(String topicArn, String message, String subject) {}
