package kr.co.pg.settlement.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KisSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(KisSimulatorApplication.class, args);
    }
}
