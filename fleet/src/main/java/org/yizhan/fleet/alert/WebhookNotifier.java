package org.yizhan.fleet.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.fleet.view.Alert;

/**
 * Posts alerts to webhooks: a small JSON document per raised, reopened or cleared alert, e.g.
 * <pre>{"status":"raised","id":7,"rule":"cpu-hot","kiosk":"demo/kiosk-1","message":"CPU 82.0 °C (limit 80 °C)",
 * "raised":"2026-03-02T08:15:30Z","cleared":null}</pre>
 *
 * <p>Never blocks its caller: {@link #post} hands the request to {@link HttpClient#sendAsync} and returns. A
 * request that fails (no answer within the timeout, a refused connection, a status other than 2xx) is tried once
 * more a second later; when that fails too, one warning is logged. Requests run on the notifier's own two
 * daemon threads. Thread-safe.
 */
public final class WebhookNotifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService threads = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "yizhan-fleet-webhook");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client;
    private final Duration timeout;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public WebhookNotifier(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).executor(threads).build();
    }

    /** Posts {@code alert} with {@code status} ({@code raised} or {@code cleared}) to {@code uri}, in the background. */
    public CompletableFuture<Boolean> post(URI uri, Alert alert, String status) {
        ObjectNode body = json.createObjectNode();
        body.put("status", status);
        body.put("id", alert.id());
        body.put("rule", alert.rule());
        body.put("kiosk", alert.kiosk().toString());
        body.put("message", alert.message());
        body.put("raised", alert.raised().toString());
        body.put("cleared", alert.cleared() == null ? null : alert.cleared().toString());
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert did not serialise", e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return attempt(request).thenCompose(problem -> {
            if (problem == null) {
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.supplyAsync(() -> null,
                    CompletableFuture.delayedExecutor(RETRY_AFTER.toMillis(), TimeUnit.MILLISECONDS, threads))
                    .thenCompose(ignored -> attempt(request));
        }).thenApply(problem -> {
            if (problem == null) {
                delivered.incrementAndGet();
                return true;
            }
            failed.incrementAndGet();
            log.warn("the {} webhook for alert {} ({} of {}) failed twice: {}", alert.rule(), alert.id(), status,
                    alert.kiosk(), problem);
            return false;
        });
    }

    /** Null when delivered, else what went wrong. */
    private CompletableFuture<String> attempt(HttpRequest request) {
        try {
            return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    return request.uri() + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                            : cause.getMessage());
                }
                int status = response.statusCode();
                return status >= 200 && status < 300 ? null : request.uri() + " answered HTTP " + status;
            });
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(request.uri() + ": " + e.getMessage());
        }
    }

    public long delivered() {
        return delivered.get();
    }

    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
