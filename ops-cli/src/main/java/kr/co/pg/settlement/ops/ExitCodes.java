package kr.co.pg.settlement.ops;

/** The command's exit codes (documented in docs/operations.md). */
public final class ExitCodes {

    public static final int OK = 0;
    /** The operation failed, timed out or was refused; the printed line says why. */
    public static final int FAILED = 1;
    /** Bad arguments: unknown job, bad date, unknown group, bad id. */
    public static final int BAD_ARGUMENTS = 2;

    private ExitCodes() {
    }
}
