package io.marketgate.simulator.sns;

/** SNS message signature versions: 1 signs with SHA1withRSA (the topic default), 2 with SHA256withRSA. */
public enum SnsSignatureVersion {
    V1("1", "SHA1withRSA"),
    V2("2", "SHA256withRSA");

    private final String wireValue;
    private final String algorithm;

    SnsSignatureVersion(String wireValue, String algorithm) {
        this.wireValue = wireValue;
        this.algorithm = algorithm;
    }

    /** The value of the envelope's {@code SignatureVersion} field. */
    public String wireValue() {
        return wireValue;
    }

    public String algorithm() {
        return algorithm;
    }

    public static SnsSignatureVersion parse(String value) {
        for (SnsSignatureVersion version : values()) {
            if (version.wireValue.equals(value)) {
                return version;
            }
        }
        throw new IllegalArgumentException("snsSignatureVersion must be \"1\" or \"2\"; got " + value);
    }
}
