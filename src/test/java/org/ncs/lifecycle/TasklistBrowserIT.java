package org.ncs.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.ncs.security.Roles;
import org.ncs.testing.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Camunda Tasklist still runs the models' Camunda Forms for administrators and process engineers: an
 * administrator, in a real (headless) Chromium, opens the first task of a country's lifecycle, sees its form,
 * fills and completes it, and the next task is waiting. Uses the system's Chromium and ChromeDriver (Debian
 * packages chromium and chromium-driver).
 */
@IntegrationTest
class TasklistBrowserIT {

  static final String COUNTRY = "NAM";

  @Autowired
  ProcessEngine engine;

  @Autowired
  Lifecycles lifecycles;

  @Autowired
  TaskOutcomeRepository outcomes;

  @LocalServerPort
  int port;

  WebDriver browser;
  String user;

  @BeforeEach
  void setUp() {
    user = "admin-" + UUID.randomUUID().toString().substring(0, 8);
    IdentityService identity = engine.getIdentityService();
    User person = identity.newUser(user);
    person.setFirstName("Ndapewa");
    person.setLastName("Shikongo");
    person.setPassword("a-long-test-password");
    identity.saveUser(person);
    for (String group : List.of(Roles.ADMIN)) {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        identity.saveGroup(identity.newGroup(group));
      }
      identity.createMembership(user, group);
    }
    if (identity.createTenantQuery().tenantId(COUNTRY).count() == 0) {
      identity.saveTenant(identity.newTenant(COUNTRY));
    }
    identity.createTenantUserMembership(COUNTRY, user);

    ChromeOptions options = new ChromeOptions()
        .setBinary("/usr/bin/chromium")
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1400,1000");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
        .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void tearDown(TestInfo test) throws Exception {
    if (browser != null) {
      Path screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
      Path target = Path.of("target", "browser", test.getTestMethod().orElseThrow().getName() + ".png");
      Files.createDirectories(target.getParent());
      Files.copy(screenshot, target, StandardCopyOption.REPLACE_EXISTING);
      browser.quit();
    }
  }

  @Test
  void anAdministratorCompletesTheFirstLifecycleTaskInTheTasklistAndTheNextOneAppears() {
    String engagement = "engagement-" + UUID.randomUUID();
    lifecycles.start(engagement, COUNTRY, LifecyclePlan.endingOn(LocalDate.of(2031, 12, 31)), List.of("ITU"));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

    String first = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement).singleResult()
        .getId();
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + first);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("a-long-test-password");
    browser.findElement(By.cssSelector("button[type='submit']")).click();

    WebElement authority = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[id$='-Field_leadAuthorityName']")));
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
        .contains("Lead project authority", "Mandate (decree, decision or letter)", "Mandate document",
            "Or a link instead", "For a document published on a website: its address, starting with https://");

    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    authority.sendKeys("National Cyber Security Agency");
    browser.findElement(By.cssSelector("[id$='-Field_mandateReference']")).sendKeys("Cabinet decision 2027/14");
    browser.findElement(By.cssSelector("[id$='-Field_mandateUrl']")).sendKeys("https://gov.example.na/decision-14.pdf");
    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[contains(@class,'btn-primary') and normalize-space()='Complete']")));
    // the Tasklist's fixed footer can cover the button at the bottom of the form
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", complete);
    complete.click();

    wait.until(driver -> engine.getTaskService().createTaskQuery().taskId(first).count() == 0);
    Task next = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(engagement).singleResult();
    assertThat(next.getTaskDefinitionKey()).isEqualTo("Task_EstablishSteeringCommittee");
    TaskOutcome outcome = outcomes.findByProcessInstanceIdAndActivityIdOrderByCompletedAt(
        next.getProcessInstanceId(), "Task_IdentifyLeadAuthority").get(0);
    assertThat(outcome.completedBy()).isEqualTo(user);
    assertThat(outcome.outcome()).contains("National Cyber Security Agency", "Cabinet decision 2027/14");
  }
}
