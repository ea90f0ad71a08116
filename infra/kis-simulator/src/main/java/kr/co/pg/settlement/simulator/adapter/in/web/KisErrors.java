package kr.co.pg.settlement.simulator.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** KIS's error answers: {"code","message"[,"line"]}. */
final class KisErrors {

    static ResponseEntity<Object> error(int status, String code, String message) {
        return error(status, code, message, null);
    }

    static ResponseEntity<Object> error(int status, String code, String message, Integer line) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        if (line != null) {
            body.put("line", line);
        }
        return ResponseEntity.status(HttpStatus.valueOf(status)).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private KisErrors() {
    }
}
