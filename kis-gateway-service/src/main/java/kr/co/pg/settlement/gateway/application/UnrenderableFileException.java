package kr.co.pg.settlement.gateway.application;

/** A record holds a value the KIS layout cannot represent: the file can never be sent as it is. */
class UnrenderableFileException extends RuntimeException {

    private final int line;

    UnrenderableFileException(int line, String message, Throwable cause) {
        super(message, cause);
        this.line = line;
    }

    int line() {
        return line;
    }
}
