package kr.co.pg.settlement.kis.protocol;

/** The business registration number check digit of domain.md (used by the collector's L101 and KIS's E101). */
public final class BusinessNumber {

    private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};

    public static boolean isValid(String number) {
        if (number == null || number.length() != 10) {
            return false;
        }
        int[] d = new int[10];
        for (int i = 0; i < 10; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            d[i] = c - '0';
        }
        int s = 0;
        for (int i = 0; i < 9; i++) {
            s += d[i] * WEIGHTS[i];
        }
        s += (d[8] * 5) / 10;
        return (10 - s % 10) % 10 == d[9];
    }

    private BusinessNumber() {
    }
}
