package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.co.pg.settlement.collector.domain.LocalRejection;
import kr.co.pg.settlement.collector.domain.RegistrationChecks;
import kr.co.pg.settlement.collector.domain.SubMerchantCandidate;
import kr.co.pg.settlement.events.RegistrationFileRequested.Registration;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.kis.protocol.FileType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** SUBMERCHANT_REGISTRATION_REQUEST: one transaction per chunk = one R1 file (+ local rejections). */
@Service
record RegistrationCollector(RegistrationStore store, KisFiles files, Outbox outbox, ChunkTransactions chunks,
                             CollectionSizes sizes) {

    private static final Logger log = LoggerFactory.getLogger(RegistrationCollector.class);

    /** @param filesCreatedAt the files' creation time: the kick-off's, so a re-run of it renders identical files */
    JobCounts run(String kickoffId, LocalDate businessDate, LocalDateTime filesCreatedAt) {
        JobCounts total = JobCounts.NONE;
        String after = "";
        while (true) {
            String from = after;
            ChunkResult r = chunks.chunk("registration chunk after '" + from + "'",
                    () -> collectChunk(kickoffId, businessDate, from, filesCreatedAt));
            if (r.read == 0) {
                return total;
            }
            total = total.plus(r.counts);
            after = r.lastId;
        }
    }

    private record ChunkResult(int read, String lastId, JobCounts counts) {
    }

    private ChunkResult collectChunk(String kickoffId, LocalDate businessDate, String afterId,
                                     LocalDateTime filesCreatedAt) {
        List<SubMerchantCandidate> candidates = store.candidatesAfter(afterId, sizes.registrationFileSize);
        if (candidates.isEmpty()) {
            return new ChunkResult(0, afterId, JobCounts.NONE);
        }
        List<RegistrationStore.Rejected> rejected = new ArrayList<>();
        List<SubMerchantCandidate> accepted = new ArrayList<>();
        for (SubMerchantCandidate c : candidates) {
            Optional<LocalRejection> rejection = RegistrationChecks.check(c);
            if (rejection.isPresent()) {
                rejected.add(new RegistrationStore.Rejected(c, rejection.get()));
            } else {
                accepted.add(c);
            }
        }
        if (!rejected.isEmpty() && store.rejectLocally(rejected) != rejected.size()) {
            throw new ConcurrentChangeException("sub-merchants changed status while being rejected locally");
        }
        int files = 0;
        if (!accepted.isEmpty()) {
            KisFiles.KisFile file = this.files.create(FileType.R1, businessDate, kickoffId, accepted.size(),
                    filesCreatedAt);
            List<Registration> records = new ArrayList<>(accepted.size());
            int seq = 0;
            for (SubMerchantCandidate c : accepted) {
                records.add(new Registration(++seq, c.requestType(), c.subMerchantId(), c.businessNo(),
                        c.businessName(), c.representativeName(), c.openedOn(), c.closedOn(), c.industryCode(),
                        c.phone(), c.postalCode(), c.address()));
            }
            NewFileRows.write(store, file, records, "sub-merchants still in NONE/CHANGED/CLOSE_PENDING");
            outbox.append(Topics.REGISTRATION_FILE_REQUESTED, FileEvents.registrationRequested(file, records));
            files = 1;
            log.info("registration {}: file {} with {} sub-merchants, {} rejected locally", businessDate,
                    file.fileId(), records.size(), rejected.size());
        }
        String lastId = candidates.get(candidates.size() - 1).subMerchantId();
        return new ChunkResult(candidates.size(), lastId, new JobCounts(files, accepted.size(), rejected.size(), 0));
    }
}
