package kr.co.pg.settlement.opsconsole;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A browser-like HTTP client of the console: a session cookie, form login, the CSRF header on POSTs. */
public final class ConsoleClient {

    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrfHeader;
    private String csrfToken;

    private ConsoleClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static ConsoleClient anonymous(String base) {
        return new ConsoleClient(base);
    }

    /** Logs in through the login form (its CSRF token included) and reads the API's CSRF token from /api/me. */
    public static ConsoleClient login(String base, String user, String password) {
        ConsoleClient client = new ConsoleClient(base);
        Response page = client.get("/login");
        Matcher m = CSRF_INPUT.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no _csrf input on the login page: " + page.body());
        }
        Response login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password,
                        "_csrf", m.group(1))))).build());
        String location = login.raw().headers().firstValue("Location").orElse("");
        if (login.status() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + user + " failed: " + login.status() + " -> " + location);
        }
        JsonNode me = client.get("/api/me").json();
        client.csrfHeader = me.get("csrfHeader").asString();
        client.csrfToken = me.get("csrfToken").asString();
        return client;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, text/html").GET().build());
    }

    /** A form POST with the session's CSRF header. */
    public Response post(String path, Map<String, String> params) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)));
        if (csrfToken != null) {
            b.header(csrfHeader, csrfToken);
        }
        return send(b.build());
    }

    /** A POST without the CSRF header (a forged cross-site request). */
    public Response postWithoutCsrf(String path, Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> params) {
        return new LinkedHashMap<>(params).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
