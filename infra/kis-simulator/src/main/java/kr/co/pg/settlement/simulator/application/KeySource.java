package kr.co.pg.settlement.simulator.application;

/** Where the simulator gets a client's current HMAC key; asked on every request, so the key may change. */
public interface KeySource {

    /** The current key; never null or empty. */
    String current();

    static KeySource fixed(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("empty KIS HMAC key");
        }
        return new KeySource() {
            @Override
            public String current() {
                return secret;
            }

            @Override
            public String toString() {
                return "KeySource[fixed, ***]";
            }
        };
    }
}
