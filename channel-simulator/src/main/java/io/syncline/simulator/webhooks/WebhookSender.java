package io.syncline.simulator.webhooks;

import io.syncline.simulator.WebhookSettings;
import io.syncline.simulator.http.HttpFront;
import io.syncline.simulator.shops.Faults;
import io.syncline.simulator.shops.Shop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends webhooks as the platforms do: POSTed to the shop's webhook URL, retried with exponential backoff while the
 * answer is not 2xx or does not come within the timeout, up to the configured number of retries. Applies the
 * shop's delivery faults on the way: copies (one after the other or all at once) and groups held back and sent in
 * reverse order. Never blocks the caller.
 */
public final class WebhookSender implements AutoCloseable {

    private final WebhookSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final ExecutorService httpThreads;
    private final HttpClient http;
    private final Map<String, DeliveryLog> logs = new ConcurrentHashMap<>();
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public WebhookSender(WebhookSettings settings, ScheduledExecutorService scheduler, Clock clock) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.httpThreads = Executors.newCachedThreadPool(HttpFront.daemonThreads("simulator-webhooks"));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .executor(httpThreads)
                .build();
    }

    /** Deliveries held back for one shop, and the timer that lets them go if no more come. */
    private static final class Held {
        final List<Delivery> deliveries = new ArrayList<>();
        final List<DeliveryRecord> records = new ArrayList<>();
        ScheduledFuture<?> timer;
    }

    public void send(Shop shop, Delivery delivery) {
        if (closed) {
            return;
        }
        Faults.OutOfOrder reorder = shop.faults().outOfOrder().orElse(null);
        if (reorder == null) {
            dispatch(shop, delivery, null);
            return;
        }
        List<Delivery> release = null;
        List<DeliveryRecord> releaseRecords = null;
        synchronized (this) {
            Held group = held.computeIfAbsent(shop.name(), name -> new Held());
            DeliveryRecord record = new DeliveryRecord(delivery, 1, DeliveryRecord.Status.HELD);
            log(shop).add(record);
            group.deliveries.add(delivery);
            group.records.add(record);
            if (group.deliveries.size() >= reorder.batch()) {
                held.remove(shop.name());
                if (group.timer != null) {
                    group.timer.cancel(false);
                }
                release = group.deliveries;
                releaseRecords = group.records;
            } else if (group.timer == null) {
                group.timer =
                        schedule(() -> releaseHeld(shop), reorder.maxHold().toMillis());
            }
        }
        if (release != null) {
            shop.faults().groupReleased();
            sendReversed(shop, release, releaseRecords);
        }
    }

    /** The copies sent for a shop, oldest first. */
    public List<DeliveryRecord.View> deliveries(Shop shop) {
        return log(shop).views();
    }

    public void forget(Shop shop) {
        logs.remove(shop.name());
        held.remove(shop.name());
    }

    private void releaseHeld(Shop shop) {
        Held group;
        synchronized (this) {
            group = held.remove(shop.name());
        }
        if (group != null) {
            shop.faults().groupReleased();
            sendReversed(shop, group.deliveries, group.records);
        }
    }

    // each goes once the one before has had its first answer, so they arrive in the reversed order
    private void sendReversed(Shop shop, List<Delivery> deliveries, List<DeliveryRecord> records) {
        List<Delivery> order = new ArrayList<>(deliveries);
        List<DeliveryRecord> recordOrder = new ArrayList<>(records);
        Collections.reverse(order);
        Collections.reverse(recordOrder);
        CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
        for (int i = 0; i < order.size(); i++) {
            Delivery delivery = order.get(i);
            DeliveryRecord record = recordOrder.get(i);
            previous = previous.thenCompose(done -> dispatch(shop, delivery, record));
        }
    }

    /** Sends a delivery and its copies; completes once each copy has had its first answer. */
    private CompletableFuture<Void> dispatch(Shop shop, Delivery delivery, DeliveryRecord first) {
        Faults.Duplicates copies = shop.faults().takeDuplicates();
        List<DeliveryRecord> records = new ArrayList<>();
        for (int copy = 1; copy <= copies.copies(); copy++) {
            DeliveryRecord record = copy == 1 && first != null
                    ? first
                    : new DeliveryRecord(delivery, copy, DeliveryRecord.Status.PENDING);
            if (record != first) {
                log(shop).add(record);
            }
            records.add(record);
        }
        if (copies.concurrent()) {
            return CompletableFuture.allOf(records.stream()
                    .map(record -> start(shop, delivery, record))
                    .toArray(CompletableFuture[]::new));
        }
        CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
        for (DeliveryRecord record : records) {
            previous = previous.thenCompose(done -> start(shop, delivery, record));
        }
        return previous;
    }

    /** First attempt of one copy; completes at its first answer (or failure), retries go on by themselves. */
    private CompletableFuture<Void> start(Shop shop, Delivery delivery, DeliveryRecord record) {
        CompletableFuture<Void> firstAnswer = new CompletableFuture<>();
        attempt(shop, delivery, record, firstAnswer);
        return firstAnswer;
    }

    private void attempt(Shop shop, Delivery delivery, DeliveryRecord record, CompletableFuture<Void> firstAnswer) {
        URI url = shop.webhookUrl();
        if (closed || url == null) {
            if (url == null) {
                record.noUrl();
            }
            firstAnswer.complete(null);
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        delivery.headers().forEach(request::header);
        int attempt = record.attempting(clock.instant());
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null) {
                record.answered(response.statusCode(), clock.instant());
            } else {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                record.failed(
                        cause instanceof HttpTimeoutException
                                ? "no answer within " + settings.timeout()
                                : cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
            firstAnswer.complete(null);
            boolean delivered = error == null && response.statusCode() / 100 == 2;
            if (!delivered) {
                if (attempt > settings.maxRetries()) {
                    record.gaveUp();
                } else if (schedule(
                                () -> attempt(shop, delivery, record, firstAnswer),
                                settings.backoff(attempt).toMillis())
                        == null) {
                    record.gaveUp();
                }
            }
        });
    }

    private ScheduledFuture<?> schedule(Runnable task, long millis) {
        if (closed) {
            return null;
        }
        try {
            return scheduler.schedule(task, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            return null;
        }
    }

    private DeliveryLog log(Shop shop) {
        return logs.computeIfAbsent(shop.name(), name -> new DeliveryLog());
    }

    @Override
    public void close() {
        closed = true;
        httpThreads.shutdownNow();
    }
}
