package org.ncs.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** What the API and the pages share in Spring MVC. */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

  /** The person's language: their choice, else their browser's (see {@link UserLocaleResolver}). */
  @Bean
  LocaleResolver localeResolver() {
    return new UserLocaleResolver();
  }

  /** Failures outside Spring MVC's handlers: the error page for browsers, problem details for everyone else. */
  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  ErrorProblems errorController(ErrorAttributes attributes, ServerProperties server,
      ObjectProvider<ErrorViewResolver> resolvers) {
    return new ErrorProblems(attributes, server.getError(), resolvers.orderedStream().toList());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new Pages());
  }

  /**
   * A request's JSON values must be of the kind their field takes: 12345 is not a title, "true" is not a yes, a
   * number is not a date (with {@code spring.jackson.default-leniency: false}).
   */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictScalars() {
    return builder -> builder.postConfigurer(mapper -> {
      for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
          CoercionInputShape.Boolean)) {
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
      }
      mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
      mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
      mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
      mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    });
  }

  /**
   * An encoded slash in a path (..%2F..%2Fetc%2Fpasswd) is passed on instead of being refused by Tomcat with its own
   * HTML page: the security filter's firewall refuses it with a problem, like every other bad request.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheFirewall() {
    return factory -> {
      factory.addConnectorCustomizers(connector ->
          connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
      // what Tomcat still refuses itself is answered as a problem too (TomcatErrors)
      factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
          .setErrorReportValveClass(TomcatErrors.class.getName()));
    };
  }

  /**
   * "In the future" and "not in the future" by the service's clock (the engine's), and leniently across time
   * zones: a ministry twelve hours ahead of UTC has its today while UTC still has yesterday.
   */
  @Bean
  ValidationConfigurationCustomizer serviceClock(Clock clock) {
    return configuration -> configuration.clockProvider(() -> clock.withZone(PlausibleDate.LATEST_ZONE));
  }

  /**
   * A moment in a query, e.g. {@code dueBefore}: a date (its start, in UTC) or a full ISO 8601 instant, within
   * the years a person could mean.
   */
  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(String.class, Instant.class, (Converter<String, Instant>) text -> {
      String value = text.trim();
      Instant instant;
      try {
        instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
            : Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      LocalDate day = instant.atZone(ZoneOffset.UTC).toLocalDate();
      if (day.isBefore(PlausibleDate.EARLIEST) || day.isAfter(PlausibleDate.LATEST)) {
        throw new IllegalArgumentException("out of range: " + value);
      }
      return instant;
    });
  }
}
