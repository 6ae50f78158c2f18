package org.ncs.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

class ProblemDetailsAdviceTest {

  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new SampleController())
      .setControllerAdvice(new ProblemDetailsAdvice(DataSize.ofMegabytes(25)))
      .build();

  @Test
  void anUnexpectedFailureIsA500ProblemWithAnErrorIdAndNoInternals() throws Exception {
    mvc.perform(get("/api/explode"))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Internal error"))
        .andExpect(jsonPath("$.errorId").isString())
        .andExpect(content().string(not(containsString("secret connection string"))))
        .andExpect(content().string(not(containsString("at org.ncs"))))
        .andExpect(content().string(not(containsString("IllegalStateException"))));
  }

  @Test
  void invalidFieldsAreListedOneByOne() throws Exception {
    mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\":\"\",\"code\":\"TOOLONG\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("2 fields are invalid."))
        .andExpect(jsonPath("$.errors[0].field").value("code"))
        .andExpect(jsonPath("$.errors[0].message").value("size must be between 0 and 3"))
        .andExpect(jsonPath("$.errors[1].field").value("name"))
        .andExpect(jsonPath("$.errors[1].message").value("must not be blank"));
  }

  @Test
  void malformedJsonIsA400ThatSaysWhereWithoutTheParsersInternals() throws Exception {
    mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.detail").value("The request body is not valid JSON (line 1, column 10)."))
        .andExpect(content().string(not(containsString("JsonEOFException"))));
  }

  @Test
  void aValueOfTheWrongKindNamesItsFieldAndWhereItIs() throws Exception {
    mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON)
            .content("{\"name\": \"x\",\n \"due\": true}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("due"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a date (yyyy-mm-dd)"))
        .andExpect(jsonPath("$.detail").value(containsString("line 2")));
  }

  @Test
  void outsideTheApiTheSameFailureIsTheErrorPageOfItsStatus() throws Exception {
    mvc.perform(get("/page/explode"))
        .andExpect(status().isInternalServerError())
        .andExpect(request().attribute(ErrorPages.class.getName() + ".errorId", notNullValue()))
        .andExpect(content().string(""));
  }

  @Test
  void anErrorPageSaysWhatHappenedInTheServicesWordsOnly() throws Exception {
    mvc.perform(get("/page/gone"))
        .andExpect(status().isNotFound())
        .andExpect(request().attribute(ErrorPages.class.getName() + ".detail", "Completed by a colleague."));
    mvc.perform(get("/page/missing"))
        .andExpect(status().isNotFound())
        .andExpect(request().attribute(ErrorPages.class.getName() + ".detail", nullValue()));
    mvc.perform(get("/page/needs"))
        .andExpect(status().isBadRequest())
        .andExpect(request().attribute(ErrorPages.class.getName() + ".detail", nullValue()));
  }

  @RestController
  static class SampleController {

    @GetMapping("/page/gone")
    String gone() {
      throw NotFoundException.ended("Completed by a colleague.");
    }

    @GetMapping("/page/missing")
    String missing() {
      throw new NotFoundException("There is no thing 42 for you.");
    }

    @GetMapping("/page/needs")
    String needs(@RequestParam String value) {
      return value;
    }

    @GetMapping({"/api/explode", "/page/explode"})
    String explode() {
      throw new IllegalStateException("secret connection string");
    }

    @PostMapping("/api/things")
    String create(@Valid @RequestBody Thing thing) {
      return thing.name();
    }
  }

  record Thing(@NotBlank String name, @Size(max = 3) String code, LocalDate due) {
  }
}
