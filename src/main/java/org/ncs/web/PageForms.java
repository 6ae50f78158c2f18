package org.ncs.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form of a page that changes something and comes back to its page: what its rules or the service refuse comes
 * back beside the fields (flash attributes {@code <form>Errors}, with what was typed under {@code <form>Sent}),
 * success as the flash attribute {@code success}.
 */
public final class PageForms {

  private PageForms() {
  }

  /** What was typed, field by field ({@code "field", value, ...}), for the form to show again; none is empty. */
  public static Map<String, String> typed(String... fieldsAndValues) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      typed.put(fieldsAndValues[i], fieldsAndValues[i + 1] == null ? "" : fieldsAndValues[i + 1]);
    }
    return typed;
  }

  /**
   * Checks the request's rules, then runs the change.
   *
   * @param request the request object whose Bean Validation rules apply, or null for none
   * @param success the message key said when the change is done
   */
  public static void submit(Validator validator, RedirectAttributes next, String form, Map<String, String> sent,
      Object request, String success, Runnable change) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (request != null) {
      for (ConstraintViolation<Object> violation : validator.validate(request)) {
        errors.merge(violation.getPropertyPath().toString(), violation.getMessage(), (a, b) -> a + " " + b);
      }
    }
    if (errors.isEmpty()) {
      try {
        change.run();
        next.addFlashAttribute("success", Messages.get(success));
        return;
      } catch (InvalidRequestException invalid) {
        invalid.errors().forEach(error -> errors.merge(error.field(), error.message(), (a, b) -> a + " " + b));
      } catch (ConflictException conflict) {
        errors.put("", conflict.getBody().getDetail());
      }
    }
    next.addFlashAttribute(form + "Errors", errors);
    next.addFlashAttribute(form + "Sent", sent);
  }
}
