package io.marketgate.server.subscription.intake.sqs;

import java.time.Duration;

/**
 * How a queue is polled.
 *
 * @param waitTime long-polling wait of one ReceiveMessage call (SQS allows 0 to 20 s)
 * @param visibilityTimeout how long a received message stays hidden; one that is not deleted (the sink
 *     failed) is received again after it
 * @param maxMessages messages per ReceiveMessage call (1 to 10)
 * @param receiveRetryDelay pause after a failed ReceiveMessage call before the next one
 */
public record ConsumerSettings(
        Duration waitTime, Duration visibilityTimeout, int maxMessages, Duration receiveRetryDelay) {}
