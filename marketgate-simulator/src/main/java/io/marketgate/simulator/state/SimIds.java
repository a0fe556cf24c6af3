package io.marketgate.simulator.state;

import java.util.Base64;
import java.util.Random;

/** Generates AWS-shaped identifiers; reproducible when the simulator is seeded. */
public final class SimIds {

    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private final Random random;

    public SimIds(long seed) {
        this.random = new Random(seed);
    }

    public synchronized String accountId() {
        return "1" + digits(11);
    }

    public synchronized String customerIdentifier() {
        return alnum(11).toUpperCase(java.util.Locale.ROOT);
    }

    public synchronized String agreementId() {
        return "agmt-" + alnum(25);
    }

    public synchronized String offerId() {
        return "offer-" + alnum(13);
    }

    public synchronized String licenseArn(String buyerAccountId) {
        return "arn:aws:license-manager:us-east-1:" + buyerAccountId + ":l-" + hex(32);
    }

    public synchronized String token() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public synchronized String uuid() {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    public synchronized String hex(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit(random.nextInt(16), 16));
        }
        return out.toString();
    }

    private String digits(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private String alnum(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return out.toString();
    }
}
