package kr.co.pg.settlement.opsconsole.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.opsconsole.application.OperatorActions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator actions (role operator), each in two requests: without {@code confirm} a dry run that says what would
 * happen and returns a {@code token}; then the same request with {@code confirm=true&token=...} runs it. Both are
 * audited. 200 = dry run or done; 409 = not confirmed (no valid token) or the action failed (the output says why).
 */
@RestController
@RequestMapping(path = "/api/actions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "actions", description = "kick-off, replay, dead-letter re-drive: dry run, then confirm (role operator)")
class ActionController {

    private final OperatorActions actions;

    ActionController(OperatorActions actions) {
        this.actions = actions;
    }

    @PostMapping("/kickoff")
    @Operation(summary = "send a kick-off of a job for a business date to settlement.kickoff.v1")
    ResponseEntity<OperatorActions.Result> kickoff(Authentication auth,
            @Parameter(description = "one of the four job names") @RequestParam String job,
            @RequestParam LocalDate businessDate,
            @RequestParam(defaultValue = "false") boolean confirm,
            @Parameter(description = "the dry run's token (with confirm=true)") @RequestParam(required = false) String token) {
        Job parsed = Job.fromName(job).orElseThrow(() -> new BadRequest("unknown job '" + job + "': one of "
                + List.of(Job.values())));
        return answer(actions.kickoff(auth.getName(), parsed, businessDate, confirm, token));
    }

    @PostMapping("/replay")
    @Operation(summary = "move consumer groups back to the first record of a business date (services stopped first)")
    ResponseEntity<OperatorActions.Result> replay(Authentication auth, @RequestParam LocalDate businessDate,
            @Parameter(description = "consumer groups (default: collector, gateway, poller)")
            @RequestParam(required = false) List<String> group,
            @RequestParam(defaultValue = "false") boolean confirm, @RequestParam(required = false) String token) {
        List<String> groups = group == null ? List.of() : group.stream().map(String::strip).filter(g -> !g.isEmpty())
                .distinct().sorted().toList();
        for (String g : groups) {
            if (!g.matches("[A-Za-z0-9._-]{1,100}")) {
                throw new BadRequest("bad consumer group name '" + g + "'");
            }
        }
        return answer(actions.replay(auth.getName(), businessDate, groups, confirm, token));
    }

    @PostMapping("/dlt-redrive")
    @Operation(summary = "put one dead letter (TOPIC:PARTITION:OFFSET) back on its original topic, at most once")
    ResponseEntity<OperatorActions.Result> redrive(Authentication auth,
            @Parameter(description = "dead-letter id as listed, e.g. settlement.dlt.collector.v1:0:12") @RequestParam String id,
            @RequestParam(defaultValue = "false") boolean confirm, @RequestParam(required = false) String token) {
        if (!id.matches("settlement\\.dlt\\.(collector|gateway|poller)\\.v1:\\d+:\\d+")) {
            throw new BadRequest("bad dead-letter id '" + id + "': TOPIC:PARTITION:OFFSET of one of the three"
                    + " dead-letter topics, e.g. settlement.dlt.collector.v1:0:12");
        }
        return answer(actions.redrive(auth.getName(), id, confirm, token));
    }

    private static ResponseEntity<OperatorActions.Result> answer(OperatorActions.Result result) {
        return ResponseEntity.status(result.ok() ? HttpStatus.OK : HttpStatus.CONFLICT).body(result);
    }
}
