package dev.switchboard.sample;

import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.echo.EchoProtocol;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Upgrade protocols as beans: the starter offers each in every upgrade negotiation. */
@Configuration(proxyBeanMethods = false)
public class Protocols {

    @Bean
    UpgradeProtocol echo() {
        return new EchoProtocol();
    }
}
