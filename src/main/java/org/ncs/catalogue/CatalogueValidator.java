package org.ncs.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks one edition for what would make it unusable: a missing id, title or confidence, an id or guide number
 * used twice, a reference to a role or principle that does not exist. Every problem names the item.
 */
final class CatalogueValidator {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,31}");

  private final Edition edition;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, String> itemsById = new HashMap<>();
  private final Map<String, String> itemsByNumber = new HashMap<>();
  private Set<String> roleKeys = Set.of();
  private Set<String> principleIds = Set.of();

  private CatalogueValidator(Edition edition) {
    this.edition = edition;
  }

  static List<String> problems(Edition edition) {
    CatalogueValidator validator = new CatalogueValidator(edition);
    validator.validate();
    return List.copyOf(validator.problems);
  }

  private void validate() {
    if (isBlank(edition.key())) {
      problems.add("the edition has no key");
    } else if (!KEY.matcher(edition.key()).matches()) {
      problems.add("edition key '" + edition.key() + "' must be letters, digits, '.' or '-' (at most 32)");
    }
    requireText("edition " + edition.key(), "title", edition.title());
    if (edition.year() <= 0) {
      problems.add("edition " + edition.key() + ": year is missing");
    }

    roleKeys = edition.roles().stream().map(Role::key).collect(Collectors.toSet());
    principleIds = edition.principles().stream().map(Principle::id).collect(Collectors.toSet());

    Set<String> seenRoles = new HashSet<>();
    for (int i = 0; i < edition.roles().size(); i++) {
      Role role = edition.roles().get(i);
      String name = isBlank(role.key()) ? "role #" + (i + 1) : "role " + role.key();
      requireText(name, "key", role.key());
      requireText(name, "name", role.name());
      if (!isBlank(role.key()) && !seenRoles.add(role.key())) {
        problems.add("role key '" + role.key() + "' is used twice");
      }
    }

    requireNonEmpty("edition " + edition.key(), "phases", edition.phases());
    for (int i = 0; i < edition.phases().size(); i++) {
      Phase phase = edition.phases().get(i);
      String name = item("phase", phase.id(), i);
      checkItem(name, phase.id(), phase.number(), phase.title(), phase.confidence());
      requireNonEmpty(name, "steps", phase.steps());
      for (int j = 0; j < phase.steps().size(); j++) {
        Step step = phase.steps().get(j);
        String stepName = item("step", step.id(), j) + (isBlank(step.id()) ? " of " + name : "");
        checkItem(stepName, step.id(), step.number(), step.title(), step.confidence());
        if (isBlank(step.role())) {
          problems.add(stepName + ": role is missing");
        } else {
          checkRole(stepName, step.role());
        }
        step.participants().forEach(role -> checkRole(stepName, role));
        step.principles().forEach(principle -> checkPrinciple(stepName, principle));
      }
    }

    for (int i = 0; i < edition.principles().size(); i++) {
      Principle principle = edition.principles().get(i);
      checkItem(item("principle", principle.id(), i), principle.id(), principle.number(), principle.title(),
          principle.confidence());
    }

    checkScales();
    for (int i = 0; i < edition.focusAreas().size(); i++) {
      FocusArea area = edition.focusAreas().get(i);
      String name = item("focus area", area.id(), i);
      checkItem(name, area.id(), area.number(), area.title(), area.confidence());
      checkWeight(name, area.weight());
      requireNonEmpty(name, "elements", area.elements());
      for (int j = 0; j < area.elements().size(); j++) {
        Element element = area.elements().get(j);
        String elementName = item("element", element.id(), j) + (isBlank(element.id()) ? " of " + name : "");
        checkItem(elementName, element.id(), element.number(), element.title(), element.confidence());
        element.principles().forEach(principle -> checkPrinciple(elementName, principle));
        checkWeight(elementName, element.weight());
        checkCriteria(elementName, element.criteria());
      }
    }
  }

  /** Each scale is levels 0, 1, 2, ... in order, each named; coverage has 3 above 0, implementation 5. */
  private void checkScales() {
    for (Scale scale : Scale.values()) {
      List<ScaleLevel> levels = edition.scales().of(scale);
      int expected = scale == Scale.COVERAGE ? 3 : 5;
      if (levels.size() != expected + 1) {
        problems.add("scale " + scale.key() + ": needs levels 0 to " + expected + ", has " + levels.size());
        continue;
      }
      for (int i = 0; i < levels.size(); i++) {
        if (levels.get(i).level() != i) {
          problems.add("scale " + scale.key() + ": level #" + (i + 1) + " must be " + i);
        }
        requireText("scale " + scale.key() + " level " + i, "name", levels.get(i).name());
      }
    }
  }

  /** A criterion for every level above 0 of both scales, and none for a level the scale lacks. */
  private void checkCriteria(String name, Criteria criteria) {
    for (Scale scale : Scale.values()) {
      int top = edition.scales().top(scale);
      for (int level = 1; level <= top; level++) {
        if (isBlank(criteria.of(scale).get(level))) {
          problems.add(name + ": no " + scale.key() + " criterion for level " + level);
        }
      }
      criteria.of(scale).keySet().stream().filter(level -> level < 1 || level > top).forEach(level ->
          problems.add(name + ": " + scale.key() + " has no level " + level));
    }
  }

  private void checkWeight(String name, BigDecimal weight) {
    if (weight.signum() <= 0 || weight.compareTo(BigDecimal.valueOf(100)) > 0) {
      problems.add(name + ": weight must be above 0 and at most 100, is " + weight.toPlainString());
    }
  }

  private void checkItem(String name, String id, String number, String title, Confidence confidence) {
    if (isBlank(id)) {
      problems.add(name + ": id is missing");
    } else {
      String earlier = itemsById.putIfAbsent(id, name);
      if (earlier != null) {
        problems.add(name + ": id '" + id + "' is already used by " + earlier);
      }
    }
    if (!isBlank(number)) {
      String earlier = itemsByNumber.putIfAbsent(number, name);
      if (earlier != null) {
        problems.add(name + ": guide number " + number + " is already used by " + earlier);
      }
    }
    requireText(name, "title", title);
    if (confidence == null) {
      problems.add(name + ": confidence is missing");
    }
  }

  private void checkRole(String name, String role) {
    if (!roleKeys.contains(role)) {
      problems.add(name + ": role '" + role + "' is not one of the edition's roles " + sorted(roleKeys));
    }
  }

  private void checkPrinciple(String name, String principle) {
    if (!principleIds.contains(principle)) {
      problems.add(name + ": principle '" + principle + "' does not exist in this edition");
    }
  }

  private void requireText(String name, String field, String value) {
    if (isBlank(value)) {
      problems.add(name + ": " + field + " is missing");
    }
  }

  private void requireNonEmpty(String name, String field, List<?> list) {
    if (list.isEmpty()) {
      problems.add(name + ": has no " + field);
    }
  }

  private static String item(String kind, String id, int index) {
    return isBlank(id) ? kind + " #" + (index + 1) : kind + " " + id;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
