package io.marketgate.simulator.sqs;

import io.marketgate.simulator.sns.SnsSignatureVersion;

/**
 * How lifecycle notifications reach the queues. Every random choice (duplicates, reordering) is drawn
 * from the simulator's seed, so a seeded run delivers the same sequence every time.
 *
 * @param duplicateProbability chance that a message is delivered twice (at-least-once delivery); 1 = always
 * @param reorderWindow messages are shuffled within consecutive groups of this many; 0 or 1 = in order
 * @param delayMs delay before every delivery
 * @param snsEnabled deliver SNS envelopes to each product's notification queue
 * @param eventBridgeEnabled deliver {@code aws.agreement-marketplace} events to each product's event queue
 * @param snsSignatureVersion 1 (SHA1withRSA) or 2 (SHA256withRSA)
 * @param licenseArnWithPrefix whether {@code license.arn} in events starts with {@code arn:}; AWS's own
 *     example omits it, so the default omits it too
 * @param deprovisionDelayMs extra delay of License Deprovisioned after Purchase Agreement Ended
 */
public record NotificationSettings(
        double duplicateProbability,
        int reorderWindow,
        long delayMs,
        boolean snsEnabled,
        boolean eventBridgeEnabled,
        SnsSignatureVersion snsSignatureVersion,
        boolean licenseArnWithPrefix,
        long deprovisionDelayMs) {

    public NotificationSettings {
        if (!(duplicateProbability >= 0 && duplicateProbability <= 1)) {
            throw new IllegalArgumentException(
                    "duplicates must be a probability from 0 to 1, or \"always\"; got " + duplicateProbability);
        }
        if (reorderWindow < 0 || reorderWindow > 100) {
            throw new IllegalArgumentException("reorderWindow must be from 0 to 100; got " + reorderWindow);
        }
        if (delayMs < 0 || deprovisionDelayMs < 0) {
            throw new IllegalArgumentException("delayMs and deprovisionDelayMs must not be negative");
        }
        if (snsSignatureVersion == null) {
            throw new IllegalArgumentException("snsSignatureVersion must be \"1\" or \"2\"");
        }
    }

    /** In order, once, at once; both channels; signature version 1 (the SNS topic default); license ARNs without {@code arn:}. */
    public static NotificationSettings defaults() {
        return new NotificationSettings(0, 0, 0, true, true, SnsSignatureVersion.V1, false, 0);
    }

    public NotificationSettings withDuplicateProbability(double value) {
        return new NotificationSettings(
                value,
                reorderWindow,
                delayMs,
                snsEnabled,
                eventBridgeEnabled,
                snsSignatureVersion,
                licenseArnWithPrefix,
                deprovisionDelayMs);
    }

    public NotificationSettings withReorderWindow(int value) {
        return new NotificationSettings(
                duplicateProbability,
                value,
                delayMs,
                snsEnabled,
                eventBridgeEnabled,
                snsSignatureVersion,
                licenseArnWithPrefix,
                deprovisionDelayMs);
    }

    public NotificationSettings withDelayMs(long value) {
        return new NotificationSettings(
                duplicateProbability,
                reorderWindow,
                value,
                snsEnabled,
                eventBridgeEnabled,
                snsSignatureVersion,
                licenseArnWithPrefix,
                deprovisionDelayMs);
    }

    public NotificationSettings withChannels(boolean sns, boolean eventBridge) {
        return new NotificationSettings(
                duplicateProbability,
                reorderWindow,
                delayMs,
                sns,
                eventBridge,
                snsSignatureVersion,
                licenseArnWithPrefix,
                deprovisionDelayMs);
    }

    public NotificationSettings withSnsSignatureVersion(SnsSignatureVersion value) {
        return new NotificationSettings(
                duplicateProbability,
                reorderWindow,
                delayMs,
                snsEnabled,
                eventBridgeEnabled,
                value,
                licenseArnWithPrefix,
                deprovisionDelayMs);
    }

    public NotificationSettings withLicenseArnPrefix(boolean value) {
        return new NotificationSettings(
                duplicateProbability,
                reorderWindow,
                delayMs,
                snsEnabled,
                eventBridgeEnabled,
                snsSignatureVersion,
                value,
                deprovisionDelayMs);
    }

    public NotificationSettings withDeprovisionDelayMs(long value) {
        return new NotificationSettings(
                duplicateProbability,
                reorderWindow,
                delayMs,
                snsEnabled,
                eventBridgeEnabled,
                snsSignatureVersion,
                licenseArnWithPrefix,
                value);
    }
}
