package io.marketgate.simulator.sts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IAM role in a simulated account that callers may assume.
 *
 * @param roleArn {@code arn:aws:iam::<account>:role/<name>}
 * @param externalId the ExternalId the role's trust policy demands, or null when it demands none
 */
public record RegisteredRole(String roleArn, String externalId) {

    private static final Pattern ROLE_ARN =
            Pattern.compile("^arn:aws[a-zA-Z-]*:iam::(\\d{12}):role/(?:.*/)?([\\w+=,.@-]{1,64})$");

    public RegisteredRole {
        if (roleArn == null || !ROLE_ARN.matcher(roleArn).matches()) {
            throw new IllegalArgumentException(
                    "roleArn must look like arn:aws:iam::123456789012:role/name; got " + roleArn);
        }
        externalId = externalId == null || externalId.isEmpty() ? null : externalId;
    }

    public static boolean isRoleArn(String value) {
        return value != null && ROLE_ARN.matcher(value).matches();
    }

    /** The account that owns the role, and so the account whose credentials AssumeRole hands out. */
    public String accountId() {
        return part(1);
    }

    public String roleName() {
        return part(2);
    }

    private String part(int group) {
        Matcher matcher = ROLE_ARN.matcher(roleArn);
        if (!matcher.matches()) {
            throw new IllegalStateException("unreachable: validated in the constructor");
        }
        return matcher.group(group);
    }
}
