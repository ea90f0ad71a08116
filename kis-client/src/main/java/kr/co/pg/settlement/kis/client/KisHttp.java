package kr.co.pg.settlement.kis.client;

import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.WriteTimeoutHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The HTTP side of the client: a small connection pool and a WebClient on it with every timeout of
 * {@link KisClientConfig} set, so that no call to KIS can hang. The pool is the client's to dispose.
 */
final class KisHttp {

    private KisHttp() {
    }

    static ConnectionProvider connections(KisClientConfig config) {
        return ConnectionProvider.builder("kis-client")
                .maxConnections(16)
                .maxIdleTime(Duration.ofSeconds(20))
                .pendingAcquireTimeout(config.connectTimeout().plus(config.responseTimeout()))
                .build();
    }

    /**
     * {@code tls} is null for plain HTTP (local simulator only; the config has already allowed it); {@code filter}
     * sees every request (the services add the W3C {@code traceparent} header there).
     */
    static WebClient webClient(KisClientConfig config, ConnectionProvider connections, Http11SslContextSpec tls,
                               ExchangeFilterFunction filter) {
        long writeTimeoutMillis = config.writeTimeout().toMillis();
        HttpClient http = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .responseTimeout(config.responseTimeout())
                .doOnConnected(c -> c.addHandlerLast(new WriteTimeoutHandler(writeTimeoutMillis, TimeUnit.MILLISECONDS)));
        if (tls != null) {
            // server certificate checked against the trust store, host name verified (Reactor Netty's default)
            http = http.secure(spec -> spec.sslContext(tls).handshakeTimeout(config.connectTimeout()));
        }
        return WebClient.builder()
                .filter(filter)
                .clientConnector(new ReactorClientHttpConnector(http))
                .exchangeStrategies(ExchangeStrategies.builder()
                        .codecs(c -> c.defaultCodecs().maxInMemorySize(config.maxInMemoryBytes()))
                        .build())
                .build();
    }
}
