package org.ncs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The NCS Lifecycle Service: drives a country's National Cybersecurity Strategy through the five phases of the
 * ITU guide with an embedded Camunda 7 engine and measures progress against the guide's good practice.
 */
@SpringBootApplication
public class NcsApplication {

  public static void main(String[] args) {
    SpringApplication.run(NcsApplication.class, args);
  }
}
