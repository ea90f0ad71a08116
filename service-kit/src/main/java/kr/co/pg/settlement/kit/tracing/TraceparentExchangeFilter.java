package kr.co.pg.settlement.kit.tracing;

import java.util.Objects;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Adds the current span's {@value Traceparents#HEADER} header to an HTTP request (the KIS calls), so the request is
 * part of the kick-off's trace. The span is the one current where the request is subscribed: the listener thread,
 * which blocks on the call. A request made outside any span goes without the header.
 */
public final class TraceparentExchangeFilter implements ExchangeFilterFunction {

    private final Traceparents traceparents;

    public TraceparentExchangeFilter(Traceparents traceparents) {
        this.traceparents = Objects.requireNonNull(traceparents, "traceparents");
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        String traceparent = traceparents.current();
        if (traceparent == null || request.headers().containsHeader(Traceparents.HEADER)) {
            return next.exchange(request);
        }
        return next.exchange(ClientRequest.from(request).header(Traceparents.HEADER, traceparent).build());
    }
}
