package kr.co.pg.settlement.simulator;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.kis.protocol.FeeTier;
import kr.co.pg.settlement.simulator.adapter.out.state.FileStateStore;
import kr.co.pg.settlement.simulator.application.FaultControl;
import kr.co.pg.settlement.simulator.application.SimulatorService;
import kr.co.pg.settlement.simulator.domain.FaultSettings;
import kr.co.pg.settlement.simulator.domain.KisLedger;
import kr.co.pg.settlement.simulator.domain.PreferentialRateTable;
import kr.co.pg.settlement.simulator.domain.RegistrationRules;
import kr.co.pg.settlement.simulator.domain.SettlementRules;
import kr.co.pg.settlement.simulator.domain.TierPolicy;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulatorProperties.class)
class SimulatorConfiguration {

    @Bean
    @Qualifier("kisSimulatorClock")
    Clock kisSimulatorClock() {
        return Clock.system(ZoneId.of("Asia/Seoul"));
    }

    @Bean
    TierPolicy tierPolicy(SimulatorProperties p) {
        TierPolicy tiers = new TierPolicy();
        p.annualSales().forEach(tiers::putAnnualSales);
        p.closedBusinessNumbers().forEach(tiers::addClosed);
        return tiers;
    }

    @Bean
    PreferentialRateTable preferentialRateTable(SimulatorProperties p) {
        List<PreferentialRateTable.Entry> entries = p.preferentialRates().stream().map(row -> {
            Map<FeeTier, java.math.BigDecimal> rates = new EnumMap<>(FeeTier.class);
            rates.put(FeeTier.SMALL, row.small());
            rates.put(FeeTier.MEDIUM_1, row.medium1());
            rates.put(FeeTier.MEDIUM_2, row.medium2());
            rates.put(FeeTier.MEDIUM_3, row.medium3());
            char card = switch (row.cardType()) {
                case "CREDIT", "C" -> 'C';
                case "CHECK", "K" -> 'K';
                default -> throw new IllegalArgumentException("kis.simulator.preferential-rates: card-type must be CREDIT or CHECK, got " + row.cardType());
            };
            return new PreferentialRateTable.Entry(row.effectiveFrom(), card, rates);
        }).toList();
        return new PreferentialRateTable(entries);
    }

    @Bean
    FaultControl faultControl(SimulatorProperties p, @Qualifier("kisSimulatorClock") Clock clock) {
        SimulatorProperties.Faults f = p.faults();
        FaultSettings d = FaultSettings.NONE;
        FaultSettings initial = new FaultSettings(
                or(f.unavailableShare(), d.unavailableShare()), or(f.unavailableNext(), d.unavailableNext()),
                or(f.unavailableStatus(), d.unavailableStatus()), or(f.latency(), d.latency()),
                or(f.rateLimitPerSecond(), d.rateLimitPerSecond()), or(f.retryAfterSeconds(), d.retryAfterSeconds()),
                or(f.delayedResultShare(), d.delayedResultShare()), or(f.resultDelay(), d.resultDelay()),
                or(f.corruptedResultShare(), d.corruptedResultShare()), or(f.corruptedDownloads(), d.corruptedDownloads()),
                or(f.reducedDifferenceShare(), d.reducedDifferenceShare()), or(f.failedShare(), d.failedShare()),
                or(f.seed(), d.seed()));
        return new FaultControl(initial, clock);
    }

    @Bean(destroyMethod = "close")
    FileStateStore fileStateStore(SimulatorProperties p) {
        return new FileStateStore(p.stateDir());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    SimulatorService simulatorService(FileStateStore store, TierPolicy tiers, PreferentialRateTable rates,
                                      FaultControl faults, SimulatorProperties p,
                                      @Qualifier("kisSimulatorClock") Clock clock) {
        KisLedger ledger = new KisLedger();
        return new SimulatorService(store, ledger, new RegistrationRules(ledger, tiers), new SettlementRules(ledger, rates),
                faults, clock, p.processingDelay(), p.processingThreads());
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
