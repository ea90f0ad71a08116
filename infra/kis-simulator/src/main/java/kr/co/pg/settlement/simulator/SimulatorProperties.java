package kr.co.pg.settlement.simulator;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kis.simulator.*}. Secrets come from the environment ({@code ${KIS_SECRET}}), never from code.
 *
 * @param clients               client id -> HMAC secret
 * @param stateDir              where requests, results and journals are kept (survives restarts)
 * @param processingDelay       time from upload to DONE (default 2 s)
 * @param maxUploadBytes        413 above this (default 64 MiB)
 * @param closedBusinessNumbers E102 list
 * @param annualSales           business number -> annual sales in KRW (tier registry)
 * @param preferentialRates     the preferential rate table of domain.md, with effective dates
 * @param faults                initial faults (all off by default); changeable at runtime via /sim/faults
 * @param processingThreads     threads processing files (default 2); ledger decisions stay in acceptance order
 */
@ConfigurationProperties("kis.simulator")
public record SimulatorProperties(Map<String, String> clients, Path stateDir, Duration processingDelay,
                                  Long maxUploadBytes, List<String> closedBusinessNumbers, Map<String, Long> annualSales,
                                  List<RateRow> preferentialRates, Faults faults,
                                  Integer processingThreads) {

    public SimulatorProperties {
        clients = clients == null ? Map.of() : clients;
        stateDir = stateDir == null ? Path.of("kis-simulator-state") : stateDir;
        processingDelay = processingDelay == null ? Duration.ofSeconds(2) : processingDelay;
        maxUploadBytes = maxUploadBytes == null ? 64L * 1024 * 1024 : maxUploadBytes;
        closedBusinessNumbers = closedBusinessNumbers == null ? List.of() : closedBusinessNumbers;
        annualSales = annualSales == null ? Map.of() : annualSales;
        preferentialRates = preferentialRates == null ? List.of() : preferentialRates;
        processingThreads = processingThreads == null ? 2 : processingThreads;
        faults = faults == null ? new Faults(null, null, null, null, null, null, null, null, null, null, null, null, null) : faults;
    }

    /** Without the clients' secrets (a record would print them). */
    @Override
    public String toString() {
        return "SimulatorProperties[clients=" + clients.keySet() + " (secrets ***), stateDir=" + stateDir
                + ", processingDelay=" + processingDelay + ", maxUploadBytes=" + maxUploadBytes + ", faults=" + faults
                + ", processingThreads=" + processingThreads + "]";
    }

    /** One row of the preferential rate table; cardType CREDIT or CHECK; rates in percent (0.400). */
    public record RateRow(LocalDate effectiveFrom, String cardType, BigDecimal small, BigDecimal medium1,
                          BigDecimal medium2, BigDecimal medium3) {
    }

    /** See {@link kr.co.pg.settlement.simulator.domain.FaultSettings}; null means off / default. */
    public record Faults(Double unavailableShare, Integer unavailableNext, Integer unavailableStatus, Duration latency,
                         Integer rateLimitPerSecond, Integer retryAfterSeconds, Double delayedResultShare,
                         Duration resultDelay, Double corruptedResultShare, Integer corruptedDownloads,
                         Double reducedDifferenceShare, Double failedShare, Long seed) {
    }
}
