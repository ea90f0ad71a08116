package kr.co.pg.settlement.localstack;

/** A MariaDB that is another server plus something of its own (TLS files): where to reach it is the server's. */
interface DelegatingMariaDb extends MariaDbServer {

    MariaDbServer server();

    @Override
    default String host() {
        return server().host();
    }

    @Override
    default int port() {
        return server().port();
    }

    @Override
    default String username() {
        return server().username();
    }

    @Override
    default String password() {
        return server().password();
    }
}
