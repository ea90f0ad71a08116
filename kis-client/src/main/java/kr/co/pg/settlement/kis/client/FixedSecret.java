package kr.co.pg.settlement.kis.client;

/** A key given once (environment or configuration). */
final class FixedSecret implements KisSecret {

    private final String secret;

    FixedSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("kis secret is not configured: set KIS_SECRET or KIS_SECRET_FILE");
        }
        this.secret = secret;
    }

    @Override
    public String current() {
        return secret;
    }

    @Override
    public String toString() {
        return "KisSecret[fixed, ***]";
    }
}
