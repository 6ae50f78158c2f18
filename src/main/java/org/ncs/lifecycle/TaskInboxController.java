package org.ncs.lifecycle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.Map;
import org.ncs.security.CurrentUsers;
import org.ncs.web.ResultPage;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/tasks", produces = "application/json")
@Tag(name = "Tasks", description = "Your lifecycle tasks: yours and your groups', in your countries")
class TaskInboxController {

  static final String ID = "[A-Za-z0-9-]{1,64}";
  static final String ID_MESSAGE = "{validation.taskId}";

  private final TaskInbox inbox;
  private final CurrentUsers users;

  TaskInboxController(TaskInbox inbox, CurrentUsers users) {
    this.inbox = inbox;
    this.users = users;
  }

  @GetMapping
  @Operation(summary = "Your tasks and your groups' tasks, earliest due first")
  ResultPage<OpenTask> list(
      @RequestParam(required = false) @Pattern(regexp = ID, message = "{validation.engagementId}") String engagement,
      @RequestParam(required = false) @Pattern(regexp = "P[1-5]", message = "{validation.phase}") String phase,
      @RequestParam(required = false) @Parameter(description = "a date (2027-03-31) or an ISO 8601 instant (2027-03-31T00:00:00Z)")
      Instant dueBefore,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return inbox.list(users.current(), engagement, phase, dueBefore, overdue, page, size);
  }

  @GetMapping("/{taskId}")
  @Operation(summary = "One task with the fields its form asks for")
  TaskDetail get(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String taskId) {
    return inbox.get(taskId, users.current());
  }

  @PostMapping("/{taskId}/claim")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Take the task: nobody else of your group can complete it then")
  void claim(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String taskId) {
    inbox.claim(taskId, users.current());
  }

  @PostMapping("/{taskId}/unclaim")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Give the task back to your group")
  void unclaim(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String taskId) {
    inbox.unclaim(taskId, users.current());
  }

  @PostMapping(path = "/{taskId}/complete", consumes = "application/json")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Complete the task with the answers to its form (claims it for you if nobody has)")
  void complete(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String taskId,
      @RequestBody @Valid Completion completion) {
    inbox.complete(taskId, completion.variables(), users.current());
  }

  /** @param variables the form's fields: text, numbers, true/false, or lists of text for multiple choices */
  record Completion(@NotNull Map<String, Object> variables) {
  }
}
