package kr.co.pg.settlement.collector.application;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How the request jobs cut their work: records per file (one file per chunk or page), writer threads, slices. */
@Component
class CollectionSizes {

    final int registrationFileSize;
    final int settlementFileSize;
    final int writerThreads;
    final int slices;

    CollectionSizes(@Value("${settlement.collector.registration-file-size:10000}") int registrationFileSize,
                    @Value("${settlement.collector.settlement-file-size:10000}") int settlementFileSize,
                    @Value("${settlement.collector.writer-threads:1}") int writerThreads,
                    @Value("${settlement.collector.slices:8}") int slices) {
        this.registrationFileSize = Math.max(1, registrationFileSize);
        this.settlementFileSize = Math.max(1, settlementFileSize);
        this.writerThreads = Math.max(1, writerThreads);
        this.slices = Math.max(1, slices);
    }
}
