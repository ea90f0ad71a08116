package kr.co.pg.settlement.kis.client;

/** A key given once (environment or configuration); the component is {@link KisSecret#current()} itself. */
record FixedSecret(String current) implements KisSecret {

    FixedSecret {
        if (current == null || current.isEmpty()) {
            throw new IllegalArgumentException("kis secret is not configured: set KIS_SECRET or KIS_SECRET_FILE");
        }
    }

    @Override
    public String toString() {
        return "KisSecret[fixed, ***]";
    }
}
