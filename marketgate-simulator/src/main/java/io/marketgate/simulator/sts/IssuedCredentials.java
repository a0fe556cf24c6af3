package io.marketgate.simulator.sts;

import java.time.Instant;

/**
 * Temporary credentials the simulator's AssumeRole handed out; requests signed with the access key act as
 * the role's account.
 *
 * @param assumedRoleId {@code AROA...:<session name>}, as AWS reports it
 */
public record IssuedCredentials(
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        Instant expiration,
        RegisteredRole role,
        String sessionName,
        String assumedRoleId) {

    public String accountId() {
        return role.accountId();
    }

    /** {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}. */
    public String assumedRoleArn() {
        return "arn:aws:sts::" + accountId() + ":assumed-role/" + role.roleName() + "/" + sessionName;
    }
}
