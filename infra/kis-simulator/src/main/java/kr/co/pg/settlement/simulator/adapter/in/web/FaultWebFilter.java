package kr.co.pg.settlement.simulator.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import kr.co.pg.settlement.simulator.application.FaultControl;
import kr.co.pg.settlement.simulator.domain.FaultSettings;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Request-level faults on the KIS API (/v1/**): added latency, 429 above a rate, 503/504. /sim/** is never faulted. */
@Component
class FaultWebFilter implements WebFilter {

    private final FaultControl faults;

    FaultWebFilter(FaultControl faults) {
        this.faults = faults;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/v1/")) {
            return chain.filter(exchange);
        }
        FaultSettings settings = faults.current();
        Optional<FaultControl.Refusal> refusal = faults.admit();
        Mono<Void> answer = refusal.map(r -> refuse(exchange, r)).orElseGet(() -> chain.filter(exchange));
        Duration latency = settings.latency();
        return latency.isZero() ? answer : Mono.delay(latency).then(answer);
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, FaultControl.Refusal r) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.valueOf(r.status()));
        if (r.retryAfterSeconds() > 0) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(r.retryAfterSeconds()));
        }
        String body = r.code() == null ? "" : "{\"code\":\"" + r.code() + "\",\"message\":\"" + r.message() + "\"}";
        if (!body.isEmpty()) {
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        }
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        // the request body is not read: close the connection so an unread upload does not linger
        response.getHeaders().setConnection("close");
        return response.writeWith(Mono.just(buffer));
    }
}
