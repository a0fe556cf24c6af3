package io.marketgate.simulator.sqs;

/**
 * A message on its way to a queue.
 *
 * @param body the SQS message body: an SNS envelope or an EventBridge event, as JSON
 * @param extraDelayMs added to the configured delay (e.g. License Deprovisioned after Ended)
 */
record OutgoingMessage(String queue, String body, long extraDelayMs) {}
