package kr.co.pg.settlement.kit.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * A Kafka Admin client with the service's admin settings (security included), created at its first use, so a
 * service starts while the brokers are still down; its requests time out after {@code timeout}. Closed with the
 * bean that holds it ({@link #destroy()}).
 */
public final class LazyAdmin implements DisposableBean {

    private final Map<String, Object> config;
    private volatile Admin admin;

    /** {@code clientId} names the client in the broker logs (unless the admin settings name one). */
    public LazyAdmin(KafkaAdmin kafkaAdmin, String clientId, Duration timeout) {
        Map<String, Object> c = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        c.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        c.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        c.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        this.config = c;
    }

    public Admin get() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(config);
                }
                a = admin;
            }
        }
        return a;
    }

    @Override
    public void destroy() {
        Admin a = admin;
        if (a != null) {
            a.close(Duration.ofSeconds(5));
        }
    }
}
