package org.ncs.lifecycle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.ncs.lifecycle.FormView.Option;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every {@link FormChoices} of the service, by key; looked up late, as the engine starts before their modules. */
@Component
class Choices {

  private final ObjectProvider<FormChoices> sources;

  Choices(ObjectProvider<FormChoices> sources) {
    this.sources = sources;
  }

  /** The options of a key for an engagement; none for a key nothing provides. */
  List<Option> options(String key, String engagementId) {
    return sources.orderedStream().filter(source -> source.key().equals(key)).findFirst()
        .map(source -> source.options(engagementId)).orElse(List.of());
  }

  /** An engagement's options by key, each key read once however many fields of a form name it. */
  Function<String, List<Option>> of(String engagementId) {
    Map<String, List<Option>> read = new HashMap<>();
    return key -> read.computeIfAbsent(key, k -> options(k, engagementId));
  }

  Optional<String> link(String key, String engagementId, String value) {
    return sources.orderedStream().filter(source -> source.key().equals(key)).findFirst()
        .flatMap(source -> source.link(engagementId, value));
  }

}
