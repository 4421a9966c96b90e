package io.flowsdk.spring.boot.test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The application under test: nothing but auto-configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApplication {
}
