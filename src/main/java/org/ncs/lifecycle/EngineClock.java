package org.ncs.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's time is the engine's, in UTC: what our tables record (an engagement opened, a comment, the audit
 * trail) agrees with the engine's history and timers, also when the engine's clock is set, as the demo sets it
 * back to tell its story of weeks past.
 */
final class EngineClock extends Clock {

  private final ZoneId zone;

  EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Configuration
  static class Provider {

    @Bean
    Clock clock() {
      return new EngineClock(ZoneOffset.UTC);
    }
  }
}
