package com.example.approvals;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.model.Task;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

/** A user's application: one service on the auto-configured client. */
@SpringBootApplication
public class ApprovalsApp {
    public static void main(String[] args) {
        SpringApplication.run(ApprovalsApp.class, args);
    }

    @Service
    public static class Approver {
        private final FlowsClient client;

        public Approver(FlowsClient client) {
            this.client = client;
        }

        public int approveAll() {
            int n = 0;
            for (Task t : client.tasks().list().filter(Filter.eq("status", "pending")).snapshot()) {
                client.tasks().complete(t.getId(), Map.of("approved", true));
                n++;
            }
            return n;
        }
    }
}
