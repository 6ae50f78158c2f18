package org.ncs.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

class CatalogueLoaderTest {

  private static final String DATA_FILE = "catalogue/ncs-guide-2021.yaml";

  @Test
  void the2021EditionHasTheGuidesFivePhasesInOrderWithTheirSteps() {
    Edition edition = load2021();

    assertThat(edition.key()).isEqualTo("2021");
    assertThat(edition.phases()).extracting(Phase::id, Phase::ordinal, Phase::number, Phase::title).containsExactly(
        tuple("P1", 1, "3.1", "Initiation"),
        tuple("P2", 2, "3.2", "Stocktaking and analysis"),
        tuple("P3", 3, "3.3", "Production"),
        tuple("P4", 4, "3.4", "Implementation"),
        tuple("P5", 5, "3.5", "Monitoring and evaluation"));
    assertThat(edition.phases()).extracting(p -> p.steps().size()).containsExactly(4, 3, 4, 6, 3);
    assertThat(edition.step("P1.S1").orElseThrow().title()).isEqualTo("Identifying the Lead Project Authority");
    assertThat(edition.step("P1.S1").orElseThrow().role()).isEqualTo("executive");
    assertThat(edition.step("P1.S1").orElseThrow().confidence()).isEqualTo(Confidence.VERIFIED);
    assertThat(edition.step("P2.S3").orElseThrow().derived()).isTrue();
    assertThat(edition.step("P4.S3").orElseThrow().provisional()).isTrue();
  }

  @Test
  void everyStepIsNumberedWithinItsPhaseAndPerformedByAKnownRole() {
    Edition edition = load2021();
    List<String> roles = edition.roles().stream().map(Role::key).toList();

    assertThat(roles).containsExactly("executive", "lead-authority", "steering-committee", "drafting-team",
        "stakeholder", "me-body");
    edition.phases().forEach(phase -> IntStream.range(0, phase.steps().size()).forEach(i -> {
      Step step = phase.steps().get(i);
      assertThat(step.id()).isEqualTo(phase.id() + ".S" + (i + 1));
      if (step.number() != null) {
        assertThat(step.number()).isEqualTo(phase.number() + "." + (i + 1));
      }
      assertThat(roles).contains(step.role());
    }));
  }

  @Test
  void theNinePrinciplesAndSevenFocusAreasCarryTheGuidesNumbers() {
    Edition edition = load2021();

    assertThat(edition.principles()).extracting(Principle::id)
        .containsExactly("PR1", "PR2", "PR3", "PR4", "PR5", "PR6", "PR7", "PR8", "PR9");
    assertThat(edition.principles()).extracting(Principle::number)
        .containsExactly("4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9");
    assertThat(edition.focusAreas()).extracting(FocusArea::title).containsExactly("Governance",
        "Risk management in national cybersecurity", "Preparedness and resilience",
        "Critical infrastructure and essential services", "Capability and capacity building and awareness raising",
        "Legislation and regulation", "International cooperation");
    assertThat(edition.focusAreas()).extracting(a -> a.elements().size()).containsExactly(6, 4, 5, 5, 4, 6, 4);
    assertThat(edition.elements().count()).isEqualTo(34);
    // ids and guide numbers agree everywhere: FA6.E4 is 5.6.4
    edition.focusAreas().forEach(area -> area.elements().forEach(element -> {
      String[] parts = element.id().substring(2).split("\\.E");
      assertThat(element.number()).isEqualTo("5." + parts[0] + "." + parts[1]);
      assertThat(area.id()).isEqualTo("FA" + parts[0]);
    }));
    assertThat(edition.element("FA6.E4").orElseThrow().title()).isEqualTo("Create compliance mechanisms");
    assertThat(edition.element("FA6.E3").orElseThrow().principles()).containsExactly("PR5", "PR9");
  }

  @Test
  void theRevisionFollowsTheContent() {
    String changed = text().replace("title: Vision", "title: Vision statement");

    assertThat(load2021().revision()).hasSize(12).isEqualTo(load2021().revision());
    assertThat(load(changed).revision()).isNotEqualTo(load2021().revision());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      duplicate id       | id: P1.S2           | id: P1.S1          | step P1.S1: id 'P1.S1' is already used by step P1.S1
      duplicate number   | number: "5.7.4"     | number: "5.7.3"    | element FA7.E4: guide number 5.7.3 is already used by element FA7.E3
      unknown role       | role: drafting-team | role: drafters     | step P3.S1: role 'drafters' is not one of the edition's roles
      unknown principle  | principles: [PR8]   | principles: [PR10] | step P1.S1: principle 'PR10' does not exist in this edition
      missing title      | title: Inclusiveness | title: ""         | principle PR3: title is missing
      missing confidence | confidence: verified\\n    summary: A clear | summary: A clear | principle PR1: confidence is missing
      unknown field      | outcome: A draft strategy. | result: A draft strategy. | Unrecognized field "result"
      unknown confidence | confidence: corroborated | confidence: likely | unknown confidence 'likely'
      """)
  void anInvalidFileIsRefusedWithAMessageThatNamesTheItem(String what, String original, String broken,
      String message) {
    String text = text();
    String from = original.replace("\\n", "\n");
    assertThat(text).as("fixture for %s", what).contains(from);

    assertThatThrownBy(() -> load(text.replaceFirst(Pattern.quote(from), broken)))
        .isInstanceOf(InvalidCatalogueException.class)
        .hasMessageContaining(DATA_FILE)
        .hasMessageContaining(message);
  }

  @Test
  void twoFilesForTheSameEditionAreRefused() {
    assertThatThrownBy(() -> CatalogueLoader.load(List.of(file(text(), "a.yaml"), file(text(), "b.yaml"))))
        .isInstanceOf(InvalidCatalogueException.class)
        .hasMessageContaining("edition 2021 is already defined in catalogue/a.yaml");
  }

  @Test
  void anotherEditionIsOneMoreFile() {
    String edition2025 = text().replace("key: \"2021\"", "key: \"2025\"").replace("year: 2021", "year: 2025");

    List<Edition> editions = CatalogueLoader.load(List.of(file(edition2025, "b.yaml"), file(text(), "a.yaml")));

    assertThat(editions).extracting(Edition::key).containsExactly("2021", "2025");
  }

  private static Edition load2021() {
    return load(text());
  }

  private static Edition load(String text) {
    return CatalogueLoader.load(List.of(file(text, "ncs-guide-2021.yaml"))).get(0);
  }

  private static Resource file(String text, String name) {
    return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  private static String text() {
    try {
      return new ClassPathResource(DATA_FILE).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
