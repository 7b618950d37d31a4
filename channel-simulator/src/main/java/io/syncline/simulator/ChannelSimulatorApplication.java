package io.syncline.simulator;

import java.util.concurrent.CountDownLatch;

/** The simulator as its own process: settings from the environment, shops from {@code SIMULATOR_SHOPS}. */
public final class ChannelSimulatorApplication {

    private ChannelSimulatorApplication() {}

    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config;
        try {
            config = SimulatorSettings.fromEnvironment(System.getenv());
        } catch (RuntimeException e) {
            System.err.println("channel simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        ChannelSimulator simulator = ChannelSimulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("Channel simulator listening on " + config.host() + ":" + simulator.port() + ", serving "
                + simulator.baseUrl());
        for (ShopConfig shop : simulator.shops()) {
            System.out.println("  " + shop.kind() + " shop " + shop.name() + ": apiBaseUrl "
                    + simulator.apiBaseUrl(shop.name()) + ", webhooks to "
                    + (shop.webhookUrl() != null ? shop.webhookUrl() : "(none yet)"));
        }
        System.out.println("Secrets, ids and stock: GET " + simulator.adminUrl() + "/shops/<shop>");
        stopped.await();
    }
}
